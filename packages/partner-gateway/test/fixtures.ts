/**
 * The vendor's documented payloads (docs/providers/partner-gateway.md and seeds 000–002), verbatim where the vendor
 * gives JSON; the `DeliveryStatusResponse` examples use exactly the fields and values the vendor's pages name.
 */

/** The 429 body, verbatim. */
export const RATE_LIMITED_BODY = {
  status: 429,
  error: 'Too Many Requests',
  message: 'Rate limit exceeded. Please retry after 12 seconds.',
  retryAfter: 12,
}

/** Delivery-report callbacks, verbatim (the four variants the vendor's pages show). */
export const WEBHOOK_DELIVERY_SMS = {
  eventType: 'DELIVERY',
  messageId: 'e766…',
  customerMessageId: 'order-12345',
  destination: '+393401234567',
  statusCode: 3,
  description: 'Message delivered',
  channel: 'SMS',
  timestamp: '2026-04-09T10:30:00Z',
}

export const WEBHOOK_READ = {
  eventType: 'READ',
  messageId: 'e766…',
  destination: '+393401234567',
  channel: 'RCS',
  timestamp: '2026-04-09T10:31:15Z',
}

export const WEBHOOK_DELIVERY_RCS = {
  channel: 'RCS',
  eventType: 'DELIVERY',
  messageId: 'uuid',
  destination: '+393401234567',
  statusCode: 3,
  description: 'delivered',
  eventDate: '2025-10-16T10:42:18Z',
}

export const WEBHOOK_NOT_DELIVERED_PART = {
  channel: 'SMS',
  eventType: 'DELIVERY',
  messageId: 'uuid',
  statusCode: 6,
  statusDescription: 'Not Delivered',
  price: 0.035,
  numPart: 1,
  totalParts: 1,
  timestamp: '2024-01-15T10:30:00Z',
}

/**
 * The webhook guide's delivery report: its fields exactly (`messageId, customerMessageId, phoneNumber, status,
 * timestamp, channel, error`), with the guide's `status: "DELIVERED"` and `channel: "sms"`.
 */
export const WEBHOOK_GUIDE_DELIVERED = {
  messageId: 'e766b2f0-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
  customerMessageId: 'order-12345',
  phoneNumber: '+393401234567',
  status: 'DELIVERED',
  timestamp: '2026-04-09T10:30:00Z',
  channel: 'sms',
  error: null,
}

/** A user reply (`eventType: INBOUND`): not a delivery report. */
export const WEBHOOK_INBOUND = {
  eventType: 'INBOUND',
  messageId: 'e766b2f0-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
  destination: '+393401234567',
  body: 'STOP',
  channel: 'RCS',
  timestamp: '2026-04-09T10:32:00Z',
}

/** The single-status answer as the overview shows it: the status alone, no id. */
export const STATUS_OVERVIEW = { deliveryStatus: 'DELIVERED' }

/** A `DeliveryStatusResponse` with the confirmed fields and the likely extra ones. */
export const STATUS_DELIVERED = {
  customerMessageId: '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f',
  deliveryStatus: 'DELIVERED',
  deliveryStatusDescription: 'Message delivered',
  channel: 'RCS',
  destination: '+393401234567',
  sendDate: '2025-01-01T10:00:00+01:00',
  deliveryDate: '2025-01-01T10:00:05+01:00',
  cost: 0.042,
}

/** The same, with the Italian pages' machine-translated field names. */
export const STATUS_ITALIAN = {
  customerMessageId: 'order-12345',
  deliveryStato: 'ERROR',
  deliveryStatoDescription: 'RCS disabled',
}

/** The wrapped history shape of the vendor's use-case page. */
export const WRAPPED_HISTORY = {
  messages: [
    {
      messageId: 'e766b2f0-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
      channel: 'RCS',
      direction: 'OUTBOUND',
      destination: '+393401234567',
      sender: 'AcmeAgent',
      body: 'Your order has shipped',
      status: 'DELIVERED',
      sendDate: '2025-01-01T10:00:00Z',
      deliveryDate: '2025-01-01T10:00:03Z',
      cost: 0.06,
      parts: 1,
    },
  ],
}

/** A status payload for a given native status (for table tests and generators). */
export const statusPayload = (deliveryStatus: unknown, extra: Record<string, unknown> = {}) => ({
  customerMessageId: 'order-12345',
  deliveryStatus,
  deliveryStatusDescription: null,
  channel: 'RCS',
  destination: '+393401234567',
  sendDate: '2025-01-01T10:00:00Z',
  ...extra,
})

/** The API key the tests use (registered as a secret by the adapter). */
export const API_KEY = 'pg-test-key-7f3a9c21'
export const BASE_URL = 'https://lora-api.agiletelecom.com/api'

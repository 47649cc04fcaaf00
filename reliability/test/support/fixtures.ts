/**
 * The vendors' documented example payloads (`/work/shared/providers/*.md`), verbatim where the vendor prints JSON.
 * partner-gateway prints no `DeliveryStatusResponse` JSON: those two use exactly the fields and values its pages name.
 */

/** partner-gateway delivery-report callbacks: the four variants the vendor's pages show, verbatim. */
export const PG_WEBHOOKS: readonly Record<string, unknown>[] = [
  {
    eventType: 'DELIVERY',
    messageId: 'e766…',
    customerMessageId: 'order-12345',
    destination: '+393401234567',
    statusCode: 3,
    description: 'Message delivered',
    channel: 'SMS',
    timestamp: '2026-04-09T10:30:00Z',
  },
  {
    eventType: 'READ',
    messageId: 'e766…',
    destination: '+393401234567',
    channel: 'RCS',
    timestamp: '2026-04-09T10:31:15Z',
  },
  {
    channel: 'RCS',
    eventType: 'DELIVERY',
    messageId: 'uuid',
    destination: '+393401234567',
    statusCode: 3,
    description: 'delivered',
    eventDate: '2025-10-16T10:42:18Z',
  },
  {
    channel: 'SMS',
    eventType: 'DELIVERY',
    messageId: 'uuid',
    statusCode: 6,
    statusDescription: 'Not Delivered',
    price: 0.035,
    numPart: 1,
    totalParts: 1,
    timestamp: '2024-01-15T10:30:00Z',
  },
]

/** partner-gateway status records: the documented fields (both spellings) and the wrapped history item. */
export const PG_RECORDS: readonly Record<string, unknown>[] = [
  {
    customerMessageId: 'order-12345',
    deliveryStatus: 'DELIVERED',
    deliveryStatusDescription: 'Message delivered',
    channel: 'RCS',
    destination: '+393401234567',
    sendDate: '2025-01-01T00:00:00+01:00',
    deliveryDate: '2025-01-01T00:00:05+01:00',
    cost: 0.035,
  },
  { customerMessageId: 'order-12345', deliveryStato: 'ERROR', deliveryStatoDescription: 'RCS disabled' },
  {
    messageId: 'e766…',
    channel: 'RCS',
    direction: 'OUTBOUND',
    destination: '+393401234567',
    sender: 'sender',
    body: 'text',
    status: 'DELIVERED',
    sendDate: '2025-10-16T10:42:18Z',
    deliveryDate: '2025-10-16T10:42:18Z',
    cost: 0.035,
    parts: 1,
  },
]

/** partner-gateway's documented 429 body, verbatim (not a record). */
export const PG_RATE_LIMITED = {
  status: 429,
  error: 'Too Many Requests',
  message: 'Rate limit exceeded. Please retry after 12 seconds.',
  retryAfter: 12,
}

/** BSG `GET /api/messages` example (seed 003), verbatim. */
export const BSG_PAGE = {
  data: [
    {
      id: 26130,
      campaign_id: 1,
      reference_id: 'string',
      type: 'rcs',
      source: 'web',
      text: 'text',
      phone: 380661234567,
      validity: 72,
      status: 'scheduled',
      amount: { value: 'string', currency: 'UAH' },
      sender: 'sender',
      created_at: '2021-04-27 19:44:06',
      sent_at: '2021-04-27 19:44:06',
      delivered_at: '2021-04-27 19:44:06',
      rcs_options: {
        cards: [{ text: 'string', media: { url: 'string' }, suggestions: [{ text: 'string', phone: 'string' }] }],
      },
      alternative_channels: { sms: { parts: 0, id: [0] } },
    },
  ],
  meta: { page: { total: 1, offset: 20, limit: 40 } },
}

/** The record of {@link BSG_PAGE}. */
export const BSG_RECORD = BSG_PAGE.data[0] as Record<string, unknown>

/** BSG's RCS status callback, verbatim. */
export const BSG_WEBHOOK = {
  error: 0,
  errorDescription: 'No errors',
  id: '3266500452',
  msisdn: '380997087351',
  reference: 'hello',
  time_in: '2024-08-22 11:47:42',
  time_sent: '2024-08-22 11:47:42',
  time_dr: '2024-08-22 11:47:53',
  status: 'delivered',
  price: '1.1000000',
  currency: 'EUR',
}

/** The `/j/rcs_records` example record (seed 004), verbatim. */
export const SPACIVOX_RECORD = {
  campaign: 1,
  id: 1,
  job: 1,
  number: '+33612345678',
  portal: null,
  reference: '123456',
  state: 0,
  team: 1,
  timestamp: '2015-01-06T10:21:14.243Z',
}

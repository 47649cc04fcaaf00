/**
 * io-ts codecs documenting partner-gateway's payloads. The adapter decodes payloads by hand (same rules, faster), so
 * it never uses these at run time; they live in their own module so that a bundler honouring `sideEffects: false`
 * leaves them — and the io-ts combinators only they need — out of applications that do not import them.
 */

import { nullableCodec } from '@rcs-records/core/kit'
import * as t from 'io-ts'

/**
 * The `deliveryStatus` values partner-gateway documents for its status, batch and history endpoints.
 *
 * @example
 * import { PartnerStatusCodec } from '@rcs-records/partner-gateway'
 * PartnerStatusCodec.is('RECEIVED') // true
 */
export const PartnerStatusCodec = t.keyof(
  { SENT: null, RECEIVED: null, DELIVERED: null, READ: null, ERROR: null, EXPIRED: null, UNKNOWN: null },
  'PartnerStatus',
)

/**
 * A `deliveryStatus` value partner-gateway documents.
 *
 * @example
 * import type { PartnerStatus } from '@rcs-records/partner-gateway'
 * const status: PartnerStatus = 'EXPIRED'
 */
export type PartnerStatus = t.TypeOf<typeof PartnerStatusCodec>

/**
 * io-ts codec documenting a `DeliveryStatusResponse` (single status, batch and history items) with both field
 * spellings (`deliveryStatus…` and the machine-translated `deliveryStato…`). `normalize` uses a faster hand-written
 * decoder that checks the same things: an id and one of the status fields are required; unknown status strings are
 * accepted (they normalise to `unknown`).
 *
 * @example
 * import { DeliveryStatusResponseCodec } from '@rcs-records/partner-gateway'
 * DeliveryStatusResponseCodec.is({ customerMessageId: 'order-12345', deliveryStato: 'DELIVERED' }) // true
 */
export const DeliveryStatusResponseCodec = t.intersection(
  [
    t.type({ customerMessageId: t.string }),
    t.union([t.type({ deliveryStatus: t.string }), t.type({ deliveryStato: t.string })]),
    t.partial({
      deliveryStatusDescription: nullableCodec(t.string),
      deliveryStatoDescription: nullableCodec(t.string),
      channel: nullableCodec(t.string),
      destination: nullableCodec(t.string),
      sendDate: nullableCodec(t.string),
      deliveryDate: nullableCodec(t.string),
      cost: nullableCodec(t.union([t.number, t.string])),
    }),
  ],
  'DeliveryStatusResponse',
)

/**
 * One `DeliveryStatusResponse`.
 *
 * @example
 * import type { DeliveryStatusResponse } from '@rcs-records/partner-gateway'
 * const item: DeliveryStatusResponse = { customerMessageId: 'order-12345', deliveryStatus: 'SENT' }
 */
export type DeliveryStatusResponse = t.TypeOf<typeof DeliveryStatusResponseCodec>

/**
 * io-ts codec documenting an item of the wrapped history shape of the vendor's use-case page
 * (`{"messages":[{messageId, channel, direction, destination, sender, body, status, sendDate, deliveryDate, cost, parts}]}`).
 *
 * @example
 * import { HistoryMessageCodec } from '@rcs-records/partner-gateway'
 * HistoryMessageCodec.is({ messageId: 'e766…', status: 'DELIVERED' }) // true
 */
export const HistoryMessageCodec = t.intersection(
  [
    t.type({ messageId: t.string, status: t.string }),
    t.partial({
      channel: nullableCodec(t.string),
      direction: nullableCodec(t.string),
      destination: nullableCodec(t.string),
      sender: nullableCodec(t.string),
      body: nullableCodec(t.string),
      sendDate: nullableCodec(t.string),
      deliveryDate: nullableCodec(t.string),
      cost: nullableCodec(t.union([t.number, t.string])),
      parts: nullableCodec(t.number),
    }),
  ],
  'HistoryMessage',
)

/**
 * One item of the wrapped history shape.
 *
 * @example
 * import type { HistoryMessage } from '@rcs-records/partner-gateway'
 * const item: HistoryMessage = { messageId: 'e766…', status: 'SENT', parts: 1 }
 */
export type HistoryMessage = t.TypeOf<typeof HistoryMessageCodec>

/**
 * io-ts codec of a history (or batch) response: a bare array, or `{ "messages": [...] }`. Items are decoded one by
 * one afterwards, so one bad item never loses a page.
 *
 * @example
 * import { HistoryPageCodec } from '@rcs-records/partner-gateway'
 * HistoryPageCodec.is({ messages: [] }) // true
 * HistoryPageCodec.is([]) // true
 */
export const HistoryPageCodec = t.union([t.UnknownArray, t.type({ messages: t.UnknownArray })], 'HistoryPage')

/**
 * io-ts codec documenting a delivery-report callback (every variant the vendor's pages show, including the webhook
 * guide's `{messageId, customerMessageId, phoneNumber, status, timestamp, channel, error}`). `parseWebhook` decodes
 * by hand with the same rules: an id (`customerMessageId` or `messageId`) is required, and a `statusCode` or a
 * `status` unless the event is `READ` or `INBOUND`.
 *
 * @example
 * import { WebhookEventCodec } from '@rcs-records/partner-gateway'
 * WebhookEventCodec.is({ eventType: 'READ', messageId: 'e766…', channel: 'RCS', timestamp: '2026-04-09T10:31:15Z' }) // true
 */
export const WebhookEventCodec = t.partial(
  {
    eventType: t.string,
    messageId: t.string,
    customerMessageId: t.string,
    destination: t.string,
    phoneNumber: t.string,
    statusCode: t.union([t.number, t.string]),
    status: t.string,
    error: t.unknown,
    description: t.string,
    statusDescription: t.string,
    channel: t.string,
    timestamp: t.string,
    eventDate: t.string,
    price: t.union([t.number, t.string]),
    numPart: t.number,
    totalParts: t.number,
  },
  'PartnerGatewayWebhookEvent',
)

/**
 * One delivery-report callback.
 *
 * @example
 * import type { WebhookEvent } from '@rcs-records/partner-gateway'
 * const event: WebhookEvent = { eventType: 'DELIVERY', messageId: 'uuid', statusCode: 3 }
 */
export type WebhookEvent = t.TypeOf<typeof WebhookEventCodec>

/**
 * io-ts codec of the documented 429 body: `{"status":429,"error":"Too Many Requests","message":"…","retryAfter":12}`
 * (`retryAfter` in seconds).
 *
 * @example
 * import { RateLimitBodyCodec } from '@rcs-records/partner-gateway'
 * RateLimitBodyCodec.is({ retryAfter: 12 }) // true
 */
export const RateLimitBodyCodec = t.partial(
  { status: t.number, error: t.string, message: t.string, retryAfter: t.union([t.number, t.string]) },
  'RateLimitBody',
)

/**
 * What partner-gateway sends: the documented status values, the response envelope of the batch and history
 * endpoints (decoded at run time by {@link pageItems}), and one status item, which `normalize` decodes by hand (same
 * rules, faster). A property test (`test/payload.test.ts`) keeps them in agreement: `DeliveryStatusResponseCodec.is(x)`
 * exactly when `normalize(x)` is a record, `HistoryPageCodec.is(x)` exactly when `pageItems(x)` is a list. The codecs
 * the adapter does not run are marked pure, so a bundler drops them from applications that do not import them.
 * Callbacks have no codec: what `parseWebhook` accepts depends on the event type (see its documentation).
 */

import type { RcsError } from '@rcs-records/core'
import { decodeError, describeValue, left, refinedCodec, right } from '@rcs-records/core/kit'
import type { Either } from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { readId } from './fields.js'
import { PROVIDER } from './provider.js'

/**
 * The `deliveryStatus` values partner-gateway documents for its status, batch and history endpoints; the keys of
 * `statusTable`.
 */
export const PartnerStatusCodec = /* @__PURE__ */ t.keyof(
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

/** A message id as `normalize` reads it: a non-empty string, or a safe integer. */
const MessageId = /* @__PURE__ */ refinedCodec<string | number>(
  /* @__PURE__ */ t.union([t.string, t.number]),
  (value) => readId(value) !== null,
  'a non-empty string id',
)

/**
 * io-ts codec of one `DeliveryStatusResponse` (single status, batch and history items, in either spelling:
 * `deliveryStatus…` or the machine-translated `deliveryStato…`) or one item of the wrapped history shape, as
 * `normalize` reads it: an id (`customerMessageId`, else `messageId`: a non-empty string or an integer) and a status
 * string (`deliveryStatus`, `deliveryStato` or `status`) — exactly what `normalize` requires; unknown status strings
 * are accepted (they normalise to `unknown`). The other fields are listed with what the vendor documents, and accepted
 * whatever they hold (an unusable value becomes null and stays in `raw`): `deliveryStatusDescription` /
 * `deliveryStatoDescription`, `channel` (`RCS`, `SMS`, `WHATSAPP`), `destination` (E.164), `sender`, `body`,
 * `direction`, `sendDate`, `deliveryDate` (ISO-8601), `cost` (number or decimal string), `parts`.
 */
export const DeliveryStatusResponseCodec = /* @__PURE__ */ t.intersection(
  [
    /* @__PURE__ */ t.union([
      /* @__PURE__ */ t.type({ customerMessageId: MessageId }),
      /* @__PURE__ */ t.type({ messageId: MessageId }),
    ]),
    /* @__PURE__ */ t.union([
      /* @__PURE__ */ t.type({ deliveryStatus: t.string }),
      /* @__PURE__ */ t.type({ deliveryStato: t.string }),
      /* @__PURE__ */ t.type({ status: t.string }),
    ]),
    /* @__PURE__ */ t.partial({
      deliveryStatusDescription: t.unknown,
      deliveryStatoDescription: t.unknown,
      channel: t.unknown,
      destination: t.unknown,
      sender: t.unknown,
      body: t.unknown,
      direction: t.unknown,
      sendDate: t.unknown,
      deliveryDate: t.unknown,
      cost: t.unknown,
      parts: t.unknown,
    }),
  ],
  'DeliveryStatusResponse',
)

/**
 * One status item as `normalize` reads it.
 *
 * @example
 * import type { DeliveryStatusResponse } from '@rcs-records/partner-gateway'
 * const item: DeliveryStatusResponse = { customerMessageId: 'order-12345', deliveryStatus: 'SENT' }
 */
export type DeliveryStatusResponse = t.TypeOf<typeof DeliveryStatusResponseCodec>

/**
 * io-ts codec of a batch or history response as {@link pageItems} reads it: a bare JSON array (the API reference) or
 * `{ "messages": [...] }` (the vendor's use-case page).
 */
export const HistoryPageCodec = /* @__PURE__ */ t.union(
  [t.UnknownArray, /* @__PURE__ */ t.type({ messages: t.UnknownArray })],
  'HistoryPage',
)

/**
 * The items of a batch or history response: a bare JSON array (the API reference) or `{ "messages": [...] }` (the
 * vendor's use-case page). Anything else is a `decode` error for the whole response; the items themselves are
 * decoded one by one by the caller.
 */
export const pageItems = (body: unknown): Either<RcsError, readonly unknown[]> => {
  if (Array.isArray(body)) return right(body)
  if (body !== null && typeof body === 'object') {
    const messages = (body as { messages?: unknown }).messages
    if (Array.isArray(messages)) return right(messages)
    return left(
      decodeError(PROVIDER, body, [
        { path: 'messages', expected: 'an array of messages (or a bare array body)', actual: describeValue(messages) },
      ]),
    )
  }
  return left(
    decodeError(PROVIDER, body, [
      {
        path: '(root)',
        expected: 'an array of DeliveryStatusResponse or { messages: [...] }',
        actual: describeValue(body),
      },
    ]),
  )
}

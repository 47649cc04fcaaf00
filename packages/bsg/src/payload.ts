/**
 * io-ts codecs of what BSG sends: the `/api/messages` envelope and the login answer (decoded with these at run time),
 * and one message item and one status callback, which the adapter decodes by hand (same rules, faster). A property
 * test (`test/payload.test.ts`) keeps the hand-written decoders and these codecs in agreement: `BsgMessageCodec.is(x)`
 * exactly when `normalize(x)` is a record, `BsgCallbackCodec.is(x)` exactly when `parseWebhook(x)` is one record.
 * The codecs the adapter does not run are marked pure, so a bundler drops them from applications that do not import
 * them.
 */

import { readIntegerId, refinedCodec } from '@rcs-records/core/kit'
import * as t from 'io-ts'

/**
 * The statuses BSG documents for `/api/messages` and its callbacks (spec, docs and campaign statistics); the keys of
 * `statusTable`.
 */
export const BsgStatusCodec = /* @__PURE__ */ t.keyof(
  {
    scheduled: null,
    moderation: null,
    accepted: null,
    sending: null,
    sent: null,
    delivered: null,
    read: null,
    expired: null,
    failed: null,
    undelivered: null,
    unknown: null,
    not_service_user: null,
    not_rcs_user: null,
    not_viber_user: null,
  },
  'BsgStatus',
)

/**
 * A status value BSG documents.
 *
 * @example
 * import type { BsgStatus } from '@rcs-records/bsg'
 * const status: BsgStatus = 'delivered'
 */
export type BsgStatus = t.TypeOf<typeof BsgStatusCodec>

/** A BSG id as `normalize` reads it (core's `readIntegerId`): a non-negative safe integer, or up to 20 digits. */
const BsgId = /* @__PURE__ */ refinedCodec<number | string>(
  /* @__PURE__ */ t.union([t.number, t.string]),
  (value) => readIntegerId(value) !== null,
  'a non-negative integer id (number or digit string)',
)

/**
 * io-ts codec of one `/api/messages` item (`MessageApiSchema`) as the adapter reads it: an object with an integer
 * `id` and a string `status` — exactly what `normalize` requires; any status string is accepted (unknown ones
 * normalise to `unknown`). The other fields are listed with what BSG documents, and accepted whatever they hold:
 * `normalize` makes an unusable value null and keeps it in `raw`, never failing the record for it.
 *
 * | field | BSG sends |
 * |---|---|
 * | `campaign_id`, `phone` | number or string |
 * | `reference_id`, `type`, `source`, `text`, `sender`, `country` | string |
 * | `created_at`, `sent_at` (`send_at` in the seed), `delivered_at` | zone-less `yyyy-mm-dd hh:mm:ss` |
 * | `validity`, `parts` | number |
 * | `amount` (`amont` in the seed, also as an array) | `{ value, currency }` |
 * | `alternative_channels` | `{ sms?: { parts, id }, viber?: { parts, id } }` |
 * | `rcs_options` | the RCS content |
 */
export const BsgMessageCodec = /* @__PURE__ */ t.intersection(
  [
    /* @__PURE__ */ t.type({ id: BsgId, status: t.string }),
    /* @__PURE__ */ t.partial({
      campaign_id: t.unknown,
      reference_id: t.unknown,
      type: t.unknown,
      source: t.unknown,
      text: t.unknown,
      phone: t.unknown,
      validity: t.unknown,
      amount: t.unknown,
      amont: t.unknown,
      sender: t.unknown,
      created_at: t.unknown,
      sent_at: t.unknown,
      send_at: t.unknown,
      delivered_at: t.unknown,
      country: t.unknown,
      parts: t.unknown,
      rcs_options: t.unknown,
      alternative_channels: t.unknown,
    }),
  ],
  'BsgMessage',
)

/**
 * One `/api/messages` item as the adapter reads it.
 *
 * @example
 * import type { BsgMessage } from '@rcs-records/bsg'
 * const message: BsgMessage = { id: 26130, status: 'scheduled', phone: 380661234567 }
 */
export type BsgMessage = t.TypeOf<typeof BsgMessageCodec>

/**
 * io-ts codec of one RCS status callback (`RcsStatusCallback`) as `parseWebhook` reads it: an integer `id` and a
 * string `status`, exactly what it requires; the other fields are accepted whatever they hold (unusable ones become
 * null in the record). BSG sends `error` (0 or a code), `errorDescription`, `msisdn`, `reference`, `time_in`,
 * `time_sent`, `time_dr` (zone-less times), `price` and `currency`.
 */
export const BsgCallbackCodec = /* @__PURE__ */ t.intersection(
  [
    /* @__PURE__ */ t.type({ id: BsgId, status: t.string }),
    /* @__PURE__ */ t.partial({
      error: t.unknown,
      errorDescription: t.unknown,
      msisdn: t.unknown,
      reference: t.unknown,
      time_in: t.unknown,
      time_sent: t.unknown,
      time_dr: t.unknown,
      price: t.unknown,
      currency: t.unknown,
    }),
  ],
  'BsgCallback',
)

/**
 * One RCS status callback as `parseWebhook` reads it.
 *
 * @example
 * import type { BsgCallback } from '@rcs-records/bsg'
 * const callback: BsgCallback = { id: '3266500452', status: 'delivered', error: 0 }
 */
export type BsgCallback = t.TypeOf<typeof BsgCallbackCodec>

/**
 * io-ts codec of a `/api/messages` response envelope; items are decoded one by one afterwards, so one bad item
 * never loses a page.
 */
export const MessagesPageCodec = t.intersection(
  [
    t.type({ data: t.UnknownArray }),
    t.partial({ meta: t.partial({ page: t.partial({ total: t.number, offset: t.number, limit: t.number }) }) }),
  ],
  'BsgMessagesPage',
)

/**
 * A decoded `/api/messages` response envelope.
 */
export type MessagesPage = t.TypeOf<typeof MessagesPageCodec>

/**
 * io-ts codec of the login and refresh answers (`TokenSchema`): `{ "bearer": "<JWT>" }`.
 */
export const TokenResponseCodec = t.type({ bearer: refinedCodec(t.string, (s) => s.length > 0, 'a non-empty token') })

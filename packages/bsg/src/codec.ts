import { isHttpUrl, isValidTimeZone, nullableCodec, refinedCodec } from '@rcs-records/core'
import * as t from 'io-ts'

/**
 * The vendor's documented base URL.
 *
 * @example
 * import { DEFAULT_BASE_URL } from '@rcs-records/bsg'
 * DEFAULT_BASE_URL // 'https://one-api.bsg.world'
 */
export const DEFAULT_BASE_URL = 'https://one-api.bsg.world'

/**
 * BSG's smallest `page[limit]`.
 *
 * @example
 * import { PAGE_LIMIT_MIN } from '@rcs-records/bsg'
 * PAGE_LIMIT_MIN // 15
 */
export const PAGE_LIMIT_MIN = 15

/**
 * BSG's largest `page[limit]`.
 *
 * @example
 * import { PAGE_LIMIT_MAX } from '@rcs-records/bsg'
 * PAGE_LIMIT_MAX // 500
 */
export const PAGE_LIMIT_MAX = 500

/**
 * Clamps a page size to BSG's `page[limit]` bounds (15–500).
 *
 * @example
 * import { clampPageSize } from '@rcs-records/bsg'
 * clampPageSize(1000) // 500
 * clampPageSize(5) // 15
 */
export const clampPageSize = (size: number): number =>
  Math.min(PAGE_LIMIT_MAX, Math.max(PAGE_LIMIT_MIN, Math.trunc(size)))

const wholeAtLeast = (min: number) => (n: number) => Number.isSafeInteger(n) && n >= min

const ConfigInputCodec = t.intersection([
  t.type({
    apiKey: refinedCodec(t.string, (s) => s.trim() !== '', 'a non-empty string (your BSG API key, live_… or test_…)'),
  }),
  t.partial({
    baseUrl: refinedCodec(t.string, isHttpUrl, 'an https URL without query, such as https://one-api.bsg.world'),
    timeZone: refinedCodec(t.string, isValidTimeZone, 'an IANA time zone such as UTC or Europe/Kyiv'),
    pageSize: refinedCodec(t.number, Number.isSafeInteger, 'an integer (clamped to 15–500)'),
    maxPages: refinedCodec(t.number, wholeAtLeast(1), 'an integer ≥ 1'),
    refreshAheadMs: refinedCodec(t.number, wholeAtLeast(0), 'an integer number of milliseconds ≥ 0'),
    lookbackMonths: refinedCodec(t.number, wholeAtLeast(1), 'an integer number of months ≥ 1'),
    concurrency: refinedCodec(t.number, wholeAtLeast(1), 'an integer ≥ 1'),
  }),
])

/**
 * The adapter's settings, complete (defaults applied).
 *
 * @example
 * import type { Config } from '@rcs-records/bsg'
 * const config: Config = {
 *   apiKey: 'live_…', baseUrl: 'https://one-api.bsg.world', timeZone: 'Europe/Kyiv', pageSize: 500,
 *   maxPages: 100_000, refreshAheadMs: 300_000, lookbackMonths: 3, concurrency: 4,
 * }
 */
export interface Config {
  /** The API key from BSG's account (Integrations & API → SMPP/API Password). A secret. */
  apiKey: string
  /** Default `https://one-api.bsg.world`; a trailing slash is dropped. */
  baseUrl: string
  /** IANA zone of BSG's zone-less `yyyy-mm-dd hh:mm:ss` timestamps, for reading and for filters. Default `UTC`. */
  timeZone: string
  /** `page[limit]` of listings; clamped to 15–500. Default 500. */
  pageSize: number
  /** Safety stop per time window. Default 100,000 pages. */
  maxPages: number
  /** Refresh the token this long before it expires. Default 5 minutes. */
  refreshAheadMs: number
  /** How far back `get` searches when the caller gives no `from`. Default 3 months. */
  lookbackMonths: number
  /** Lookups in flight at once in `getMany`. Default 4. */
  concurrency: number
}

const DEFAULTS = {
  baseUrl: DEFAULT_BASE_URL,
  timeZone: 'UTC',
  pageSize: PAGE_LIMIT_MAX,
  maxPages: 100_000,
  refreshAheadMs: 5 * 60_000,
  lookbackMonths: 3,
  concurrency: 4,
} as const

/**
 * io-ts codec of the adapter config: validates each field (errors name what was expected, never the value) and
 * applies the defaults, so `create` receives a complete {@link Config}.
 *
 * @example
 * import { ConfigCodec } from '@rcs-records/bsg'
 * const result = ConfigCodec.decode({ apiKey: 'live_8JeF1mLckxI4QResuP6X', timeZone: 'Europe/Kyiv' })
 * if (result._tag === 'Right') result.right.pageSize // 500
 */
export const ConfigCodec: t.Type<Config, Config, unknown> = new t.Type<Config, Config, unknown>(
  'BsgConfig',
  (u): u is Config => ConfigInputCodec.is(u) && Object.keys(DEFAULTS).every((key) => key in u),
  (u, context) => {
    // The intersection is entered in the context, so error paths read `apiKey`, not its member index `0.apiKey`.
    const result = ConfigInputCodec.validate(u, t.appendContext(context, '', ConfigInputCodec, u))
    if (result._tag === 'Left') return result
    const input = result.right
    return t.success({
      apiKey: input.apiKey,
      baseUrl: (input.baseUrl ?? DEFAULTS.baseUrl).replace(/\/+$/, ''),
      timeZone: input.timeZone ?? DEFAULTS.timeZone,
      pageSize: clampPageSize(input.pageSize ?? DEFAULTS.pageSize),
      maxPages: input.maxPages ?? DEFAULTS.maxPages,
      refreshAheadMs: input.refreshAheadMs ?? DEFAULTS.refreshAheadMs,
      lookbackMonths: input.lookbackMonths ?? DEFAULTS.lookbackMonths,
      concurrency: input.concurrency ?? DEFAULTS.concurrency,
    })
  },
  t.identity,
)

/**
 * The statuses BSG documents for `/api/messages` and its callbacks (spec, docs and campaign statistics).
 *
 * @example
 * import { BsgStatusCodec } from '@rcs-records/bsg'
 * BsgStatusCodec.is('not_rcs_user') // true
 */
export const BsgStatusCodec = t.keyof(
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

const Amount = t.partial({ value: t.unknown, currency: t.unknown })
const AlternativeChannel = t.partial({ parts: t.unknown, id: t.unknown })

/**
 * io-ts codec documenting one `/api/messages` item (`MessageApiSchema` plus the quirks seen in the docs: `phone` as
 * a string, `amont`, `send_at`). Only `id` and `status` are required; `normalize` uses a faster hand-written
 * decoder that checks the same things. Unknown status strings are accepted (they normalise to `unknown`).
 *
 * @example
 * import { BsgMessageCodec } from '@rcs-records/bsg'
 * BsgMessageCodec.is({ id: 26130, status: 'scheduled' }) // true
 */
export const BsgMessageCodec = t.intersection(
  [
    t.type({ id: t.union([t.number, t.string]), status: t.string }),
    t.partial({
      campaign_id: nullableCodec(t.union([t.number, t.string])),
      reference_id: nullableCodec(t.string),
      type: nullableCodec(t.string),
      source: nullableCodec(t.string),
      text: nullableCodec(t.string),
      phone: nullableCodec(t.union([t.number, t.string])),
      validity: nullableCodec(t.number),
      amount: nullableCodec(Amount),
      amont: nullableCodec(t.union([Amount, t.array(Amount)])),
      sender: nullableCodec(t.string),
      created_at: nullableCodec(t.string),
      sent_at: nullableCodec(t.string),
      send_at: nullableCodec(t.string),
      delivered_at: nullableCodec(t.string),
      country: nullableCodec(t.string),
      parts: nullableCodec(t.number),
      rcs_options: t.unknown,
      alternative_channels: nullableCodec(t.partial({ sms: AlternativeChannel, viber: AlternativeChannel })),
    }),
  ],
  'BsgMessage',
)

/**
 * One `/api/messages` item as BSG documents it.
 *
 * @example
 * import type { BsgMessage } from '@rcs-records/bsg'
 * const message: BsgMessage = { id: 26130, status: 'scheduled', phone: 380661234567 }
 */
export type BsgMessage = t.TypeOf<typeof BsgMessageCodec>

/**
 * io-ts codec of a `/api/messages` response envelope; items are decoded one by one afterwards, so one bad item
 * never loses a page.
 *
 * @example
 * import { MessagesPageCodec } from '@rcs-records/bsg'
 * MessagesPageCodec.is({ data: [], meta: { page: { total: 0, offset: 0, limit: 50 } } }) // true
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
 *
 * @example
 * import type { MessagesPage } from '@rcs-records/bsg'
 * const total = (page: MessagesPage) => page.meta?.page?.total ?? page.data.length
 */
export type MessagesPage = t.TypeOf<typeof MessagesPageCodec>

/**
 * io-ts codec of the login and refresh answers (`TokenSchema`): `{ "bearer": "<JWT>" }`.
 *
 * @example
 * import { TokenResponseCodec } from '@rcs-records/bsg'
 * TokenResponseCodec.is({ bearer: 'eyJ…' }) // true
 */
export const TokenResponseCodec = t.type({ bearer: refinedCodec(t.string, (s) => s.length > 0, 'a non-empty token') })

/**
 * io-ts codec documenting the RCS status callback (`RcsStatusCallback`); `parseWebhook` decodes by hand with the
 * same rules (`id` and `status` required).
 *
 * @example
 * import { BsgCallbackCodec } from '@rcs-records/bsg'
 * BsgCallbackCodec.is({ id: '3266500452', status: 'delivered', msisdn: '380997087351' }) // true
 */
export const BsgCallbackCodec = t.intersection(
  [
    t.type({ id: t.union([t.number, t.string]), status: t.string }),
    t.partial({
      error: nullableCodec(t.union([t.number, t.string])),
      errorDescription: nullableCodec(t.string),
      msisdn: nullableCodec(t.union([t.string, t.number])),
      reference: nullableCodec(t.string),
      time_in: nullableCodec(t.string),
      time_sent: nullableCodec(t.string),
      time_dr: nullableCodec(t.string),
      price: nullableCodec(t.union([t.string, t.number])),
      currency: nullableCodec(t.string),
    }),
  ],
  'BsgCallback',
)

/**
 * One RCS status callback as BSG documents it.
 *
 * @example
 * import type { BsgCallback } from '@rcs-records/bsg'
 * const callback: BsgCallback = { id: '3266500452', status: 'delivered', error: 0 }
 */
export type BsgCallback = t.TypeOf<typeof BsgCallbackCodec>

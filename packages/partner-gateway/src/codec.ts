import { isHttpUrl, nullableCodec, refinedCodec } from '@rcs-records/core'
import * as t from 'io-ts'

/**
 * The vendor's documented base URL (every path is relative to it: `/partner-gateway/v1/...`).
 *
 * @example
 * import { DEFAULT_BASE_URL } from '@rcs-records/partner-gateway'
 * DEFAULT_BASE_URL // 'https://lora-api.agiletelecom.com/api'
 */
export const DEFAULT_BASE_URL = 'https://lora-api.agiletelecom.com/api'

/**
 * The channels partner-gateway serves, by their canonical names (sent upper-case on the wire).
 *
 * @example
 * import { PartnerChannelCodec } from '@rcs-records/partner-gateway'
 * PartnerChannelCodec.is('whatsapp') // true
 * PartnerChannelCodec.is('viber') // false
 */
export const PartnerChannelCodec = t.keyof({ rcs: null, sms: null, whatsapp: null }, 'PartnerChannel')

/**
 * `rcs` | `sms` | `whatsapp`: the canonical channels partner-gateway has.
 *
 * @example
 * import type { PartnerChannel } from '@rcs-records/partner-gateway'
 * const channel: PartnerChannel = 'sms'
 */
export type PartnerChannel = t.TypeOf<typeof PartnerChannelCodec>

/**
 * The `deliveryStatus` values partner-gateway documents for its status, batch and history endpoints.
 *
 * @example
 * import { PartnerStatusCodec } from '@rcs-records/partner-gateway'
 * PartnerStatusCodec.is('RECEIVED') // true
 */
export const PartnerStatusCodec = t.keyof(
  { SENT: null, RECEIVED: null, DELIVERED: null, ERROR: null, EXPIRED: null, UNKNOWN: null },
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

const wholeBetween = (min: number, max: number) => (n: number) => Number.isSafeInteger(n) && n >= min && n <= max

const nonEmpty = (s: string) => s.trim() !== ''

/** The smallest URL cap that leaves room for the base URL, the path, `channel` and at least a few ids. */
const MIN_URL_LENGTH = 256

const ConfigFieldsCodec = t.partial({
  apiKey: refinedCodec(t.string, nonEmpty, 'a non-empty string (your partner-gateway API key, sent as X-Api-Key)'),
  username: refinedCodec(t.string, nonEmpty, 'a non-empty string (the Basic-auth user)'),
  password: refinedCodec(t.string, (s) => s !== '', 'a non-empty string (the Basic-auth password)'),
  baseUrl: refinedCodec(
    t.string,
    isHttpUrl,
    'an https URL without query, such as https://lora-api.agiletelecom.com/api',
  ),
  channel: PartnerChannelCodec,
  idsPerRequest: refinedCodec(t.number, wholeBetween(1, 10_000), 'an integer from 1 to 10000 (ids per batch request)'),
  maxUrlLength: refinedCodec(
    t.number,
    wholeBetween(MIN_URL_LENGTH, 1_000_000),
    `an integer ≥ ${MIN_URL_LENGTH} (characters of one request URL)`,
  ),
  pageSize: refinedCodec(t.number, wholeBetween(1, 1000), 'an integer from 1 to 1000 (history page size)'),
  maxPages: refinedCodec(t.number, wholeBetween(1, Number.MAX_SAFE_INTEGER), 'an integer ≥ 1'),
  currency: refinedCodec(t.string, (s) => /^[A-Z]{3}$/.test(s), 'an ISO 4217 currency code such as EUR'),
  concurrency: refinedCodec(t.number, wholeBetween(1, 64), 'an integer from 1 to 64'),
})

/**
 * How the adapter authenticates: an API key (`X-Api-Key`, the vendor's recommendation) or Basic auth.
 *
 * @example
 * import type { Auth } from '@rcs-records/partner-gateway'
 * const auth: Auth = { kind: 'apiKey', apiKey: '…' }
 */
export type Auth = { kind: 'apiKey'; apiKey: string } | { kind: 'basic'; username: string; password: string }

/**
 * The adapter's settings, complete (defaults applied). Exactly one auth method is set: `apiKey`, or `username` and
 * `password`.
 *
 * @example
 * import type { Config } from '@rcs-records/partner-gateway'
 * const config: Config = {
 *   apiKey: '…', baseUrl: 'https://lora-api.agiletelecom.com/api', channel: 'rcs', idsPerRequest: 200,
 *   maxUrlLength: 4000, pageSize: 100, maxPages: 10_000, currency: 'EUR', concurrency: 4,
 * }
 */
export interface Config {
  /** API key, sent as `X-Api-Key`. A secret. Either this or `username` + `password`. */
  apiKey?: string
  /** Basic-auth user (with `password`). */
  username?: string
  /** Basic-auth password. A secret. */
  password?: string
  /** Default `https://lora-api.agiletelecom.com/api`; a trailing slash is dropped. */
  baseUrl: string
  /** The channel lookups and listings are scoped to unless a call names one. Default `rcs`. */
  channel: PartnerChannel
  /** Ids per batch-status request at most. Default 200 (the vendor advises "a few hundred"). */
  idsPerRequest: number
  /** Characters of one request URL at most (proxies answer 414 to long ones). Default 4000. */
  maxUrlLength: number
  /** History page size (`limit`); the vendor documents no maximum. Default 100. */
  pageSize: number
  /** Safety stop: a history listing that is still returning full pages after this many stops with an error. Default 10,000. */
  maxPages: number
  /**
   * Currency of `cost`: the payloads carry a bare number. Default `EUR` — Agile Telecom (the vendor) bills in EUR.
   */
  currency: string
  /** Batch requests in flight at once in `getMany`. Default 4. */
  concurrency: number
}

const DEFAULTS = {
  baseUrl: DEFAULT_BASE_URL,
  channel: 'rcs',
  idsPerRequest: 200,
  maxUrlLength: 4000,
  pageSize: 100,
  maxPages: 10_000,
  currency: 'EUR',
  concurrency: 4,
} as const

const ONE_AUTH = 'exactly one auth method: apiKey, or username + password'

/** The auth problems of a config whose fields are individually valid; each names the field to fix. */
const authFailures = (
  input: t.TypeOf<typeof ConfigFieldsCodec>,
): Array<{ key: string; value: unknown; message: string }> => {
  const hasKey = input.apiKey !== undefined
  const hasUser = input.username !== undefined
  const hasPassword = input.password !== undefined
  if (hasKey && (hasUser || hasPassword)) {
    return [{ key: 'apiKey', value: null, message: `${ONE_AUTH} (not both)` }]
  }
  if (hasKey) return []
  if (hasUser && !hasPassword) {
    return [{ key: 'password', value: undefined, message: 'a non-empty string (Basic auth needs username + password)' }]
  }
  if (hasPassword && !hasUser) {
    return [{ key: 'username', value: undefined, message: 'a non-empty string (Basic auth needs username + password)' }]
  }
  if (!hasUser) {
    return [{ key: 'apiKey', value: undefined, message: `${ONE_AUTH} (none given)` }]
  }
  return []
}

/**
 * io-ts codec of the adapter config: validates each field (errors name what was expected, never the value), checks
 * that exactly one auth method is given, and applies the defaults, so `create` receives a complete {@link Config}.
 *
 * @example
 * import { ConfigCodec } from '@rcs-records/partner-gateway'
 * const result = ConfigCodec.decode({ apiKey: 'pg-live-3f9c2a7b', channel: 'sms' })
 * if (result._tag === 'Right') result.right.pageSize // 100
 */
export const ConfigCodec: t.Type<Config, Config, unknown> = new t.Type<Config, Config, unknown>(
  'PartnerGatewayConfig',
  (u): u is Config =>
    ConfigFieldsCodec.is(u) &&
    u !== null &&
    typeof u === 'object' &&
    Object.keys(DEFAULTS).every((key) => key in u) &&
    authFailures(u).length === 0,
  (u, context) => {
    if (u === null || typeof u !== 'object' || Array.isArray(u)) return t.failure(u, context, 'an object')
    const result = ConfigFieldsCodec.validate(u, context)
    if (result._tag === 'Left') return result
    const input = result.right
    const failures = authFailures(input)
    if (failures.length > 0) {
      return t.failures(
        failures.map((failure) => ({
          value: failure.value,
          context: [...context, { key: failure.key, type: t.string, actual: failure.value }],
          message: failure.message,
        })),
      )
    }
    const config: Config = {
      baseUrl: (input.baseUrl ?? DEFAULTS.baseUrl).replace(/\/+$/, ''),
      channel: input.channel ?? DEFAULTS.channel,
      idsPerRequest: input.idsPerRequest ?? DEFAULTS.idsPerRequest,
      maxUrlLength: input.maxUrlLength ?? DEFAULTS.maxUrlLength,
      pageSize: input.pageSize ?? DEFAULTS.pageSize,
      maxPages: input.maxPages ?? DEFAULTS.maxPages,
      currency: input.currency ?? DEFAULTS.currency,
      concurrency: input.concurrency ?? DEFAULTS.concurrency,
    }
    if (input.apiKey !== undefined) config.apiKey = input.apiKey
    else {
      config.username = input.username as string
      config.password = input.password as string
    }
    return t.success(config)
  },
  t.identity,
)

/**
 * The auth method of a complete config.
 *
 * @example
 * import { authOf } from '@rcs-records/partner-gateway'
 * authOf({ username: 'acme', password: 's3cret-pass' } as never) // { kind: 'basic', username: 'acme', password: 's3cret-pass' }
 */
export const authOf = (config: Pick<Config, 'apiKey' | 'username' | 'password'>): Auth =>
  config.apiKey !== undefined
    ? { kind: 'apiKey', apiKey: config.apiKey }
    : { kind: 'basic', username: config.username ?? '', password: config.password ?? '' }

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
 * io-ts codec documenting a delivery-report callback (every variant the vendor's pages show). `parseWebhook` decodes
 * by hand with the same rules: an id (`customerMessageId` or `messageId`) is required, and a `statusCode` unless the
 * event is `READ` or `INBOUND`.
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
    statusCode: t.union([t.number, t.string]),
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

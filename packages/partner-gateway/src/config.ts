import { isHttpUrl, isPhoneCountry, refinedCodec } from '@rcs-records/core/kit'
import * as t from 'io-ts'

/**
 * The vendor's documented base URL (every path is relative to it: `/partner-gateway/v1/...`).
 */
export const DEFAULT_BASE_URL = 'https://lora-api.agiletelecom.com/api'

/**
 * The channels partner-gateway serves, by their canonical names (sent upper-case on the wire).
 */
export const PartnerChannelCodec = t.keyof({ rcs: null, sms: null, whatsapp: null }, 'PartnerChannel')

/**
 * `rcs` | `sms` | `whatsapp`: the canonical channels partner-gateway has.
 */
export type PartnerChannel = t.TypeOf<typeof PartnerChannelCodec>

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
  listConcurrency: refinedCodec(t.number, wholeBetween(1, 64), 'an integer from 1 to 64 (history pages in flight)'),
  defaultCountry: refinedCodec(
    t.string,
    isPhoneCountry,
    'an ISO 3166-1 alpha-2 country code such as IT (the country of phone numbers written without one)',
  ),
})

/**
 * How the adapter authenticates: an API key (`X-Api-Key`, the vendor's recommendation) or Basic auth.
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
 *   maxUrlLength: 4000, pageSize: 100, maxPages: 10_000, currency: 'EUR', concurrency: 4, listConcurrency: 1,
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
  /**
   * History pages in flight at once in `list`. The history has no total, so the pages after the first are asked for
   * speculatively: up to this many, yielded in order, until the empty page (at most this many are asked past it).
   * Default 1: one after the other. Set it (e.g. 4) over a real network, where each page waits for a round trip,
   * **only for windows nothing is inserted into while they are listed** (windows in the past): the history lists the
   * newest first, so a record inserted at its head while pages are in flight shifts the later pages, and a page
   * answered before the shift misses the record pushed onto it — one after the other, a shift only repeats a record.
   */
  listConcurrency: number
  /**
   * ISO 3166-1 alpha-2 country of phone numbers written without their country code. Unset (the default): digits that
   * are not a valid international number give `recipient: null` (never a guessed country).
   */
  defaultCountry?: string
}

/**
 * The config you write for `createClient({ adapter, config })` and `loadClient({ provider: 'partner-gateway', … })`:
 * exactly one auth method — `apiKey`, or `username` and `password` — plus any of the other {@link Config} fields
 * (each has a default). A misspelt key, a wrong type or both auth methods at once is a compile error;
 * the adapter's config codec (`adapter.configCodec`) validates the value again at run time. The credentials are required, but `undefined` type-checks
 * so that an unset environment variable can be passed as is (the run-time check reports it as missing).
 *
 * @example
 * import type { ConfigInput } from '@rcs-records/partner-gateway'
 * const withKey: ConfigInput = { apiKey: process.env.PG_API_KEY, channel: 'rcs' }
 * const withBasicAuth: ConfigInput = { username: 'acme', password: process.env.PG_PASSWORD }
 */
export type ConfigInput =
  | (Partial<Omit<Config, 'apiKey' | 'username' | 'password'>> & {
      /** API key, sent as `X-Api-Key`. A secret. */
      apiKey: string | undefined
      username?: never
      password?: never
    })
  | (Partial<Omit<Config, 'apiKey' | 'username' | 'password'>> & {
      apiKey?: never
      /** Basic-auth user (with `password`). */
      username: string | undefined
      /** Basic-auth password. A secret. */
      password: string | undefined
    })

declare module '@rcs-records/core' {
  interface ProviderConfigs {
    /** `@rcs-records/partner-gateway`: `loadClient({ provider: 'partner-gateway', … })` takes its {@link ConfigInput}. */
    'partner-gateway': ConfigInput
  }
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
  listConcurrency: 1,
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
      listConcurrency: input.listConcurrency ?? DEFAULTS.listConcurrency,
    }
    if (input.defaultCountry !== undefined) config.defaultCountry = input.defaultCountry
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
 */
export const authOf = (config: Pick<Config, 'apiKey' | 'username' | 'password'>): Auth =>
  config.apiKey !== undefined
    ? { kind: 'apiKey', apiKey: config.apiKey }
    : { kind: 'basic', username: config.username ?? '', password: config.password ?? '' }

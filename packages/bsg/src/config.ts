import { isHttpUrl, isPhoneCountry, isValidTimeZone, refinedCodec } from '@rcs-records/core/kit'
import * as t from 'io-ts'

/**
 * The vendor's documented base URL.
 */
export const DEFAULT_BASE_URL = 'https://one-api.bsg.world'

/**
 * BSG's smallest `page[limit]`.
 */
export const PAGE_LIMIT_MIN = 15

/**
 * BSG's largest `page[limit]`.
 */
export const PAGE_LIMIT_MAX = 500

/**
 * Clamps a page size to BSG's `page[limit]` bounds (15–500).
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
    listConcurrency: refinedCodec(t.number, wholeAtLeast(1), 'an integer ≥ 1 (pages in flight in list)'),
    defaultCountry: refinedCodec(
      t.string,
      isPhoneCountry,
      'an ISO 3166-1 alpha-2 country code such as UA (the country of phone numbers written without one)',
    ),
  }),
])

/**
 * The adapter's settings, complete (defaults applied).
 *
 * @example
 * import type { Config } from '@rcs-records/bsg'
 * const config: Config = {
 *   apiKey: 'live_…', baseUrl: 'https://one-api.bsg.world', timeZone: 'Europe/Kyiv', pageSize: 500,
 *   maxPages: 100_000, refreshAheadMs: 300_000, lookbackMonths: 3, concurrency: 4, listConcurrency: 1,
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
  /**
   * Pages of a `list` window in flight at once: the first page tells `meta.page.total`, then the following offsets
   * are fetched this many at a time, yielded in order (at most this many pages held), the total re-read from every
   * page. Safe whatever is inserted meanwhile: pages are read in `sort=id&way=asc` order, where a new record gets a
   * higher id than every other and lands after them. Default 1: one after the other. Over a real network set it to
   * the concurrency the account may use (e.g. 8): a listing then waits for one round trip per `listConcurrency`
   * pages instead of one per page. The client's `http.concurrency` (default 8) still bounds every request.
   */
  listConcurrency: number
  /**
   * ISO 3166-1 alpha-2 country of phone numbers BSG writes without their country code. Unset (the default): digits
   * that are not a valid international number give `recipient: null` (never a guessed country).
   */
  defaultCountry?: string
}

/**
 * The config you write for `createClient({ adapter, config })` and `loadClient({ provider: 'bsg', … })`: `apiKey`,
 * plus any of the other {@link Config} fields (each has a default). A misspelt key or a wrong type is a compile
 * error; the adapter's config codec (`adapter.configCodec`) validates the value again at run time.
 *
 * @example
 * import type { ConfigInput } from '@rcs-records/bsg'
 * const config: ConfigInput = { apiKey: process.env.BSG_API_KEY, timeZone: 'Europe/Kyiv' }
 */
export interface ConfigInput extends Partial<Omit<Config, 'apiKey'>> {
  /**
   * The API key from BSG's account (Integrations & API → SMPP/API Password). A secret.
   * Required: `undefined` type-checks so that an unset environment variable can be passed as is, and is reported as
   * missing by the run-time check.
   */
  apiKey: string | undefined
}

declare module '@rcs-records/core' {
  interface ProviderConfigs {
    /** `@rcs-records/bsg`: `loadClient({ provider: 'bsg', … })` takes its {@link ConfigInput}. */
    bsg: ConfigInput
  }
}

const DEFAULTS = {
  baseUrl: DEFAULT_BASE_URL,
  timeZone: 'UTC',
  pageSize: PAGE_LIMIT_MAX,
  maxPages: 100_000,
  refreshAheadMs: 5 * 60_000,
  lookbackMonths: 3,
  concurrency: 4,
  listConcurrency: 1,
} as const

/**
 * io-ts codec of the adapter config: validates each field (errors name what was expected, never the value) and
 * applies the defaults, so `create` receives a complete {@link Config}.
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
      ...(input.defaultCountry === undefined ? {} : { defaultCountry: input.defaultCountry }),
      apiKey: input.apiKey,
      baseUrl: (input.baseUrl ?? DEFAULTS.baseUrl).replace(/\/+$/, ''),
      timeZone: input.timeZone ?? DEFAULTS.timeZone,
      pageSize: clampPageSize(input.pageSize ?? DEFAULTS.pageSize),
      maxPages: input.maxPages ?? DEFAULTS.maxPages,
      refreshAheadMs: input.refreshAheadMs ?? DEFAULTS.refreshAheadMs,
      lookbackMonths: input.lookbackMonths ?? DEFAULTS.lookbackMonths,
      concurrency: input.concurrency ?? DEFAULTS.concurrency,
      listConcurrency: input.listConcurrency ?? DEFAULTS.listConcurrency,
    })
  },
  t.identity,
)

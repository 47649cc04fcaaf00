import { isHttpUrl, isPhoneCountry, refinedCodec } from '@rcs-records/core/kit'
import * as t from 'io-ts'

/**
 * What a config error says when `baseUrl` is missing: the vendor does not publish its API host.
 */
export const BASE_URL_REQUIRED =
  'required: the base URL of your Spacivox API (the vendor does not publish its host; ask your account manager)'

const BASE_URL_INVALID =
  'an http(s) URL without query, such as https://api.example.com (the base URL of your Spacivox API)'

/** `baseUrl`: required (with a message that says why there is no default), and an http(s) URL when present. */
const BaseUrlCodec = new t.Type<string, string, unknown>(
  'SpacivoxBaseUrl',
  (u): u is string => typeof u === 'string' && isHttpUrl(u),
  (u, context) => {
    if (u === undefined || u === null || u === '') return t.failure(u, context, BASE_URL_REQUIRED)
    return typeof u === 'string' && isHttpUrl(u) ? t.success(u) : t.failure(u, context, BASE_URL_INVALID)
  },
  t.identity,
)

const ConfigInputCodec = t.intersection([
  t.type({
    token: refinedCodec(t.string, (s) => s.trim() !== '', 'a non-empty string (the access token Spacivox issued you)'),
    baseUrl: BaseUrlCodec,
  }),
  t.partial({
    team: refinedCodec(t.number, (n) => Number.isSafeInteger(n) && n >= 0, 'an integer team id ≥ 0'),
    sliceHours: refinedCodec(
      t.number,
      (n) => Number.isFinite(n) && n > 0 && n * 3_600_000 >= 1_000,
      'a positive number of hours (e.g. 24, or 0.5 for half an hour)',
    ),
    includeContent: t.boolean,
    concurrency: refinedCodec(t.number, (n) => Number.isSafeInteger(n) && n >= 1, 'an integer ≥ 1'),
    sliceRecords: refinedCodec(
      t.number,
      (n) => Number.isSafeInteger(n) && n >= 1,
      'an integer ≥ 1 (records per slice)',
    ),
    defaultCountry: refinedCodec(
      t.string,
      isPhoneCountry,
      'an ISO 3166-1 alpha-2 country code such as FR (the country of phone numbers written without one)',
    ),
  }),
])

/**
 * The adapter's settings, complete (defaults applied).
 *
 * @example
 * import type { Config } from '@rcs-records/spacivox'
 * const config: Config = {
 *   token: '0a1b2c3d4e5f', baseUrl: 'https://api.example.com', team: 1, sliceHours: 24, includeContent: false,
 *   concurrency: 3, sliceRecords: 10_000,
 * }
 */
export interface Config {
  /** The access token Spacivox issued you, sent as `Authorization: Bearer <token>`. A secret. */
  token: string
  /** The API's base URL (required: the vendor does not publish it); a trailing slash is dropped. */
  baseUrl: string
  /** Sent as `team` on every request when set: only this team's records. */
  team?: number
  /**
   * Length of each request's `start`–`end` window, in hours: the first slice's, and the longest. Default 24.
   * Slices are adaptive (see `sliceRecords`).
   */
  sliceHours: number
  /**
   * Records one slice should bring, about: a slice that returns more makes the following slices shorter (in
   * proportion: the API has no paging, so one slice is one response, held whole), and one that returns less than
   * half makes them longer again (at most 4× a time, never beyond `sliceHours`). This bounds one response's size,
   * and so memory, whatever the traffic. Default 10,000.
   */
  sliceRecords: number
  /** Adds `include=content_message`; the content lands in `extra.content`. Default false. */
  includeContent: boolean
  /** Slices fetched at once (kept ahead of the consumer). Default 3. */
  concurrency: number
  /**
   * ISO 3166-1 alpha-2 country of phone numbers written without their country code. Unset (the default): digits that
   * are not a valid international number give `recipient: null` (never a guessed country).
   */
  defaultCountry?: string
}

/**
 * The config you write for `createClient({ adapter, config })` and `loadClient({ provider: 'spacivox', … })`:
 * `token` and `baseUrl`, plus any of the other {@link Config} fields (each has a default). A misspelt key or a wrong
 * type is a compile error; the adapter's config codec (`adapter.configCodec`) validates the value again at run time.
 *
 * @example
 * import type { ConfigInput } from '@rcs-records/spacivox'
 * const config: ConfigInput = { token: process.env.SPACIVOX_TOKEN, baseUrl: 'https://api.example.com', team: 1 }
 */
export interface ConfigInput extends Partial<Omit<Config, 'token' | 'baseUrl'>> {
  /**
   * The access token Spacivox issued you, sent as `Authorization: Bearer <token>`. A secret.
   * Required: `undefined` type-checks so that an unset environment variable can be passed as is, and is reported as
   * missing by the run-time check.
   */
  token: string | undefined
  /**
   * The API's base URL (the vendor does not publish it); a trailing slash is dropped.
   * Required: `undefined` type-checks so that an unset environment variable can be passed as is, and is reported as
   * missing by the run-time check.
   */
  baseUrl: string | undefined
}

declare module '@rcs-records/core' {
  interface ProviderConfigs {
    /** `@rcs-records/spacivox`: `loadClient({ provider: 'spacivox', … })` takes its {@link ConfigInput}. */
    spacivox: ConfigInput
  }
}

const DEFAULTS = { sliceHours: 24, includeContent: false, concurrency: 3, sliceRecords: 10_000 } as const

/**
 * io-ts codec of the adapter config: validates each field (errors name what was expected, never the value) and
 * applies the defaults, so `create` receives a complete {@link Config}.
 */
export const ConfigCodec: t.Type<Config, Config, unknown> = new t.Type<Config, Config, unknown>(
  'SpacivoxConfig',
  (u): u is Config => ConfigInputCodec.is(u) && Object.keys(DEFAULTS).every((key) => key in u),
  (u, context) => {
    // The intersection is entered in the context, so error paths read `token`, not its member index `0.token`.
    const result = ConfigInputCodec.validate(u, t.appendContext(context, '', ConfigInputCodec, u))
    if (result._tag === 'Left') return result
    const input = result.right
    const config: Config = {
      token: input.token,
      baseUrl: input.baseUrl.replace(/\/+$/, ''),
      sliceHours: input.sliceHours ?? DEFAULTS.sliceHours,
      includeContent: input.includeContent ?? DEFAULTS.includeContent,
      concurrency: input.concurrency ?? DEFAULTS.concurrency,
      sliceRecords: input.sliceRecords ?? DEFAULTS.sliceRecords,
    }
    if (input.team !== undefined) config.team = input.team
    if (input.defaultCountry !== undefined) config.defaultCountry = input.defaultCountry
    return t.success(config)
  },
  t.identity,
)

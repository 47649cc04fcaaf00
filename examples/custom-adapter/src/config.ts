import * as t from 'io-ts'

interface AccountSidBrand {
  readonly AccountSid: unique symbol
}

const AccountSid = t.brand(
  t.string,
  (s): s is t.Branded<string, AccountSidBrand> => /^AC[0-9a-fA-F]{32}$/.test(s),
  'AccountSid',
)

const AccountSidField = new t.Type<string, string, unknown>(
  'an Account SID (AC followed by 32 hex digits)',
  (u): u is string => AccountSid.is(u),
  (u, c) => (AccountSid.is(u) ? t.success(u) : t.failure(u, c)),
  (s) => s,
)

const AuthTokenField = t.refinement(t.string, (s) => s.trim().length > 0, 'your Auth Token (or API key secret)')

const HttpUrlField = t.refinement(t.string, (s) => /^https?:\/\/[^\s/]+/i.test(s), 'an http(s) URL')

const PageSizeField = t.refinement(
  t.number,
  (n) => Number.isInteger(n) && n >= 1 && n <= 1_000,
  'an integer from 1 to 1000',
)

const ConfigInput = t.intersection([
  t.type({ accountSid: AccountSidField, authToken: AuthTokenField }),
  t.partial({ baseUrl: HttpUrlField, pageSize: PageSizeField }),
])

/**
 * The adapter's settings, complete (defaults applied).
 *
 * @example
 * import type { Config } from '@rcs-records/example-custom-adapter'
 * const config: Config = { accountSid: 'AC…', authToken: '…', baseUrl: 'https://api.twilio.com', pageSize: 100 }
 */
export interface Config {
  /** Your Account SID (`AC…`); the path of every request. */
  accountSid: string
  /** Your Auth Token: the Basic-auth password. A secret: never echoed in errors. */
  authToken: string
  /** Default `https://api.twilio.com`. */
  baseUrl: string
  /** Messages per list page, 1–1000. Default 100. */
  pageSize: number
}

/**
 * The config you write for `createClient({ adapter, config })` and `loadClient({ provider: '@rcs-records/example-custom-adapter', … })`: the
 * account and its token, plus any of the other {@link Config} fields (each has a default). A misspelt key or a wrong
 * type is a compile error; {@link ConfigCodec} validates the value again at run time.
 *
 * @example
 * import type { ConfigInput } from '@rcs-records/example-custom-adapter'
 * const config: ConfigInput = { accountSid: process.env.TWILIO_ACCOUNT_SID, authToken: process.env.TWILIO_AUTH_TOKEN }
 */
export interface ConfigInput extends Partial<Omit<Config, 'accountSid' | 'authToken'>> {
  /**
   * Required. `undefined` type-checks so that an unset environment variable can be passed as is: the run-time check
   * reports it as missing.
   */
  accountSid: string | undefined
  /** Required, a secret; `undefined` type-checks for the same reason. */
  authToken: string | undefined
}

// What `loadClient({ provider: '<this package>', config })` accepts at compile time (a custom adapter is loaded by its
// package name), as the built-in adapters declare theirs.
declare module '@rcs-records/core' {
  interface ProviderConfigs {
    /** This sample: `loadClient({ provider: '@rcs-records/example-custom-adapter', … })` takes its {@link ConfigInput}. */
    '@rcs-records/example-custom-adapter': ConfigInput
  }
}

/** Default API origin. */
export const DEFAULT_BASE_URL = 'https://api.twilio.com'

/**
 * Validates user config and applies defaults. Failures name the field and what it expects, never the value.
 */
export const ConfigCodec = new t.Type<Config, Config, unknown>(
  'TwilioConfig',
  (u): u is Config => ConfigInput.is(u) && typeof (u as Config).baseUrl === 'string',
  (u, c) => {
    const result = ConfigInput.validate(u, c)
    if (result._tag === 'Left') return result
    const input = result.right
    return t.success({
      accountSid: input.accountSid,
      authToken: input.authToken,
      baseUrl: (input.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
      pageSize: input.pageSize ?? 100,
    })
  },
  (config) => config,
)

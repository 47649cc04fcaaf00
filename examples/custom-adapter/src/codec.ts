import * as t from 'io-ts'

/**
 * One Twilio Message resource as the API documents it (`GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`).
 * Kept for documentation and for users who want to validate payloads themselves; `normalize` uses a hand-written
 * decoder that checks the same required fields and is faster on the hot path.
 *
 * @example
 * import { TwilioMessageCodec } from '@rcs-records/example-custom-adapter'
 * TwilioMessageCodec.is({ sid: 'SM…', status: 'delivered' }) // true
 */
export const TwilioMessageCodec = t.intersection(
  [
    t.type({ sid: t.string, status: t.string }),
    t.partial({
      account_sid: t.string,
      api_version: t.string,
      body: t.union([t.string, t.null]),
      date_created: t.union([t.string, t.null]),
      date_sent: t.union([t.string, t.null]),
      date_updated: t.union([t.string, t.null]),
      direction: t.string,
      error_code: t.union([t.number, t.string, t.null]),
      error_message: t.union([t.string, t.null]),
      from: t.union([t.string, t.null]),
      to: t.union([t.string, t.null]),
      messaging_service_sid: t.union([t.string, t.null]),
      num_media: t.union([t.string, t.null]),
      num_segments: t.union([t.string, t.null]),
      price: t.union([t.string, t.null]),
      price_unit: t.union([t.string, t.null]),
      uri: t.string,
    }),
  ],
  'TwilioMessage',
)

/**
 * A Twilio Message resource.
 *
 * @example
 * import type { TwilioMessage } from '@rcs-records/example-custom-adapter'
 * const isOutbound = (m: TwilioMessage) => m.direction?.startsWith('outbound') ?? false
 */
export type TwilioMessage = t.TypeOf<typeof TwilioMessageCodec>

/**
 * One page of the Messages list: the messages (most recent first) and the path of the next page, or null.
 *
 * @example
 * import { TwilioMessagePageCodec } from '@rcs-records/example-custom-adapter'
 * TwilioMessagePageCodec.is({ messages: [], next_page_uri: null }) // true
 */
export const TwilioMessagePageCodec = t.type(
  { messages: t.array(t.unknown), next_page_uri: t.union([t.string, t.null]) },
  'TwilioMessagePage',
)

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

/** Default API origin. */
export const DEFAULT_BASE_URL = 'https://api.twilio.com'

/**
 * Validates user config and applies defaults. Failures name the field and what it expects, never the value.
 *
 * @example
 * import { ConfigCodec } from '@rcs-records/example-custom-adapter'
 * ConfigCodec.decode({ accountSid: 'AC' + '0'.repeat(32), authToken: 'x' }) // right({ …, pageSize: 100 })
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

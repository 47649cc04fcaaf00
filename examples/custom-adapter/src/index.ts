/**
 * An rcs-records adapter for Twilio's Messages resource — the example of a custom adapter: written only against
 * `@rcs-records/core`'s public API, and passing `@rcs-records/testkit`'s conformance suite.
 *
 * @packageDocumentation
 */
import type { AdapterDefinition } from '@rcs-records/core'
import { createTwilioAdapter } from './client.js'
import { type Config, ConfigCodec } from './config.js'
import { PROVIDER } from './provider.js'

export { basicAuthHeader } from './auth.js'
export { createTwilioAdapter } from './client.js'
export { type Config, ConfigCodec, DEFAULT_BASE_URL } from './config.js'
export { bareAddress, channelOf, reasonFor, TWILIO_STATUSES } from './mapping.js'
export { normalize } from './normalize.js'
export { type TwilioMessage, TwilioMessageCodec, type TwilioMessagePage, TwilioMessagePageCodec } from './payload.js'
export { PROVIDER } from './provider.js'
export { formatRfc2822, parseRfc2822 } from './rfc2822.js'
export { parseWebhook } from './webhook.js'

/**
 * The Twilio adapter definition: give it to core's `createClient`, or name this package as `provider` in
 * `loadClient`.
 *
 * @example
 * import { createClient } from '@rcs-records/core'
 * import { adapter } from '@rcs-records/example-custom-adapter'
 * const client = createClient({ adapter, config: { accountSid: process.env.TWILIO_ACCOUNT_SID, authToken: process.env.TWILIO_AUTH_TOKEN } })
 * const record = await client.get('SMb7c0a2ce80504485a6f653a7110836f5')
 */
export const adapter: AdapterDefinition<Config> = {
  name: PROVIDER,
  configCodec: ConfigCodec,
  capabilities: { get: true, getMany: 'emulated', list: true, modifiedSince: false, webhooks: true },
  secretFields: ['authToken'],
  create: createTwilioAdapter,
}

export default adapter

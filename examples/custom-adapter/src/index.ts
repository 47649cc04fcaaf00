/**
 * An rcs-records adapter for Twilio's Messages resource — the example of a custom adapter: written only against
 * `@rcs-records/core`'s public API, and passing `@rcs-records/testkit`'s conformance suite.
 *
 * @packageDocumentation
 */
import type { AdapterDefinition } from '@rcs-records/core'
import { createTwilioAdapter } from './client.js'
import { type Config, ConfigCodec, type ConfigInput } from './config.js'
import { PROVIDER } from './provider.js'

// The public surface, as the design lists it: the definition, normalize, parseWebhook, the status table and the
// config types. The rest (codecs, the RFC 2822 reader, auth, the API layer) is internal, as in the built-in adapters.
export type { Config, ConfigInput } from './config.js'
export { TWILIO_STATUSES } from './mapping.js'
export { normalize } from './normalize.js'
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
export const adapter: AdapterDefinition<Config, ConfigInput> = {
  name: PROVIDER,
  configCodec: ConfigCodec,
  capabilities: { get: true, getMany: 'emulated', list: true, modifiedSince: false, webhooks: true },
  secretFields: ['authToken'],
  create: createTwilioAdapter,
}

export default adapter

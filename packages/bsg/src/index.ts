/**
 * @rcs-records/bsg — the rcs-records adapter for BSG One-API (`/api/messages`): JWT auth with single-flight
 * login/refresh, listings split into ≤ 3-month windows in the configured time zone, lookups by id, fallback (SMS)
 * resolution and the RCS status callback.
 *
 * @packageDocumentation
 */

import type { AdapterDefinition } from '@rcs-records/core'
import { createBsgAdapter } from './client.js'
import { type Config, ConfigCodec, type ConfigInput } from './config.js'
import { PROVIDER } from './provider.js'

// The public surface (the design's list, then this adapter's documented extras; see the README's "Exports"). The
// rest — codecs, the window planner, page-size limits, the API and token layers — is internal.
export type { Config, ConfigInput } from './config.js'
export { type FallbackResolution, type FallbackSource, resolveFallback } from './fallback.js'
export { channelTable, reasonRules, statusTable } from './mapping.js'
export { createNormalizer, type NormalizeOptions, normalize } from './normalize.js'
export type { BsgCallback, BsgMessage, BsgStatus } from './payload.js'
export { parseWebhook } from './webhook.js'

/**
 * The BSG adapter definition: pass it to `createClient`.
 *
 * @example
 * import { createClient } from '@rcs-records/core'
 * import { adapter } from '@rcs-records/bsg'
 * const client = createClient({ adapter, config: { apiKey: process.env.BSG_API_KEY, timeZone: 'Europe/Kyiv' } })
 * for await (const record of client.list({ from: '2024-01-01T00:00:00Z', to: '2024-08-01T00:00:00Z' })) {
 *   console.log(record.id, record.status, record.fallback?.ids)
 * }
 */
export const adapter: AdapterDefinition<Config, ConfigInput> = {
  name: PROVIDER,
  configCodec: ConfigCodec,
  capabilities: { get: true, getMany: 'emulated', list: true, modifiedSince: false, webhooks: true },
  secretFields: ['apiKey'],
  create: createBsgAdapter,
}

/**
 * The BSG adapter definition, as the default export (the same object as {@link adapter}).
 *
 * @example
 * import bsg from '@rcs-records/bsg'
 * import { createClient } from '@rcs-records/core'
 * const client = createClient({ adapter: bsg, config: { apiKey: process.env.BSG_API_KEY } })
 */
export default adapter

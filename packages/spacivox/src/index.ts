/**
 * @rcs-records/spacivox — the rcs-records adapter for Spacivox `GET /j/rcs_records`: listings split into time slices
 * fetched with bounded concurrency and yielded in order, `modified_since` (within 48 hours) for incremental syncs,
 * integer states 0–4 normalised to the canonical model, and a small incremental-sync helper.
 *
 * @packageDocumentation
 */

import type { AdapterDefinition } from '@rcs-records/core'
import { createSpacivoxAdapter } from './client.js'
import { type Config, ConfigCodec, type ConfigInput } from './config.js'
import { PROVIDER } from './provider.js'

// The public surface (the design's list, then this adapter's documented extras; see the README's "Exports"). The
// rest — codecs, the slice planner, the API layer, the mapping helpers — is internal.
export type { Config, ConfigInput } from './config.js'
export { statusTable } from './mapping.js'
export { createNormalizer, type NormalizeOptions, normalize } from './normalize.js'
export type { SpacivoxRecord, SpacivoxState } from './payload.js'
export {
  createMemoryStore,
  type MemoryRecordStore,
  type RecordStore,
  type SyncCheckpoint,
  type SyncOptions,
  type SyncResult,
  syncIncrementally,
} from './sync.js'

/**
 * The Spacivox adapter definition: pass it to `createClient`. `get`/`getMany` are unsupported (the API has no
 * lookup by id); `list` takes `modifiedSince` within the past 48 hours.
 *
 * @example
 * import { createClient } from '@rcs-records/core'
 * import { adapter } from '@rcs-records/spacivox'
 * const client = createClient({
 *   adapter,
 *   config: { token: process.env.SPACIVOX_TOKEN, baseUrl: 'https://api.example.com', team: 1 },
 * })
 * for await (const record of client.list({ from: '2015-01-06T00:00:00Z', to: '2015-01-07T00:00:00Z' })) {
 *   console.log(record.id, record.status, record.recipient)
 * }
 */
export const adapter: AdapterDefinition<Config, ConfigInput> = {
  name: PROVIDER,
  configCodec: ConfigCodec,
  capabilities: { get: false, getMany: false, list: true, modifiedSince: true, webhooks: false },
  secretFields: ['token'],
  create: createSpacivoxAdapter,
}

/**
 * The Spacivox adapter definition, as the default export (the same object as {@link adapter}).
 *
 * @example
 * import spacivox from '@rcs-records/spacivox'
 * import { createClient } from '@rcs-records/core'
 * const client = createClient({
 *   adapter: spacivox,
 *   config: { token: process.env.SPACIVOX_TOKEN, baseUrl: 'https://api.example.com' },
 * })
 */
export default adapter

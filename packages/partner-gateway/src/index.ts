/**
 * @rcs-records/partner-gateway — the rcs-records adapter for Agile Telecom's partner-gateway API (Qlara,
 * `/partner-gateway/v1`): single and batch status lookups, the paged message history, and delivery-report callbacks,
 * normalised into the canonical `RcsRecord`.
 *
 * @packageDocumentation
 */

import type { AdapterDefinition } from '@rcs-records/core'
import { createPartnerGatewayAdapter } from './client.js'
import { type Config, ConfigCodec, type ConfigInput } from './config.js'
import { PROVIDER } from './provider.js'

// The public surface (the design's list, then this adapter's documented extras; see the README's "Exports"). The
// rest — codecs, URL builders, batch and page planners, field readers, the API layer — is internal.
export type { Config, ConfigInput } from './config.js'
export { listingReportsRead, reasonRules, statusTable, webhookStatusTable } from './mapping.js'
export { createNormalizer, type NormalizeOptions, normalize } from './normalize.js'
export type { DeliveryStatusResponse, PartnerStatus } from './payload.js'
export { parseWebhook } from './webhook.js'

/**
 * The partner-gateway adapter definition: pass it to `createClient`.
 *
 * @example
 * import { createClient } from '@rcs-records/core'
 * import { adapter } from '@rcs-records/partner-gateway'
 * const client = createClient({ adapter, config: { apiKey: process.env.PG_API_KEY, channel: 'rcs' } })
 * const { records, missing } = await client.getMany(['order-12345', 'order-12346'])
 */
export const adapter: AdapterDefinition<Config, ConfigInput> = {
  name: PROVIDER,
  configCodec: ConfigCodec,
  capabilities: { get: true, getMany: 'native', list: true, modifiedSince: false, webhooks: true },
  secretFields: ['apiKey', 'password'],
  create: createPartnerGatewayAdapter,
}

/**
 * The partner-gateway adapter definition, as the default export (the same object as {@link adapter}).
 *
 * @example
 * import partnerGateway from '@rcs-records/partner-gateway'
 * import { createClient } from '@rcs-records/core'
 * const client = createClient({ adapter: partnerGateway, config: { apiKey: process.env.PG_API_KEY } })
 */
export default adapter

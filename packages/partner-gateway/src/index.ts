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

export {
  batchUrl,
  batchUrlPrefix,
  batchUrlSuffix,
  notFoundOnChannel,
  retryAfterFromBody,
  uriTooLong,
} from './api.js'
export { createPartnerGatewayAdapter } from './client.js'
export {
  type Auth,
  authOf,
  type Config,
  ConfigCodec,
  type ConfigInput,
  DEFAULT_BASE_URL,
  type PartnerChannel,
  PartnerChannelCodec,
} from './config.js'
export { planBatches } from './get.js'
export { type ListPlan, planList, STALE_PAGE_LIMIT, vendorStatusFilter } from './list.js'
export {
  channelOf,
  listingReportsRead,
  type MatchedReason,
  nativeStatusesOf,
  type ReasonRule,
  reasonFor,
  reasonFromDescription,
  reasonRules,
  resolveChannel,
  statusTable,
  webhookStatusTable,
  wireChannel,
} from './mapping.js'
export { createNormalizer, type NormalizeOptions, normalize } from './normalize.js'
export {
  type DeliveryStatusResponse,
  DeliveryStatusResponseCodec,
  HistoryPageCodec,
  type PartnerStatus,
  PartnerStatusCodec,
  pageItems,
} from './payload.js'
export { PROVIDER } from './provider.js'
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

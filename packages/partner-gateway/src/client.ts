import type { Adapter } from '@rcs-records/core'
import type { AdapterContext } from '@rcs-records/core/kit'
import { createPartnerApi } from './api.js'
import type { Config } from './config.js'
import { getManyStatuses, getStatus } from './get.js'
import { listHistory } from './list.js'
import { normalizersByChannel } from './normalize.js'
import { parseWebhook } from './webhook.js'

/**
 * The adapter's wiring — "client" as in every adapter's `client.ts`, not core's `RcsClient` (what applications call,
 * built by `createClient` around this). It builds the partner-gateway adapter instance from a complete config (what
 * `adapter.create` does): `get` by the single-status endpoint, `getMany` by the batch endpoint, `list` over the history
 * endpoint, and the pure `normalize`/`parseWebhook` in the configured currency and channel. Every credential is
 * registered as a secret.
 */
export const createPartnerGatewayAdapter = (config: Config, ctx: AdapterContext): Adapter => {
  const api = createPartnerApi(ctx.http, config)
  const normalizerFor = normalizersByChannel(config.currency, config.defaultCountry)
  const webhookOptions =
    config.defaultCountry === undefined
      ? { currency: config.currency, channel: config.channel }
      : { currency: config.currency, channel: config.channel, defaultCountry: config.defaultCountry }
  return {
    get: (id, opts) => getStatus({ api, config, normalizerFor }, id, opts),
    getMany: (ids, opts) => getManyStatuses({ api, config, logger: ctx.logger, normalizerFor }, ids, opts),
    list: (query) => listHistory({ api, config, clock: ctx.clock, logger: ctx.logger, normalizerFor }, query),
    normalize: normalizerFor(config.channel),
    parseWebhook: (body) => parseWebhook(body, webhookOptions),
  }
}

import type { Adapter } from '@rcs-records/core'
import { type AdapterContext, emulateGetMany } from '@rcs-records/core/kit'
import { createMessagesApi } from './api.js'
import { createTokenManager } from './auth.js'
import type { Config } from './config.js'
import { getMessage } from './get.js'
import { listMessages } from './list.js'
import { createNormalizer } from './normalize.js'
import { parseWebhook } from './webhook.js'

/**
 * The adapter's wiring — "client" as in every adapter's `client.ts`, not core's `RcsClient` (what applications call,
 * built by `createClient` around this). It builds the BSG adapter instance from a complete config (what
 * `adapter.create` does): one token manager shared by every call, `get` by `filter[id]`, `getMany` as bounded
 * concurrent `get`s, `list` over ≤ 3-month windows, and the pure `normalize`/`parseWebhook` in the configured time
 * zone.
 */
export const createBsgAdapter = (config: Config, ctx: AdapterContext): Adapter => {
  ctx.http.secrets.add(config.apiKey)
  const tokens = createTokenManager({
    http: ctx.http,
    clock: ctx.clock,
    logger: ctx.logger,
    baseUrl: config.baseUrl,
    apiKey: config.apiKey,
    refreshAheadMs: config.refreshAheadMs,
  })
  const api = createMessagesApi({ http: ctx.http, tokens, baseUrl: config.baseUrl, clock: ctx.clock })
  const normalize = createNormalizer(config.timeZone, config.defaultCountry)
  const webhookOptions =
    config.defaultCountry === undefined
      ? { timeZone: config.timeZone }
      : { timeZone: config.timeZone, defaultCountry: config.defaultCountry }
  const get: Adapter['get'] = (id, opts) => getMessage({ api, config, clock: ctx.clock, normalize }, id, opts)
  return {
    get,
    getMany: (ids, opts) =>
      emulateGetMany(get, ids, {
        concurrency: config.concurrency,
        ...(opts === undefined ? {} : { callOptions: opts }),
      }),
    list: (query) => listMessages({ api, config, clock: ctx.clock, logger: ctx.logger, normalize }, query),
    normalize,
    parseWebhook: (body) => parseWebhook(body, webhookOptions),
  }
}

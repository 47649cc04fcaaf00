import type { Adapter } from '@rcs-records/core'
import { type AdapterContext, emulateGetMany } from '@rcs-records/core/kit'
import { createMessagesApi } from './api.js'
import type { Config } from './config.js'
import { getMessage } from './get.js'
import { listMessages } from './list.js'
import { normalize } from './normalize.js'
import { parseWebhook } from './webhook.js'

/**
 * The adapter's wiring (what `adapter.create` does; "client" as in every adapter's `client.ts`, not core's
 * `RcsClient`): the Messages API over core's transport, `get` by SID, `getMany` as bounded concurrent `get`s (Twilio
 * has no batch lookup), `list` over the Messages list, and the pure `normalize` and `parseWebhook`.
 */
export const createTwilioAdapter = (config: Config, ctx: AdapterContext): Adapter => {
  const api = createMessagesApi(config, ctx.http)
  const get: Adapter['get'] = (id, opts) => getMessage(api, id, opts)
  return {
    get,
    getMany: (ids, opts) =>
      emulateGetMany(get, ids, { concurrency: 4, ...(opts === undefined ? {} : { callOptions: opts }) }),
    list: (query) => listMessages({ api, config, clock: ctx.clock, logger: ctx.logger }, query),
    normalize,
    parseWebhook,
  }
}

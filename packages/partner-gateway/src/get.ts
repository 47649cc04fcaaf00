import type { CallOptions, RcsError, RcsRecord } from '@rcs-records/core'
import { left } from '@rcs-records/core'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import type { PartnerApi } from './api.js'
import { resolveChannel } from './channel.js'
import type { Config, PartnerChannel } from './codec.js'
import { wireChannel } from './mapping.js'
import type { Normalizer } from './normalizers.js'

/**
 * What `get` needs from the adapter.
 *
 * @example
 * import type { GetDeps } from './get.js'
 * const deps: GetDeps = { api, config, normalizerFor }
 */
export interface GetDeps {
  api: PartnerApi
  config: Pick<Config, 'channel'>
  normalizerFor: (channel: PartnerChannel) => Normalizer
}

/**
 * One message's status: `GET /messages/status/{customerMessageId}?channel=` on `opts.channel` (default the config's
 * channel). A 404 is `not_found` whose message says a channel mismatch gives 404 too. `opts.from` is not needed
 * (the vendor looks ids up without a time window).
 *
 * @example
 * import { getStatus } from './get.js'
 * const result = await getStatus(deps, 'order-12345', { channel: 'sms' })()
 */
export const getStatus =
  (deps: GetDeps, id: string, opts?: CallOptions): TaskEither<RcsError, RcsRecord> =>
  async () => {
    const channel = resolveChannel(opts?.channel, deps.config.channel)
    if (channel._tag === 'Left') return channel
    const response = await deps.api.status(id, wireChannel(channel.right), opts?.signal)()
    if (response._tag === 'Left') return left(response.left)
    return deps.normalizerFor(channel.right)(response.right.body)
  }

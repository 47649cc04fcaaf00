import type { CallOptions, RcsRecord } from '@rcs-records/core'
import { RcsError } from '@rcs-records/core'
import { left } from '@rcs-records/core/kit'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import type { PartnerApi } from './api.js'
import { resolveChannel } from './channel.js'
import type { Config, PartnerChannel } from './codec.js'
import { wireChannel } from './mapping.js'
import { answeredId, normalizeLookupAnswer, PROVIDER } from './normalize.js'
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
  config: Pick<Config, 'channel' | 'currency' | 'defaultCountry'>
  normalizerFor: (channel: PartnerChannel) => Normalizer
}

/**
 * The `provider` error of a status answer about another message than the one asked for: it is never returned as
 * the answer (it would be merged into the wrong message's state).
 *
 * @example
 * import { anotherMessage } from './get.js'
 * anotherMessage('order-12345', 'order-99999', 'RCS').kind // 'provider'
 */
export const anotherMessage = (asked: string, answered: string, wire: string): RcsError =>
  new RcsError({
    kind: 'provider',
    provider: PROVIDER,
    retryable: false,
    message: `${PROVIDER}: asked for the status of ${JSON.stringify(asked)} (channel ${wire}) and got the status of ${JSON.stringify(answered)}; not returned as the answer`,
    details: { asked, answered, channel: wire },
  })

/**
 * One message's status: `GET /messages/status/{customerMessageId}?channel=` on `opts.channel` (default the config's
 * channel). The answer is the record of the id asked for: one without `customerMessageId` (the overview shows
 * `{deliveryStatus}`) takes the asked id; one naming another id is a `provider` error, never the answer. A 404 is
 * `not_found` whose message says a channel mismatch gives 404 too. `opts.from` is not needed (the vendor looks ids
 * up without a time window).
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
    const wire = wireChannel(channel.right)
    const response = await deps.api.status(id, wire, opts?.signal)()
    if (response._tag === 'Left') return left(response.left)
    const body = response.right.body
    const answered = answeredId(body)
    if (answered !== null && answered !== id) return left(anotherMessage(id, answered, wire))
    if (answered !== null) return deps.normalizerFor(channel.right)(body)
    const { currency, defaultCountry } = deps.config
    const options = defaultCountry === undefined ? { currency } : { currency, defaultCountry }
    return normalizeLookupAnswer(body, id, { ...options, channel: channel.right })
  }

import { RcsError } from '@rcs-records/core'
import { left, right } from '@rcs-records/core/kit'
import type { Either } from 'fp-ts/lib/Either.js'
import { type PartnerChannel, PartnerChannelCodec } from './codec.js'
import { PROVIDER } from './normalize.js'

/**
 * The channel a call is scoped to: the call's own (`opts.channel` / `query.channel`), else the config's. A channel
 * partner-gateway does not have (`viber`, `other`) is a `bad_request` before any request.
 *
 * @example
 * import { resolveChannel } from '@rcs-records/partner-gateway'
 * resolveChannel(undefined, 'rcs') // right('rcs')
 * resolveChannel('viber', 'rcs') // left(bad_request)
 */
export const resolveChannel = (requested: unknown, fallback: PartnerChannel): Either<RcsError, PartnerChannel> => {
  if (requested === undefined) return right(fallback)
  if (PartnerChannelCodec.is(requested)) return right(requested)
  return left(
    new RcsError({
      kind: 'bad_request',
      provider: PROVIDER,
      message: `${PROVIDER}: channel must be rcs, sms or whatsapp (got ${JSON.stringify(String(requested).slice(0, 40))}); partner-gateway has no other channel`,
    }),
  )
}

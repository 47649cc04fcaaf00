import type { RcsError, RcsRecord } from '@rcs-records/core'
import type { Either } from 'fp-ts/lib/Either.js'
import type { PartnerChannel } from './codec.js'
import { createNormalizer } from './normalize.js'

/**
 * A normaliser bound to a currency and a default channel.
 *
 * @example
 * import type { Normalizer } from './normalizers.js'
 * const first = (normalize: Normalizer, items: unknown[]) => normalize(items[0])
 */
export type Normalizer = (payload: unknown) => Either<RcsError, RcsRecord>

/**
 * One normaliser per channel, all in the config's currency (and default phone country): a payload without a
 * `channel` field is on the channel its lookup or listing was scoped to.
 *
 * @example
 * import { normalizersByChannel } from './normalizers.js'
 * const normalizerFor = normalizersByChannel('EUR')
 * normalizerFor('sms')({ customerMessageId: 'a', deliveryStatus: 'SENT' }) // right(record on sms)
 */
export const normalizersByChannel = (
  currency: string,
  defaultCountry?: string,
): ((channel: PartnerChannel) => Normalizer) => {
  const options = defaultCountry === undefined ? { currency } : { currency, defaultCountry }
  const byChannel: Record<PartnerChannel, Normalizer> = {
    rcs: createNormalizer({ ...options, channel: 'rcs' }),
    sms: createNormalizer({ ...options, channel: 'sms' }),
    whatsapp: createNormalizer({ ...options, channel: 'whatsapp' }),
  }
  return (channel) => byChannel[channel]
}

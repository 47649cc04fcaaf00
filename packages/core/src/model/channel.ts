import * as t from 'io-ts'

/**
 * The channel a message went out on.
 *
 * @example
 * import { ChannelCodec } from '@rcs-records/core'
 * ChannelCodec.is('rcs') // true
 */
export const ChannelCodec = /* @__PURE__ */ t.keyof(
  { rcs: null, sms: null, whatsapp: null, viber: null, other: null },
  'Channel',
)

/**
 * `rcs` | `sms` | `whatsapp` | `viber` | `other`.
 *
 * @example
 * import type { Channel } from '@rcs-records/core'
 * const c: Channel = 'sms'
 */
export type Channel = t.TypeOf<typeof ChannelCodec>

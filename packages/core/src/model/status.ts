import * as t from 'io-ts'

/**
 * The canonical delivery status, whatever the vendor.
 *
 * @example
 * import { DeliveryStatusCodec } from '@rcs-records/core'
 * DeliveryStatusCodec.is('delivered') // true
 */
export const DeliveryStatusCodec = /* @__PURE__ */ t.keyof(
  {
    pending: null,
    sent: null,
    delivered: null,
    read: null,
    rejected: null,
    undeliverable: null,
    expired: null,
    canceled: null,
    unknown: null,
  },
  'DeliveryStatus',
)

/**
 * `pending` accepted, not yet handed to the network · `sent` handed to the carrier, no receipt yet ·
 * `delivered` · `read` (implies delivered) · `rejected` refused before leaving the vendor · `undeliverable` left the
 * vendor, could not be delivered · `expired` time-to-live elapsed · `canceled` withdrawn by the sender ·
 * `unknown` no information or an unmapped vendor value (never final).
 *
 * @example
 * import type { DeliveryStatus } from '@rcs-records/core'
 * const s: DeliveryStatus = 'read'
 */
export type DeliveryStatus = t.TypeOf<typeof DeliveryStatusCodec>

/**
 * Every canonical status, in progress order then failures then `unknown`.
 *
 * @example
 * import { DELIVERY_STATUSES } from '@rcs-records/core'
 * DELIVERY_STATUSES.length // 9
 */
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'pending',
  'sent',
  'delivered',
  'read',
  'rejected',
  'undeliverable',
  'expired',
  'canceled',
  'unknown',
]

/**
 * What a status means for the sender: it worked, it failed, it is still moving, or nobody knows.
 *
 * @example
 * import type { Outcome } from '@rcs-records/core'
 * const o: Outcome = 'failure'
 */
export type Outcome = 'success' | 'failure' | 'in_flight' | 'unknown'

const OUTCOMES: Readonly<Record<DeliveryStatus, Outcome>> = {
  pending: 'in_flight',
  sent: 'in_flight',
  delivered: 'success',
  read: 'success',
  rejected: 'failure',
  undeliverable: 'failure',
  expired: 'failure',
  canceled: 'failure',
  unknown: 'unknown',
}

/**
 * The outcome of a status: `success` (delivered, read), `failure` (rejected, undeliverable, expired, canceled),
 * `in_flight` (pending, sent) or `unknown`.
 *
 * @example
 * import { outcomeOf } from '@rcs-records/core'
 * outcomeOf('expired') // 'failure'
 */
export const outcomeOf = (status: DeliveryStatus): Outcome => OUTCOMES[status]

/**
 * True when the status can no longer change in the normal course of delivery: delivered, read, rejected,
 * undeliverable, expired, canceled. (`delivered` may still become `read`.) `unknown` is never final.
 *
 * @example
 * import { isFinal } from '@rcs-records/core'
 * isFinal('sent') // false
 * isFinal('undeliverable') // true
 */
export const isFinal = (status: DeliveryStatus): boolean => {
  // The success and failure outcomes of OUTCOMES, as a switch: every record asks, and comparing with constants is
  // cheaper than a keyed lookup (a test checks both agree).
  switch (status) {
    case 'delivered':
    case 'read':
    case 'rejected':
    case 'undeliverable':
    case 'expired':
    case 'canceled':
      return true
    default:
      return false
  }
}

/**
 * True for the failure statuses: rejected, undeliverable, expired, canceled.
 *
 * @example
 * import { isFailure } from '@rcs-records/core'
 * isFailure('rejected') // true
 */
export const isFailure = (status: DeliveryStatus): boolean => {
  // The failure outcome of OUTCOMES as a switch, like isFinal: every record built asks (a test checks both agree).
  switch (status) {
    case 'rejected':
    case 'undeliverable':
    case 'expired':
    case 'canceled':
      return true
    default:
      return false
  }
}

/**
 * The three vendor APIs the simulator serves, and the canonical vocabulary its ground truth speaks.
 */

/**
 * A vendor the simulator serves, named as the adapters name themselves.
 *
 * @example
 * import type { Vendor } from '@rcs-records/simulator'
 * const vendor: Vendor = 'bsg'
 */
export type Vendor = 'partner-gateway' | 'bsg' | 'spacivox'

/**
 * Every vendor, in a stable order.
 *
 * @example
 * import { VENDORS } from '@rcs-records/simulator'
 * for (const vendor of VENDORS) console.log(vendor)
 */
export const VENDORS: readonly Vendor[] = ['partner-gateway', 'bsg', 'spacivox']

/**
 * The canonical delivery status (the same values as `DeliveryStatus` in `@rcs-records/core`; repeated here so the
 * simulator, a server, does not depend on the library it tests).
 *
 * @example
 * import type { CanonicalStatus } from '@rcs-records/simulator'
 * const status: CanonicalStatus = 'delivered'
 */
export type CanonicalStatus =
  | 'pending'
  | 'sent'
  | 'delivered'
  | 'read'
  | 'rejected'
  | 'undeliverable'
  | 'expired'
  | 'canceled'
  | 'unknown'

/**
 * The canonical channel of a record (as `Channel` in `@rcs-records/core`).
 *
 * @example
 * import type { CanonicalChannel } from '@rcs-records/simulator'
 * const channel: CanonicalChannel = 'rcs'
 */
export type CanonicalChannel = 'rcs' | 'sms' | 'whatsapp' | 'viber' | 'other'

/**
 * Per-vendor values of one setting.
 *
 * @example
 * import type { PerVendor } from '@rcs-records/simulator'
 * const records: PerVendor<number> = { 'partner-gateway': 10, bsg: 20, spacivox: 30 }
 */
export type PerVendor<T> = { [V in Vendor]: T }

/**
 * True when `value` names a vendor the simulator serves.
 */
export const isVendor = (value: unknown): value is Vendor =>
  value === 'partner-gateway' || value === 'bsg' || value === 'spacivox'

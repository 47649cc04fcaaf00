import type { Channel, DeliveryStatus, FailureReason, StatusTable } from '@rcs-records/core'
import type { BsgStatus } from './payload-codecs.js'

/**
 * BSG `status` → canonical status. Anything not in the table (including BSG's own `unknown`) is `unknown`.
 *
 * | canonical | BSG |
 * |---|---|
 * | pending | scheduled, moderation, accepted, sending |
 * | sent | sent |
 * | delivered | delivered |
 * | read | read |
 * | rejected | failed |
 * | undeliverable | undelivered, not_service_user, not_rcs_user, not_viber_user |
 * | expired | expired |
 * | unknown | unknown, anything else |
 *
 * @example
 * import { lookupStatus } from '@rcs-records/core'
 * import { statusTable } from '@rcs-records/bsg'
 * lookupStatus(statusTable, 'not_rcs_user') // 'undeliverable'
 */
export const statusTable: StatusTable<BsgStatus> = {
  scheduled: 'pending',
  moderation: 'pending',
  accepted: 'pending',
  sending: 'pending',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'rejected',
  undelivered: 'undeliverable',
  not_service_user: 'undeliverable',
  not_rcs_user: 'undeliverable',
  not_viber_user: 'undeliverable',
  expired: 'expired',
  unknown: 'unknown',
}

/**
 * {@link statusTable} as a `switch`, for the normalise hot path: a keyed lookup with a string fresh from
 * `JSON.parse` probes the string table on every call; comparing with constants is ~3× cheaper. Same answers as
 * `lookupStatus(statusTable, value)` (a test checks them against each other).
 *
 * @example
 * import { statusOf } from './mapping.js'
 * statusOf('not_rcs_user') // 'undeliverable'
 * statusOf('constructor') // 'unknown'
 */
export const statusOf = (value: string): DeliveryStatus => {
  switch (value) {
    case 'scheduled':
    case 'moderation':
    case 'accepted':
    case 'sending':
      return 'pending'
    case 'sent':
      return 'sent'
    case 'delivered':
      return 'delivered'
    case 'read':
      return 'read'
    case 'failed':
      return 'rejected'
    case 'undelivered':
    case 'not_service_user':
    case 'not_rcs_user':
    case 'not_viber_user':
      return 'undeliverable'
    case 'expired':
      return 'expired'
    default:
      return 'unknown'
  }
}

/**
 * BSG message `type` → channel (`hlr` and anything unknown → `other`).
 *
 * @example
 * import { channelTable } from '@rcs-records/bsg'
 * channelTable.viber // 'viber'
 */
export const channelTable: Readonly<Record<string, Channel>> = {
  rcs: 'rcs',
  sms: 'sms',
  viber: 'viber',
  whatsapp: 'whatsapp',
}

/**
 * The channel of a BSG `type` value. Absent (null/undefined) means `rcs` — `/api/messages` is BSG's RCS status
 * endpoint; any other value BSG documents (`hlr`) or not is `other`.
 *
 * @example
 * import { channelOf } from '@rcs-records/bsg'
 * channelOf('sms') // 'sms'
 * channelOf('hlr') // 'other'
 * channelOf(undefined) // 'rcs'
 */
export const channelOf = (type: unknown): Channel => {
  if (type === undefined || type === null) return 'rcs'
  if (typeof type !== 'string') return 'other'
  // The usual types without a keyed lookup (see statusOf).
  if (type === 'rcs') return 'rcs'
  if (type === 'sms') return 'sms'
  return Object.hasOwn(channelTable, type) ? (channelTable[type] as Channel) : 'other'
}

/**
 * What a failure says when BSG gives nothing more than the status. Codes per the design: `failed` (refused before
 * sending, e.g. an invalid number or missing prefix) → `invalid_recipient`; `not_*_user` → `not_rcs_capable`
 * (permanent); `expired` → `timed_out`; `undelivered` → `unknown` (BSG does not say why).
 *
 * @example
 * import { reasonFor } from '@rcs-records/bsg'
 * reasonFor('not_rcs_user', 'undeliverable')?.code // 'not_rcs_capable'
 * reasonFor('delivered', 'delivered') // null
 */
export const reasonFor = (
  vendorStatus: string,
  status: DeliveryStatus,
  vendor: { code?: string | null; message?: string | null } = {},
): FailureReason | null => {
  const vendorCode = vendor.code ?? vendorStatus
  const message = vendor.message ?? null
  switch (status) {
    case 'rejected':
      return { code: 'invalid_recipient', permanent: true, vendorCode, message }
    case 'expired':
      return { code: 'timed_out', permanent: false, vendorCode, message }
    case 'undeliverable':
      return vendorStatus.startsWith('not_') && vendorStatus.endsWith('_user')
        ? { code: 'not_rcs_capable', permanent: true, vendorCode, message }
        : { code: 'unknown', permanent: null, vendorCode, message }
    default:
      return null
  }
}

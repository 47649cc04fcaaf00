import type { Channel, DeliveryStatus, FailureReason, StatusTable } from '@rcs-records/core'
import { failureReason, findReasonRule, type ReasonRule } from '@rcs-records/core/kit'
import type { BsgStatus } from './payload.js'

/**
 * BSG `status` → canonical status. Anything not in the table (including BSG's own `unknown`) is `unknown`. The
 * adapter matches values regardless of case (BSG's status table writes them upper-case, its payloads lower-case):
 * look a value up lower-cased, as the adapter's own lookup does.
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
 * import { lookupStatus } from '@rcs-records/core/kit'
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

/** {@link statusOf} of a value already in lower case. */
const lowerStatusOf = (value: string): DeliveryStatus | null => {
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
      return null
  }
}

/**
 * {@link statusTable} as a `switch`, for the normalise hot path, matching regardless of case: a keyed lookup with a
 * string fresh from `JSON.parse` probes the string table on every call; comparing with constants is ~3× cheaper,
 * and only a value that matches none is lower-cased and tried again. Same answers as
 * `lookupStatus(statusTable, value.toLowerCase())` (a test checks them against each other).
 */
export const statusOf = (value: string): DeliveryStatus => {
  const status = lowerStatusOf(value)
  if (status !== null) return status
  const lower = value.toLowerCase()
  return (lower === value ? null : lowerStatusOf(lower)) ?? 'unknown'
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
 * The channel of a BSG `type` value, regardless of case. Absent (null/undefined) means `rcs` — `/api/messages` is
 * BSG's RCS status endpoint; any other value BSG documents (`hlr`) or not is `other`.
 */
export const channelOf = (type: unknown): Channel => {
  if (type === undefined || type === null) return 'rcs'
  if (typeof type !== 'string') return 'other'
  // The usual types without a keyed lookup (see statusOf).
  if (type === 'rcs') return 'rcs'
  if (type === 'sms') return 'sms'
  const lower = type.toLowerCase()
  return Object.hasOwn(channelTable, lower) ? (channelTable[lower] as Channel) : 'other'
}

/**
 * How a callback's `errorDescription` becomes the cause of a `failed` or `undelivered` message; first match wins,
 * case-insensitive. The wordings are BSG's own (its docs and API error lists):
 *
 * | description says | code | permanent |
 * |---|---|---|
 * | not an RCS / Viber / service user, RCS not supported | not_rcs_capable | true |
 * | invalid (phone) number / number format, missing or wrong prefix | invalid_recipient | true |
 * | on the stop list / blacklist, unsubscribed | opted_out | true |
 * | insufficient funds / balance | provider_error | false — the sender's account; retry after a top-up |
 * | anything else, or no description | unknown | null |
 *
 * @example
 * import { reasonRules } from '@rcs-records/bsg'
 * reasonRules.find((rule) => rule.pattern.test('Exists on the stop list'))?.code // 'opted_out'
 */
export const reasonRules: readonly ReasonRule[] = [
  {
    pattern:
      /\bnot\b[\w\s-]{0,20}\b(rcs|viber|service)[\s_-]?(user|capable|subscriber)|\brcs\b[\w\s-]{0,20}\bnot\b[\w\s-]{0,20}\bsupported\b/i,
    code: 'not_rcs_capable',
    permanent: true,
  },
  {
    pattern:
      /\binvalid\b[\w\s-]{0,30}\b(number|msisdn|phone|recipient|destination)\b|\b(missing|wrong|invalid)\b[\w\s-]{0,10}\bprefix\b/i,
    code: 'invalid_recipient',
  },
  { pattern: /\bstop[\s-]?list\b|\bblack[\s-]?list|\bunsubscribed\b/i, code: 'opted_out' },
  {
    pattern: /\binsufficient\b[\w\s-]{0,20}\b(funds|balance)\b|\bnot enough\b[\w\s-]{0,20}\b(funds|money|balance)\b/i,
    code: 'provider_error',
    permanent: false,
  },
]

/**
 * The failure reason of a record, from what BSG actually says. The status settles it only where it names the cause:
 * `not_*_user` → `not_rcs_capable` (permanent), `expired` → `timed_out`. `failed` ("sending error, e.g. invalid
 * number") and `undelivered` prove no cause: the reason comes from the callback's `errorDescription` by
 * {@link reasonRules}, else `unknown` with `permanent: null`. `vendorCode` is the callback's non-zero `error` code,
 * else the status; `message` the description. Every adapter's `reasonFor` has this signature:
 * `(status, vendorStatus, message?, vendorCode?)` (positional, so no object is built per record). Null for every status that is not a failure.
 */
export const reasonFor = (
  status: DeliveryStatus,
  vendorStatus: string,
  message: string | null = null,
  vendorCode: string | null = null,
): FailureReason | null => {
  if (status !== 'rejected' && status !== 'undeliverable' && status !== 'expired') return null
  const code = vendorCode ?? vendorStatus
  if (status === 'expired') return failureReason('timed_out', { vendorCode: code, message })
  const lower = vendorStatus.toLowerCase()
  if (status === 'undeliverable' && lower.startsWith('not_') && lower.endsWith('_user')) {
    return failureReason('not_rcs_capable', { vendorCode: code, message, permanent: true })
  }
  const rule = findReasonRule(reasonRules, message)
  if (rule === undefined) return failureReason('unknown', { vendorCode: code, message, permanent: null })
  return rule.permanent === undefined
    ? failureReason(rule.code, { vendorCode: code, message })
    : failureReason(rule.code, { vendorCode: code, message, permanent: rule.permanent })
}

import {
  type Channel,
  type DeliveryStatus,
  type FailureReason,
  RcsError,
  type ReasonCode,
  type StatusTable,
} from '@rcs-records/core'
import { type ReasonRule as CoreReasonRule, failureReason, findReasonRule, left, right } from '@rcs-records/core/kit'
import type { Either } from 'fp-ts/lib/Either.js'
import { type PartnerChannel, PartnerChannelCodec } from './config.js'
import type { PartnerStatus } from './payload.js'
import { PROVIDER } from './provider.js'

/**
 * partner-gateway `deliveryStatus` (status, batch and history endpoints, and the webhook guide's `status`) →
 * canonical status. Anything not in the table is `unknown` with the value kept as `vendorStatus`. `READ` comes from
 * these endpoints for WhatsApp; standard RCS gives no READ through them (it arrives only by webhook, see
 * {@link webhookStatusTable}), but a READ is read whatever the channel.
 *
 * | canonical | partner-gateway |
 * |---|---|
 * | sent | SENT, RECEIVED |
 * | delivered | DELIVERED |
 * | read | READ (WhatsApp), webhook `READ` event |
 * | undeliverable | ERROR |
 * | expired | EXPIRED |
 * | unknown | UNKNOWN, anything else |
 *
 * @example
 * import { lookupStatus } from '@rcs-records/core/kit'
 * import { statusTable } from '@rcs-records/partner-gateway'
 * lookupStatus(statusTable, 'RECEIVED') // 'sent'
 * lookupStatus(statusTable, 'PENDING_RETRY') // 'unknown'
 */
export const statusTable: StatusTable<PartnerStatus> = {
  SENT: 'sent',
  RECEIVED: 'sent',
  DELIVERED: 'delivered',
  READ: 'read',
  ERROR: 'undeliverable',
  EXPIRED: 'expired',
  UNKNOWN: 'unknown',
}

/**
 * Whether a listing of standard RCS records can report `read`: it cannot — the history and status endpoints give
 * READ only for WhatsApp, and an RCS read arrives only by webhook. Tools that show a funnel (the CLI) show "n/a" for
 * `read` instead of a real-looking 0. {@link statusTable} has `READ` all the same (a READ is read whatever the channel).
 *
 * @example
 * import { listingReportsRead } from '@rcs-records/partner-gateway'
 * declare const readCount: number
 * const readCell = listingReportsRead ? String(readCount) : 'n/a (webhooks only)' // 'n/a (webhooks only)'
 */
export const listingReportsRead = false

/**
 * {@link statusTable} as a `switch`, for the normalise hot path: a keyed lookup with a string fresh from
 * `JSON.parse` probes the string table on every call; comparing with seven constants is ~3× cheaper. Same answers as
 * `lookupStatus(statusTable, value)` (a test checks them against each other).
 */
export const statusOf = (value: string): DeliveryStatus => {
  switch (value) {
    case 'SENT':
    case 'RECEIVED':
      return 'sent'
    case 'DELIVERED':
      return 'delivered'
    case 'READ':
      return 'read'
    case 'ERROR':
      return 'undeliverable'
    case 'EXPIRED':
      return 'expired'
    default:
      return 'unknown'
  }
}

/**
 * Delivery-report callback `statusCode` → canonical status: 3 delivered, 6 undeliverable; any other code is
 * `unknown` with the code kept as `vendorStatus`. A `READ` event is `read`.
 *
 * @example
 * import { lookupStatus } from '@rcs-records/core/kit'
 * import { webhookStatusTable } from '@rcs-records/partner-gateway'
 * lookupStatus(webhookStatusTable, 6) // 'undeliverable'
 */
export const webhookStatusTable: StatusTable<'3' | '6'> = {
  '3': 'delivered',
  '6': 'undeliverable',
}

/**
 * The native statuses each canonical status comes from in status/history payloads: what `list` can ask the vendor
 * to filter on (`status=` takes one native value).
 */
export const nativeStatusesOf = (status: DeliveryStatus): PartnerStatus[] => {
  const natives: PartnerStatus[] = []
  for (const native of Object.keys(statusTable) as PartnerStatus[]) {
    if (statusTable[native] === status) natives.push(native)
  }
  return natives
}

const WIRE_CHANNELS: Readonly<Record<PartnerChannel, string>> = { rcs: 'RCS', sms: 'SMS', whatsapp: 'WHATSAPP' }

/**
 * A canonical channel as the vendor spells it on the wire.
 */
export const wireChannel = (channel: PartnerChannel): string => WIRE_CHANNELS[channel]

const CHANNELS: Readonly<Record<string, Channel>> = { RCS: 'rcs', SMS: 'sms', WHATSAPP: 'whatsapp' }

/**
 * The canonical channel of a payload's `channel` field (case-insensitive); `fallback` when absent, `other` for a
 * value partner-gateway does not document.
 */
export const channelOf = (value: unknown, fallback: Channel): Channel => {
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'string') return 'other'
  // The spellings the vendor sends, without a keyed lookup (see statusOf).
  if (value === 'RCS') return 'rcs'
  if (value === 'SMS') return 'sms'
  if (value === 'WHATSAPP') return 'whatsapp'
  const upper = value.toUpperCase()
  return Object.hasOwn(CHANNELS, upper) ? (CHANNELS[upper] as Channel) : 'other'
}

/**
 * One rule of {@link reasonRules} (core's `ReasonRule`): a description matching `pattern` gives `code`, with
 * `permanent` when the rule knows better than the code's default.
 */
export type ReasonRule = CoreReasonRule

/**
 * How an `ERROR` description (or a failed callback's description) becomes a failure reason; first match wins,
 * case-insensitive, no match is `unknown`. The causes are the ones the vendor lists for ERROR:
 *
 * | description says | code | permanent |
 * |---|---|---|
 * | RCS disabled / not enabled / not RCS-capable / no RCS(-capable) device | not_rcs_capable | true |
 * | agent (ID) not (properly) registered | provider_error | true — a sender-side setup problem, retrying cannot help |
 * | account suspended / disabled | provider_error | true — the sender's account, not the recipient; an SMS fallback through the same account fails too |
 * | invalid (destination) number / recipient | invalid_recipient | true |
 * | carrier rejected / rejected by the carrier | blocked | null — the carrier does not say why, nor for how long |
 *
 * @example
 * import { reasonRules } from '@rcs-records/partner-gateway'
 * reasonRules.find((rule) => rule.pattern.test('RCS disabled'))?.code // 'not_rcs_capable'
 */
export const reasonRules: readonly ReasonRule[] = [
  {
    pattern:
      /\brcs\b[\w\s-]{0,40}\b(disabled|not enabled|unavailable|not available|not supported)\b|\bnot\b[\w\s-]{0,40}\brcs[\s-]?(capable|enabled|user)|\bno\b[\w\s-]{0,40}\brcs\b[\w\s-]{0,40}\bdevice\b/i,
    code: 'not_rcs_capable',
    permanent: true,
  },
  {
    pattern: /\bagent\b[\w\s-]{0,40}\bnot\b[\w\s-]{0,40}\b(registered|verified|launched)\b/i,
    code: 'provider_error',
    permanent: true,
  },
  {
    pattern: /\baccount\b[\w\s-]{0,40}\b(suspended|disabled|blocked|deactivated)\b/i,
    code: 'provider_error',
    permanent: true,
  },
  {
    pattern:
      /\binvalid\b[\w\s-]{0,40}\b(number|destination|recipient|msisdn|phone)\b|\b(number|destination)\b[\w\s-]{0,40}\binvalid\b/i,
    code: 'invalid_recipient',
  },
  {
    pattern: /\bcarrier\b[\w\s-]{0,40}\breject|\breject\w*\b[\w\s-]{0,40}\b(carrier|operator)\b/i,
    code: 'blocked',
    permanent: null,
  },
]

/**
 * What a description says: the reason code, and `permanent` when the rule knows better than the code's default.
 */
export interface MatchedReason {
  code: ReasonCode
  permanent?: boolean | null
}

/**
 * The reason code a failure description gives, by {@link reasonRules}; `unknown` when no rule matches.
 */
export const reasonFromDescription = (description: string | null): MatchedReason => {
  if (description === null) return UNKNOWN_REASON
  const cached = matchedReasons.get(description)
  if (cached !== undefined) return cached
  const rule = findReasonRule(reasonRules, description)
  let matched: MatchedReason = UNKNOWN_REASON
  if (rule !== undefined) {
    matched = rule.permanent === undefined ? { code: rule.code } : { code: rule.code, permanent: rule.permanent }
  }
  if (matchedReasons.size >= MATCHED_REASONS_LIMIT) matchedReasons.clear()
  matchedReasons.set(description, matched)
  return matched
}

const UNKNOWN_REASON: MatchedReason = { code: 'unknown' }

/** Vendors repeat a handful of descriptions: each is matched against the rules once. */
const matchedReasons = new Map<string, MatchedReason>()
const MATCHED_REASONS_LIMIT = 1024

/**
 * The failure reason of a record: `expired` → `timed_out`; `undeliverable` → from the description (see
 * {@link reasonRules}); no reason for any other status. `vendorCode` is the one given, else the native status or
 * callback code; `message` the description. The signature every adapter's `reasonFor` has.
 */
export const reasonFor = (
  status: DeliveryStatus,
  vendorStatus: string,
  message: string | null = null,
  vendorCode: string | null = null,
): FailureReason | null => {
  if (status !== 'expired' && status !== 'undeliverable') return null
  const code = vendorCode ?? vendorStatus
  if (status === 'expired') return failureReason('timed_out', { vendorCode: code, message })
  const matched = reasonFromDescription(message)
  // Two literal shapes rather than a property added afterwards: no transient hidden class per call.
  return matched.permanent === undefined
    ? failureReason(matched.code, { vendorCode: code, message })
    : failureReason(matched.code, { vendorCode: code, message, permanent: matched.permanent })
}

/**
 * The channel a call is scoped to: the call's own (`opts.channel` / `query.channel`), else the config's. A channel
 * partner-gateway does not have (`viber`, `other`) is a `bad_request` before any request.
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

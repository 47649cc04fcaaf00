import type { RcsRecord } from '@rcs-records/core'

/**
 * What to do about one RCS message: `send_sms` (RCS cannot reach the person, SMS can), `wait` (still in flight or
 * no information yet), `none` (it worked, the vendor already sent a fallback, or the sender withdrew it), or
 * `give_up` (SMS would fail too, or must not be sent: bad number, opt-out, blocked, refused content).
 *
 * @example
 * import type { FallbackAction } from './decide-fallback.js'
 * const action: FallbackAction = 'send_sms'
 */
export type FallbackAction = 'send_sms' | 'wait' | 'none' | 'give_up'

/**
 * A decision and the reason for it, in a word.
 *
 * @example
 * import type { FallbackDecision } from './decide-fallback.js'
 * const decision: FallbackDecision = { action: 'send_sms', why: 'not_rcs_capable' }
 */
export interface FallbackDecision {
  action: FallbackAction
  why: string
}

/** Failure reasons where an SMS would fail too, or must not be sent. */
const SMS_FUTILE = new Set(['invalid_recipient', 'opted_out', 'blocked', 'content_rejected'])

/**
 * Decides the SMS fallback of one record from its canonical `status` and `reason` only — the same rule for every
 * vendor. A record whose vendor already sent a fallback (`record.fallback`, e.g. BSG's alternative SMS) needs
 * none. A failure with no reason is treated as `unknown`, which an SMS may get around.
 *
 * @example
 * import { decideFallback } from './decide-fallback.js'
 * decideFallback(record) // { action: 'send_sms', why: 'not_rcs_capable' }
 */
export const decideFallback = (record: RcsRecord): FallbackDecision => {
  if (record.fallback !== null && record.fallback.ids.length > 0) {
    return { action: 'none', why: `vendor already sent ${record.fallback.channel}` }
  }
  switch (record.status) {
    case 'delivered':
    case 'read':
      return { action: 'none', why: record.status }
    case 'canceled':
      return { action: 'none', why: 'canceled by the sender' }
    case 'pending':
    case 'sent':
    case 'unknown':
      return { action: 'wait', why: record.status }
    default: {
      const code = record.reason?.code ?? 'unknown'
      // not_rcs_capable, unreachable, timed_out, provider_error, rate_limited, unknown: the handset or the RCS
      // route is the problem, not the number, so an SMS can get through.
      return SMS_FUTILE.has(code) ? { action: 'give_up', why: code } : { action: 'send_sms', why: code }
    }
  }
}

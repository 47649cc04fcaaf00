import type { DecodeIssue, RcsError, RcsRecord } from '@rcs-records/core'
import { buildRecord, decodeError, isDecimalString, lookupStatus, toE164 } from '@rcs-records/core/kit'
import { type Either, left, right } from 'fp-ts/lib/Either.js'
import { bareAddress, channelOf, reasonFor, TWILIO_STATUSES } from './mapping.js'
import { PROVIDER } from './provider.js'
import { parseRfc2822 } from './rfc2822.js'

/** Vendor fields with no canonical home, copied into `extra` by name (never by iterating vendor keys). */
const EXTRA_FIELDS = ['direction', 'num_segments', 'num_media', 'messaging_service_sid', 'account_sid', 'body'] as const

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null)

const errorCodeOf = (value: unknown): string | null => {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value)
  if (typeof value === 'string' && /^\d{1,10}$/.test(value)) return value
  return null
}

/** Twilio writes a charge as a negative decimal string (`"-0.00750"`); the canonical cost is what was paid. */
const costOf = (price: unknown, unit: unknown): RcsRecord['cost'] => {
  if (!isDecimalString(price) || typeof unit !== 'string' || unit === '') return null
  return { amount: price.startsWith('-') ? price.slice(1) : price, currency: unit.toUpperCase() }
}

const describe = (value: unknown): string => {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

const extraOf = (message: Record<string, unknown>): Record<string, unknown> => {
  const extra: Record<string, unknown> = {}
  for (const field of EXTRA_FIELDS) {
    const value = message[field]
    if (value !== undefined && value !== null) extra[field] = value
  }
  return extra
}

/**
 * Normalises one Twilio Message resource. A payload without a string `sid` and `status` is a `decode` error naming
 * the path; every other field that is present but unusable (a date that is not RFC 2822, a price that is not a
 * decimal, an address that is not a phone number) becomes null and stays in `raw`. Never throws.
 *
 * @example
 * import { normalize } from '@rcs-records/example-custom-adapter'
 * const result = normalize({ sid: 'SM1', status: 'undelivered', error_code: 30003, to: '+15558675310' })
 * if (result._tag === 'Right') result.right.reason?.code // 'unreachable'
 */
export const normalize = (payload: unknown): Either<RcsError, RcsRecord> => {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return left(
      decodeError(
        PROVIDER,
        payload,
        [{ path: '(root)', expected: 'a Message object', actual: describe(payload) }],
        ['sid'],
      ),
    )
  }
  const message = payload as Record<string, unknown>
  const sid = message.sid
  const status = message.status
  const issues: DecodeIssue[] = []
  if (typeof sid !== 'string' || sid === '')
    issues.push({ path: 'sid', expected: 'a message SID', actual: describe(sid) })
  if (typeof status !== 'string') issues.push({ path: 'status', expected: 'string', actual: describe(status) })
  if (issues.length > 0) return left(decodeError(PROVIDER, payload, issues, ['sid']))

  const vendorStatus = status as string
  const canonical = lookupStatus(TWILIO_STATUSES, vendorStatus)
  const from = stringOrNull(message.from)
  const to = stringOrNull(message.to)
  const updatedAt = parseRfc2822(message.date_updated)
  const errorMessage = stringOrNull(message.error_message)
  return right(
    buildRecord({
      provider: PROVIDER,
      id: sid as string,
      channel: channelOf(from, to),
      recipient: to === null ? null : toE164(bareAddress(to)),
      sender: from === null || from === '' ? null : bareAddress(from),
      status: canonical,
      vendorStatus,
      vendorDescription: errorMessage,
      reason: reasonFor(canonical, vendorStatus, errorMessage, errorCodeOf(message.error_code)),
      createdAt: parseRfc2822(message.date_created),
      sentAt: parseRfc2822(message.date_sent),
      // Twilio gives no receipt time; the last status change is when the message became delivered or read.
      deliveredAt: canonical === 'delivered' ? updatedAt : null,
      readAt: canonical === 'read' ? updatedAt : null,
      updatedAt,
      cost: costOf(message.price, message.price_unit),
      extra: extraOf(message),
      raw: payload,
    }),
  )
}

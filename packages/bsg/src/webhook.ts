import type { DecodeIssue, RcsError, RcsRecord } from '@rcs-records/core'
import {
  buildRecord,
  decodeError,
  isPhoneCountry,
  isValidTimeZone,
  left,
  MAX_DECODE_ISSUES,
  parseIsoTimestamp,
  parseJsonBody,
  readIntegerId,
  readTextOrNumber,
  right,
  toE164,
} from '@rcs-records/core/kit'
import type { Either } from 'fp-ts/lib/Either.js'
import { readCost } from './fields.js'
import { reasonFor, statusOf } from './mapping.js'
import { badDefaultCountry, badTimeZone, type NormalizeOptions, requiredIssues } from './normalize.js'
import { PROVIDER } from './provider.js'

/** BSG's `errorDescription` on success; not worth keeping as a failure message. */
const NO_ERRORS = 'no errors'

const vendorCodeOf = (error: unknown): string | null => {
  if (error === 0 || error === '0' || error === null || error === undefined) return null
  return readTextOrNumber(error)
}

const callbackToRecord = (
  c: Record<string, unknown>,
  readTimestamp: (value: unknown) => string | null,
  defaultCountry: string | undefined,
): RcsRecord => {
  const vendorStatus = c.status as string
  const status = statusOf(vendorStatus)
  const description = readTextOrNumber(c.errorDescription)
  const message = description !== null && description.trim().toLowerCase() !== NO_ERRORS ? description : null
  const reportedAt = readTimestamp(c.time_dr)
  const extra: Record<string, unknown> = {}
  if (c.error !== undefined) extra.error = c.error
  return buildRecord({
    provider: PROVIDER,
    id: readIntegerId(c.id) as string,
    reference: readTextOrNumber(c.reference),
    channel: 'rcs',
    recipient: toE164(c.msisdn, defaultCountry),
    status,
    reason: reasonFor(status, vendorStatus, message, vendorCodeOf(c.error)),
    vendorStatus,
    vendorDescription: description,
    createdAt: readTimestamp(c.time_in),
    sentAt: readTimestamp(c.time_sent),
    // `time_dr` is when BSG received the report that produced this callback: the delivery time for `delivered`,
    // the read time for `read`, and for any other status the time the status changed.
    deliveredAt: status === 'delivered' ? reportedAt : null,
    readAt: status === 'read' ? reportedAt : null,
    updatedAt: reportedAt,
    cost: readCost(c.price, c.currency),
    extra,
    raw: c,
  })
}

/**
 * Pure: one BSG RCS status callback body → records. Accepts the documented object, an array of them, or the body
 * as a JSON string. The RCS click callback (`RcsClickCallback`, a tapped suggestion posted to the same URL) is not
 * a delivery report: no record, no error (a click alone gives `[]`). Status values match regardless of case. Never
 * throws; any other item without an integer `id` or a string `status` is a `decode` error naming the path
 * (`1.status` in an array). `msisdn` → recipient, `reference` → reference, `time_in`/`time_sent` →
 * createdAt/sentAt, `time_dr` → deliveredAt (or readAt for `read`) and updatedAt, `price`/`currency` → cost, and on
 * failures `error`/`errorDescription` → reason (vendorCode/message, the cause read from the description by
 * `reasonRules`).
 *
 * @example
 * import { parseWebhook } from '@rcs-records/bsg'
 * const result = parseWebhook({
 *   error: 0, errorDescription: 'No errors', id: '3266500452', msisdn: '380997087351', reference: 'hello',
 *   time_in: '2024-08-22 11:47:42', time_sent: '2024-08-22 11:47:42', time_dr: '2024-08-22 11:47:53',
 *   status: 'delivered', price: '1.1000000', currency: 'EUR',
 * })
 * if (result._tag === 'Right') result.right[0]?.deliveredAt // '2024-08-22T11:47:53.000Z'
 */
/**
 * True for BSG's `RcsClickCallback` (`{id, reference, msisdn, text, postback, time_click}`): posted to the same
 * callback URL when a recipient taps a suggestion. It reports a click, not a delivery status, so it gives no record.
 * Told apart by having no `status` and a `time_click` or `postback`.
 */
export const isClickCallback = (item: unknown): boolean => {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return false
  const c = item as Record<string, unknown>
  return c.status === undefined && (c.time_click !== undefined || c.postback !== undefined)
}

export const parseWebhook = (body: unknown, options?: NormalizeOptions): Either<RcsError, RcsRecord[]> => {
  const timeZone = options?.timeZone ?? 'UTC'
  if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) return left(badTimeZone(String(timeZone)))
  const defaultCountry = options?.defaultCountry
  if (defaultCountry !== undefined && !isPhoneCountry(defaultCountry)) return left(badDefaultCountry(defaultCountry))
  const parsed = parseJsonBody(PROVIDER, body)
  if (parsed._tag === 'Left') return parsed
  const payload = parsed.right
  const items: readonly unknown[] = Array.isArray(payload) ? payload : [payload]
  const issues: DecodeIssue[] = []
  for (let index = 0; index < items.length && issues.length < MAX_DECODE_ISSUES; index++) {
    const item = items[index]
    if (!isClickCallback(item)) issues.push(...requiredIssues(item, Array.isArray(payload) ? `${index}.` : ''))
  }
  if (issues.length > 0) return left(decodeError(PROVIDER, payload, issues))
  const readTimestamp = (value: unknown) => parseIsoTimestamp(value, timeZone)
  const records: RcsRecord[] = []
  for (const item of items) {
    if (!isClickCallback(item)) {
      records.push(callbackToRecord(item as Record<string, unknown>, readTimestamp, defaultCountry))
    }
  }
  return right(records)
}

import { parseIsoTimestamp, toE164 } from '@rcs-records/core'

/**
 * Field readers of `normalize`. Each takes an untrusted value and gives the canonical value or null — never an
 * exception.
 */

const DIGITS = /^\d{1,20}$/

/**
 * A record id (a non-negative integer, as the documented JSON number or a digit string) as a string; null otherwise.
 *
 * @example
 * import { readId } from './fields.js'
 * readId(1) // '1'
 * readId('42') // '42'
 * readId(1.5) // null
 */
export const readId = (value: unknown): string | null => {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null
  if (typeof value === 'string') return DIGITS.test(value) ? value : null
  return null
}

/**
 * A non-empty string, or a finite number written as a string (campaign ids are integers); null otherwise.
 *
 * @example
 * import { readText } from './fields.js'
 * readText(1) // '1'
 * readText('123456') // '123456'
 * readText('') // null
 */
export const readText = (value: unknown): string | null => {
  if (typeof value === 'string') return value === '' ? null : value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/**
 * A timestamp as canonical ISO-8601 UTC with milliseconds: core's `parseIsoTimestamp` (which returns the documented
 * form `2015-01-06T10:21:14.243Z` as is on its fast path); a zone-less time is read as UTC. Impossible dates
 * (`2015-02-30…`) and anything else give null.
 *
 * @example
 * import { readTimestamp } from './fields.js'
 * readTimestamp('2015-01-06T10:21:14.243Z') // '2015-01-06T10:21:14.243Z'
 * readTimestamp('2015-01-06T11:21:14+01:00') // '2015-01-06T10:21:14.000Z'
 * readTimestamp('yesterday') // null
 */
export const readTimestamp = (value: unknown): string | null => parseIsoTimestamp(value)

/**
 * The recipient in E.164: core's `toE164` (the documented form `+33612345678` is returned as is on its fast path;
 * separators, a `00` prefix and numbers are read too), null when unusable.
 *
 * @example
 * import { readRecipient } from './fields.js'
 * readRecipient('+33612345678') // '+33612345678'
 * readRecipient('0033 6 12 34 56 78') // '+33612345678'
 * readRecipient('not a phone') // null
 */
export const readRecipient = (value: unknown): string | null => toE164(value)

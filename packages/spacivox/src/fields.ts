import { parseIsoTimestamp } from '@rcs-records/core'

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

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * A timestamp as canonical ISO-8601 UTC with milliseconds. The documented form (`2015-01-06T10:21:14.243Z`) takes a
 * fast path; other ISO-8601 forms (an offset, no milliseconds, no zone — read as UTC) go through core's parser.
 * Impossible dates (`2015-02-30…`) and anything else give null.
 *
 * @example
 * import { readTimestamp } from './fields.js'
 * readTimestamp('2015-01-06T10:21:14.243Z') // '2015-01-06T10:21:14.243Z'
 * readTimestamp('2015-01-06T11:21:14+01:00') // '2015-01-06T10:21:14.000Z'
 * readTimestamp('yesterday') // null
 */
export const readTimestamp = (value: unknown): string | null => {
  if (typeof value !== 'string') return null
  if (value.length === 24 && CANONICAL.test(value)) {
    const ms = Date.parse(value)
    // A real instant prints back exactly as written (2015-02-30 would print as March 2).
    if (!Number.isNaN(ms) && new Date(ms).toISOString() === value) return value
    return null
  }
  return parseIsoTimestamp(value)
}

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

/** The digit at `index` of `text`, or -1. */
const digitAt = (text: string, index: number): number => {
  const code = text.charCodeAt(index) - 48
  return code >= 0 && code <= 9 ? code : -1
}

/** The number written by `length` digits from `index`, or -1 when one is not a digit. */
const numberAt = (text: string, index: number, length: number): number => {
  let value = 0
  for (let i = index; i < index + length; i++) {
    const digit = digitAt(text, i)
    if (digit < 0) return -1
    value = value * 10 + digit
  }
  return value
}

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * True when `text` is already canonical — `YYYY-MM-DDTHH:mm:ss.sssZ` naming a real instant — checked character by
 * character (no regex, no `Date`): the documented form, on the hot path of every record.
 */
const isCanonical = (text: string): boolean => {
  if (text.length !== 24) return false
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return false
  if (text[19] !== '.' || text[23] !== 'Z' || numberAt(text, 20, 3) < 0) return false
  const year = numberAt(text, 0, 4)
  const month = numberAt(text, 5, 2)
  const day = numberAt(text, 8, 2)
  const hour = numberAt(text, 11, 2)
  const minute = numberAt(text, 14, 2)
  const second = numberAt(text, 17, 2)
  return (
    year >= 0 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59
  )
}

/**
 * A timestamp as canonical ISO-8601 UTC with milliseconds. The documented form (`2015-01-06T10:21:14.243Z`) is
 * checked without building a `Date` and returned as is; other ISO-8601 forms (an offset, no milliseconds, no zone —
 * read as UTC) go through core's parser. Impossible dates (`2015-02-30…`) and anything else give null.
 *
 * @example
 * import { readTimestamp } from './fields.js'
 * readTimestamp('2015-01-06T10:21:14.243Z') // '2015-01-06T10:21:14.243Z'
 * readTimestamp('2015-01-06T11:21:14+01:00') // '2015-01-06T10:21:14.000Z'
 * readTimestamp('yesterday') // null
 */
export const readTimestamp = (value: unknown): string | null => {
  if (typeof value !== 'string') return null
  if (isCanonical(value)) return value
  return parseIsoTimestamp(value)
}

/** True for `+` and 7–15 digits, the first not 0: already E.164 as the vendor documents it (`+33612345678`). */
const isPlainE164 = (text: string): boolean => {
  const length = text.length
  if (length < 8 || length > 16 || text.charCodeAt(0) !== 43 || text.charCodeAt(1) === 48) return false
  for (let i = 1; i < length; i++) if (digitAt(text, i) < 0) return false
  return true
}

/**
 * The recipient in E.164. The documented form (`+33612345678`) is checked without a regex and returned as is;
 * anything else goes through core's `toE164` (separators, `00` prefix, numbers), null when unusable.
 *
 * @example
 * import { readRecipient } from './fields.js'
 * readRecipient('+33612345678') // '+33612345678'
 * readRecipient('0033 6 12 34 56 78') // '+33612345678'
 * readRecipient('not a phone') // null
 */
export const readRecipient = (value: unknown): string | null =>
  typeof value === 'string' && isPlainE164(value) ? value : toE164(value)

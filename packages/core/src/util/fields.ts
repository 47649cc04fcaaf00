/** Field readers adapters share. Each takes an untrusted value and gives the canonical value or null, never throws. */

import { integerText } from './integer-text.js'

const ID_DIGITS = /^\d{1,20}$/

/**
 * A record id that is a non-negative integer — a JSON number (safe integer) or a string of 1–20 digits — as a
 * string; null otherwise.
 *
 * @example
 * import { readIntegerId } from '@rcs-records/core/kit'
 * readIntegerId(4419393338) // '4419393338'
 * readIntegerId('3266500452') // '3266500452'
 * readIntegerId(1.5) // null
 */
export const readIntegerId = (value: unknown): string | null => {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? integerText(value) : null
  if (typeof value === 'string') return ID_DIGITS.test(value) ? value : null
  return null
}

/**
 * A non-empty string, or a finite number written as a string (vendors send campaign ids either way); null
 * otherwise.
 *
 * @example
 * import { readTextOrNumber } from '@rcs-records/core/kit'
 * readTextOrNumber(53651994) // '53651994'
 * readTextOrNumber('abc') // 'abc'
 * readTextOrNumber('') // null
 */
export const readTextOrNumber = (value: unknown): string | null => {
  if (typeof value === 'string') return value === '' ? null : value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

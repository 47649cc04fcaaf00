import { DASH, DOT, ZERO } from './char-codes.js'

/** The index of the first character from `start` that is not an ASCII digit (or the length). */
const digitsEnd = (text: string, start: number): number => {
  let index = start
  while (index < text.length && (text.charCodeAt(index) - ZERO) >>> 0 < 10) index++
  return index
}

/**
 * True for `-?\d{1,30}(\.\d{1,40})?` (the whole text), read by character codes: a regex test costs several times
 * more on the cost field of every record.
 */
const isDecimalText = (text: string): boolean => {
  const start = text.charCodeAt(0) === DASH ? 1 : 0
  const whole = digitsEnd(text, start)
  if (whole === start || whole - start > 30) return false
  if (whole === text.length) return true
  if (text.charCodeAt(whole) !== DOT) return false
  const end = digitsEnd(text, whole + 1)
  return end === text.length && end > whole + 1 && end - whole - 1 <= 40
}

/**
 * True for a plain decimal string such as `'0.0100000'` (no exponent, no spaces, no thousands separators).
 *
 * @example
 * import { isDecimalString } from '@rcs-records/core/kit'
 * isDecimalString('1.1000000') // true
 * isDecimalString('string') // false
 */
export const isDecimalString = (value: unknown): value is string => typeof value === 'string' && isDecimalText(value)

/**
 * A money amount as a decimal string: decimal strings pass through unchanged (precision kept), finite numbers are
 * written without exponent; anything else gives null.
 *
 * @example
 * import { toDecimalString } from '@rcs-records/core/kit'
 * toDecimalString('0.0100000') // '0.0100000'
 * toDecimalString(0.035) // '0.035'
 * toDecimalString('string') // null
 */
export const toDecimalString = (value: unknown): string | null => {
  if (typeof value === 'string') return isDecimalText(value) ? value : null
  if (typeof value !== 'number') return null
  // A page's records mostly cost the same: the last number written is not written again.
  if (value === lastNumber.value) return lastNumber.text
  if (!Number.isFinite(value)) return null
  const text = numberText(value)
  if (text !== null) {
    lastNumber.value = value
    lastNumber.text = text
  }
  return text
}

/** The last finite number {@link toDecimalString} wrote, and its text (`-0` is written `0`, like `+0`). */
const lastNumber: { value: number; text: string | null } = { value: Number.NaN, text: null }

/** A finite number as a decimal string without exponent; null when it cannot be one. */
const numberText = (value: number): string | null => {
  const text = String(value)
  if (!text.includes('e')) return text
  const fixed = value.toFixed(20).replace(/\.?0+$/, '')
  return isDecimalText(fixed) ? fixed : null
}

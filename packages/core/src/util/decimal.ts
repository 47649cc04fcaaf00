const DECIMAL = /^-?\d{1,30}(\.\d{1,40})?$/

/**
 * True for a plain decimal string such as `'0.0100000'` (no exponent, no spaces, no thousands separators).
 *
 * @example
 * import { isDecimalString } from '@rcs-records/core'
 * isDecimalString('1.1000000') // true
 * isDecimalString('string') // false
 */
export const isDecimalString = (value: unknown): value is string => typeof value === 'string' && DECIMAL.test(value)

/**
 * A money amount as a decimal string: decimal strings pass through unchanged (precision kept), finite numbers are
 * written without exponent; anything else gives null.
 *
 * @example
 * import { toDecimalString } from '@rcs-records/core'
 * toDecimalString('0.0100000') // '0.0100000'
 * toDecimalString(0.035) // '0.035'
 * toDecimalString('string') // null
 */
export const toDecimalString = (value: unknown): string | null => {
  if (typeof value === 'string') return DECIMAL.test(value) ? value : null
  if (typeof value !== 'number' || !Number.isFinite(value)) return null
  const text = String(value)
  if (!text.includes('e')) return text
  const fixed = value.toFixed(20).replace(/\.?0+$/, '')
  return DECIMAL.test(fixed) ? fixed : null
}

import { THREE_DIGITS } from './digit-tables.js'

/**
 * The decimal digits of a non-negative safe integer: `String(value)`, written from two smaller integers and a
 * table from 10^9 on, because converting a number beyond the small-integer range to text (vendor ids such as
 * 4403089865) is about twice as slow.
 */
export const integerText = (value: number): string => {
  if (value < 1_000_000_000) return String(value)
  const high = Math.floor(value / 1_000_000)
  const low = value - high * 1_000_000
  const middle = Math.floor(low / 1000)
  return `${high}${THREE_DIGITS[middle]}${THREE_DIGITS[low - middle * 1000]}`
}

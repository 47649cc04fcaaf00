/**
 * Timestamp text read into small numbers, one character code at a time, each character once: what the timestamp
 * fast paths compare with the last hour they converted (a `startsWith` call costs more than reading the 13
 * characters), and the `:mm:ss.000Z` tails they end their output with. Internal to core.
 */

import { COLON, DASH, PLUS, SPACE, T, ZERO } from '../util/char-codes.js'
import { TWO_DIGITS } from '../util/digit-tables.js'

/**
 * The number written by the two ASCII digits at `index`, or -1 when either is not a digit. The caller keeps
 * `index + 1` inside the text (`charCodeAt` past the end gives NaN, which would read as 0).
 */
export const twoDigitsAt = (text: string, index: number): number => {
  const tens = text.charCodeAt(index) - ZERO
  const ones = text.charCodeAt(index + 1) - ZERO
  return tens >>> 0 > 9 || ones >>> 0 > 9 ? -1 : tens * 10 + ones
}

/**
 * The local hour of a text starting `yyyy-mm-ddThh` (or `yyyy-mm-dd hh` when `spaceToo`) as the number yyyymmddhh;
 * -1 for any other shape of its first 13 characters (at least 13 are expected). Ranges are not checked: two texts
 * with the same key have the same first 13 characters, up to the separator.
 *
 * The digits are read and checked inline rather than through {@link twoDigitsAt}: this runs on every timestamp, and
 * five calls of it would use up the optimising compiler's inlining budget of the function that calls this one.
 */
export const localHourKeyOf = (text: string, spaceToo: boolean): number => {
  const separator = text.charCodeAt(10)
  if (
    (separator !== T && (!spaceToo || separator !== SPACE)) ||
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH
  ) {
    return -1
  }
  const y0 = text.charCodeAt(0) - ZERO
  const y1 = text.charCodeAt(1) - ZERO
  const y2 = text.charCodeAt(2) - ZERO
  const y3 = text.charCodeAt(3) - ZERO
  const m0 = text.charCodeAt(5) - ZERO
  const m1 = text.charCodeAt(6) - ZERO
  const d0 = text.charCodeAt(8) - ZERO
  const d1 = text.charCodeAt(9) - ZERO
  const h0 = text.charCodeAt(11) - ZERO
  const h1 = text.charCodeAt(12) - ZERO
  // Every value is a digit (0–9) exactly when none of them, nor 9 minus any of them, is negative.
  const any = y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1 | h0 | h1
  const nines =
    (9 - y0) | (9 - y1) | (9 - y2) | (9 - y3) | (9 - m0) | (9 - m1) | (9 - d0) | (9 - d1) | (9 - h0) | (9 - h1)
  if ((any | nines) < 0) return -1
  return ((((y0 * 10 + y1) * 10 + y2) * 10 + y3) * 100 + m0 * 10 + m1) * 10_000 + (d0 * 10 + d1) * 100 + h0 * 10 + h1
}

/**
 * The zone text from `zoneAt` to the end as a number: 1 when `zoneAt` is the last index (the caller has checked
 * that character is `Z`), a distinct positive key for each `±hh:mm` (ranges not checked), -1 for anything else.
 */
export const zoneKeyOf = (text: string, zoneAt: number): number => {
  if (zoneAt === text.length - 1) return 1
  const sign = text.charCodeAt(zoneAt)
  if ((sign !== PLUS && sign !== DASH) || text.charCodeAt(zoneAt + 3) !== COLON || zoneAt + 6 !== text.length) {
    return -1
  }
  const h0 = text.charCodeAt(zoneAt + 1) - ZERO
  const h1 = text.charCodeAt(zoneAt + 2) - ZERO
  const m0 = text.charCodeAt(zoneAt + 4) - ZERO
  const m1 = text.charCodeAt(zoneAt + 5) - ZERO
  if ((h0 | h1 | m0 | m1 | (9 - h0) | (9 - h1) | (9 - m0) | (9 - m1)) < 0) return -1
  return (sign === PLUS ? 10_000 : 20_000) + (h0 * 10 + h1) * 100 + m0 * 10 + m1
}

/**
 * `:mm:ss` at positions 13–18, with minutes and seconds 00–59, as minute × 60 + second; -1 otherwise.
 */
export const minuteSecondOf = (text: string): number => {
  if (text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON) return -1
  const m0 = text.charCodeAt(14) - ZERO
  const m1 = text.charCodeAt(15) - ZERO
  const s0 = text.charCodeAt(17) - ZERO
  const s1 = text.charCodeAt(18) - ZERO
  // Tens of minutes and seconds 0–5, units 0–9.
  if ((m0 | m1 | s0 | s1 | (5 - m0) | (9 - m1) | (5 - s0) | (9 - s1)) < 0) return -1
  return (m0 * 10 + m1) * 60 + s0 * 10 + s1
}

const TAILS: string[] = new Array<string>(3600).fill('')

/**
 * `:mm:ss.000Z` for minute × 60 + second (0–3599), built once per value: a canonical timestamp is then its UTC hour
 * and one of these.
 */
export const secondTail = (minuteSecond: number): string => {
  let tail = TAILS[minuteSecond] as string
  if (tail === '') {
    const minute = Math.floor(minuteSecond / 60)
    const second = minuteSecond - minute * 60
    tail = `:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.000Z`
    TAILS[minuteSecond] = tail
  }
  return tail
}

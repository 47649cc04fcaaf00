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
  const century = twoDigitsAt(text, 0)
  const year = twoDigitsAt(text, 2)
  const month = twoDigitsAt(text, 5)
  const day = twoDigitsAt(text, 8)
  const hour = twoDigitsAt(text, 11)
  if ((century | year | month | day | hour) < 0) return -1
  return (((century * 100 + year) * 100 + month) * 100 + day) * 100 + hour
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
  const hours = twoDigitsAt(text, zoneAt + 1)
  const minutes = twoDigitsAt(text, zoneAt + 4)
  if ((hours | minutes) < 0) return -1
  return (sign === PLUS ? 10_000 : 20_000) + hours * 100 + minutes
}

/**
 * `:mm:ss` at positions 13–18, with minutes and seconds 00–59, as minute × 60 + second; -1 otherwise.
 */
export const minuteSecondOf = (text: string): number => {
  if (text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON) return -1
  const minute = twoDigitsAt(text, 14)
  const second = twoDigitsAt(text, 17)
  return minute < 0 || second < 0 || minute > 59 || second > 59 ? -1 : minute * 60 + second
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

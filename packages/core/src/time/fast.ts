/**
 * Fast paths of the timestamp parsers for the shapes vendors actually send, read from character codes instead of a
 * capturing regex, `Intl` and `Date#toISOString`. Each gives `undefined` when the input is not its shape (valid or
 * not), and the general parser in `general.ts` then decides, so the public result is always the general one.
 */

import { COLON, DASH, DOT, PLUS, SPACE, T, Z, ZERO } from '../util/char-codes.js'
import { THREE_DIGITS, TWO_DIGITS } from '../util/digit-tables.js'
import { parseZonedTimestampGeneral } from './general.js'
import { localHourKeyOf, minuteSecondOf, secondTail, twoDigitsAt, zoneKeyOf } from './keys.js'

const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000
const MIN_FAST_MS = Date.UTC(1000, 0, 1)
const MAX_FAST_MS = Date.UTC(10_000, 0, 1)

/** True when the characters from `start` to before `end` are ASCII digits. */
const digitsBetween = (text: string, start: number, end: number): boolean => {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index) - ZERO
    if (code < 0 || code > 9) return false
  }
  return true
}

/** True when the character at `index` is an ASCII digit. */
const digitAt = (text: string, index: number): boolean => (text.charCodeAt(index) - ZERO) >>> 0 < 10

/** True for `yyyy-mm-dd` + `T` (or a space, when `spaceToo`) + `hh:mm:ss` in the first 19 characters. */
const hasPrefixShape = (text: string, spaceToo: boolean): boolean => {
  const separator = text.charCodeAt(10)
  return (
    (separator === T || (spaceToo && separator === SPACE)) &&
    text.charCodeAt(4) === DASH &&
    text.charCodeAt(7) === DASH &&
    text.charCodeAt(13) === COLON &&
    text.charCodeAt(16) === COLON &&
    digitAt(text, 0) &&
    digitAt(text, 1) &&
    digitAt(text, 2) &&
    digitAt(text, 3) &&
    digitAt(text, 5) &&
    digitAt(text, 6) &&
    digitAt(text, 8) &&
    digitAt(text, 9) &&
    digitAt(text, 11) &&
    digitAt(text, 12) &&
    digitAt(text, 14) &&
    digitAt(text, 15) &&
    digitAt(text, 17) &&
    digitAt(text, 18)
  )
}

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** True when the date and time fields of a text with the prefix shape name a real wall-clock time. */
const fieldsAreValid = (text: string): boolean => {
  const year = twoDigitsAt(text, 0) * 100 + twoDigitsAt(text, 2)
  const month = twoDigitsAt(text, 5)
  const day = twoDigitsAt(text, 8)
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    twoDigitsAt(text, 11) <= 23 &&
    twoDigitsAt(text, 14) <= 59 &&
    twoDigitsAt(text, 17) <= 59
  )
}

/**
 * UTC `yyyy-mm-ddThh` of a local hour at a whole-hour offset; undefined outside years 1000–9999. Reached only when
 * {@link utcHours} has no answer yet, so the built-in formatter costs nothing here.
 */
const utcHourPrefix = (
  year: number,
  month: number,
  day: number,
  hour: number,
  offsetHours: number,
): string | undefined => {
  const utcHour = Date.UTC(year, month - 1, day, hour) - offsetHours * HOUR_MS
  if (utcHour < MIN_FAST_MS || utcHour >= MAX_FAST_MS) return undefined
  return new Date(utcHour).toISOString().slice(0, 13)
}

/**
 * The last local hour (`yyyy-mm-ddThh`, as its key) and zone (`Z`, `+01:00`, as its key) that passed every check,
 * and the UTC `yyyy-mm-ddThh` they give: timestamps of one page mostly share them, and then only `:mm:ss` and the
 * fraction need checking. Compared as numbers: cheaper than `startsWith`/`endsWith` on the text.
 */
const lastHour = { localHour: -1, zone: -1, utc: '' }

/**
 * Every (local hour, zone) → UTC `yyyy-mm-ddThh` seen lately, keyed `localHour × 100,000 + zone` (both keys are
 * below 10^10 and 10^5, so the key is exact): a batch lookup's answer comes in no time order, so consecutive
 * timestamps rarely share an hour, but a call's timestamps fall in a few hundred hours. Cleared when full.
 */
const utcHours = new Map<number, string>()
const UTC_HOURS_LIMIT = 4096

/** {@link utcHourOf} through {@link utcHours} (`key` is the text's local hour and zone key). */
const recentUtcHour = (text: string, zoneAt: number, lastAt: number, key: number): string | undefined => {
  let utc = utcHours.get(key)
  if (utc === undefined) {
    utc = utcHourOf(text, zoneAt, lastAt)
    if (utc === undefined) return undefined
    if (utcHours.size >= UTC_HOURS_LIMIT) utcHours.clear()
    utcHours.set(key, utc)
  }
  return utc
}

/** The UTC `yyyy-mm-ddThh` of a text whose prefix and zone (at `zoneAt`) are still unchecked; undefined if unusable. */
const utcHourOf = (text: string, zoneAt: number, lastAt: number): string | undefined => {
  if (!hasPrefixShape(text, false) || !fieldsAreValid(text)) return undefined
  const year = twoDigitsAt(text, 0) * 100 + twoDigitsAt(text, 2)
  if (year < 1000) return undefined
  if (zoneAt === lastAt) return text.slice(0, 13)
  const sign = text.charCodeAt(zoneAt)
  if ((sign !== PLUS && sign !== DASH) || text.charCodeAt(zoneAt + 3) !== COLON) return undefined
  if (!digitsBetween(text, zoneAt + 1, zoneAt + 3) || !digitsBetween(text, zoneAt + 4, zoneAt + 6)) return undefined
  const hours = twoDigitsAt(text, zoneAt + 1)
  // Offsets with minutes shift the minute too; the general parser handles those (and refuses out-of-range ones).
  if (hours > 17 || twoDigitsAt(text, zoneAt + 4) !== 0) return undefined
  const offsetHours = sign === DASH ? -hours : hours
  const hour = twoDigitsAt(text, 11)
  const utcHour = hour - offsetHours
  // Same UTC day: only the hour changes.
  if (utcHour >= 0 && utcHour <= 23) return `${text.slice(0, 11)}${TWO_DIGITS[utcHour]}`
  return utcHourPrefix(year, twoDigitsAt(text, 5), twoDigitsAt(text, 8), hour, offsetHours)
}

/**
 * The canonical form of `yyyy-mm-ddThh:mm:ss[.f…](Z|±hh:mm)` with a whole-hour offset and a year from 1000 on; the
 * canonical form itself (`…ss.sssZ`) is returned as is. Undefined for anything else, valid or not.
 */
export const fastIsoWithZone = (text: string): string | undefined => {
  const length = text.length
  if (length < 20 || length > 35) return undefined
  const lastAt = length - 1
  const zoneAt = text.charCodeAt(lastAt) === Z ? lastAt : lastAt - 5
  if (zoneAt !== 19) {
    // A fraction: `.` and 1–9 digits up to the zone.
    const digits = zoneAt - 20
    if (text.charCodeAt(19) !== DOT || digits < 1 || digits > 9 || !digitsBetween(text, 20, zoneAt)) return undefined
  }
  const minuteSecond = minuteSecondOf(text)
  const localHour = localHourKeyOf(text, false)
  const zone = zoneKeyOf(text, zoneAt)
  if (minuteSecond < 0 || localHour < 0 || zone < 0) return undefined
  let utc: string | undefined
  if (localHour === lastHour.localHour && zone === lastHour.zone) {
    utc = lastHour.utc
  } else {
    utc = recentUtcHour(text, zoneAt, lastAt, localHour * 100_000 + zone)
    if (utc === undefined) return undefined
    lastHour.localHour = localHour
    lastHour.zone = zone
    lastHour.utc = utc
  }
  if (zoneAt === 19) return `${utc}${secondTail(minuteSecond)}`
  if (length === 24 && zoneAt === lastAt) return text // already canonical
  const digits = zoneAt - 20
  const millisecond = Number(text.slice(20, Math.min(zoneAt, 23))) * (digits === 1 ? 100 : digits === 2 ? 10 : 1)
  if (millisecond === 0) return `${utc}${secondTail(minuteSecond)}`
  return `${utc}${text.slice(13, 19)}.${THREE_DIGITS[millisecond]}Z`
}

const PREFIX_CACHE_LIMIT = 20_000

/**
 * Builds the fast path for zone-less `yyyy-mm-dd hh:mm:ss` (or `…Thh:mm:ss`) wall-clock times in one IANA zone:
 * in UTC by rewriting the text, elsewhere by caching, per local hour (or minute, for zones with a half-hour offset),
 * the UTC prefix that `resolve` (the general zoned parser) gives — only where the zone's offset is the same across
 * that whole hour or minute, so DST changes and historical offsets with seconds always go through `resolve`. Gives
 * null for an impossible date and undefined for any other shape or an uncacheable time.
 */
export const createZonedFastPath = (
  timeZone: string,
  resolve: (local: string) => string | null,
): ((value: string) => string | null | undefined) => {
  const utc = timeZone === 'UTC' || timeZone === 'Etc/UTC'
  /** Local `yyyy-mm-dd hh` (or `… hh:mm`) → UTC ISO prefix of the same length; '' when the offset is not cacheable. */
  const prefixes = new Map<string, string>()

  const offsetOf = (local: string): number | null => {
    const iso = resolve(local)
    return iso === null ? null : Date.parse(`${local.slice(0, 10)}T${local.slice(11, 19)}Z`) - Date.parse(iso)
  }

  const prefixFor = (value: string, length: 13 | 16): string => {
    const key = value.slice(0, length)
    let prefix = prefixes.get(key)
    if (prefix !== undefined) return prefix
    const first = `${key}${length === 13 ? ':00:00' : ':00'}`
    const offset = offsetOf(first)
    const unit = length === 13 ? HOUR_MS : MINUTE_MS
    const stable =
      offset !== null && offset % unit === 0 && offsetOf(`${key}${length === 13 ? ':59:59' : ':59'}`) === offset
    prefix = stable ? (resolve(first) ?? '').slice(0, length) : ''
    if (prefixes.size >= PREFIX_CACHE_LIMIT) prefixes.clear()
    prefixes.set(key, prefix)
    return prefix
  }

  // Records of a page are close in time: remember the last (validated) local hour, as its key, and its UTC prefix,
  // so most values only need their `:mm:ss` checked. The key ignores the separator (`T` or a space): both give the
  // same prefix.
  let lastLocalHour = -1
  let lastPrefix = ''

  return (value) => {
    if (value.length !== 19) return undefined
    const minuteSecond = minuteSecondOf(value)
    const localHour = localHourKeyOf(value, true)
    if (minuteSecond >= 0 && localHour >= 0 && localHour === lastLocalHour) {
      return `${lastPrefix}${secondTail(minuteSecond)}`
    }
    // Years before 1000 go to the general parser, whose `Date.UTC` reads years 0–99 as 1900–1999.
    if (!hasPrefixShape(value, true) || value.charCodeAt(0) === ZERO) return undefined
    if (!fieldsAreValid(value)) return null
    const hour = utc ? `${value.slice(0, 10)}T${value.slice(11, 13)}` : prefixFor(value, 13)
    if (hour !== '') {
      lastLocalHour = localHour
      lastPrefix = hour
      return `${hour}${secondTail(minuteSecond)}`
    }
    const minute = prefixFor(value, 16)
    return minute === '' ? undefined : `${minute}${value.slice(16)}.000Z`
  }
}

const zonedFastPaths = new Map<string, (value: string) => string | null | undefined>()
const lastZone: { timeZone: string; fastPath: (value: string) => string | null | undefined } = {
  timeZone: '',
  fastPath: () => undefined,
}

/** The fast path of zone-less wall-clock times in `timeZone` (its caches outlive one call); at most 64 zones kept. */
export const zonedFastPathFor = (timeZone: string): ((value: string) => string | null | undefined) => {
  // A normaliser reads all its timestamps in one zone: the last one found skips the map lookup.
  if (timeZone === lastZone.timeZone) return lastZone.fastPath
  let fastPath = zonedFastPaths.get(timeZone)
  if (fastPath === undefined) {
    fastPath = createZonedFastPath(timeZone, (local) => parseZonedTimestampGeneral(local, timeZone))
    if (zonedFastPaths.size < 64) zonedFastPaths.set(timeZone, fastPath)
  }
  lastZone.timeZone = timeZone
  lastZone.fastPath = fastPath
  return fastPath
}

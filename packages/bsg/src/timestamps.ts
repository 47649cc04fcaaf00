import { parseIsoTimestamp } from '@rcs-records/core'

/** BSG's own shape: `yyyy-mm-dd hh:mm:ss` (19 characters, no zone). */
const BSG_SHAPE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/
const MINUTE = 60_000
const HOUR = 3_600_000
const CACHE_LIMIT = 20_000

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate()

const dayExists = (value: string): boolean => {
  const day = Number(value.slice(8, 10))
  return day <= 28 || day <= daysInMonth(Number(value.slice(0, 4)), Number(value.slice(5, 7)))
}

const COLON = 58
const ZERO = 48

/** `:mm:ss` at positions 13–18 of a 19-character text, with minutes and seconds 00–59. */
const minutesAndSecondsAreValid = (value: string): boolean => {
  if (value.charCodeAt(13) !== COLON || value.charCodeAt(16) !== COLON) return false
  const m1 = value.charCodeAt(14) - ZERO
  const m2 = value.charCodeAt(15) - ZERO
  const s1 = value.charCodeAt(17) - ZERO
  const s2 = value.charCodeAt(18) - ZERO
  return m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9 && s1 >= 0 && s1 <= 5 && s2 >= 0 && s2 <= 9
}

/** Offset of the zone for a local wall-clock text (as core resolves it), or null. */
const offsetOf = (local: string, timeZone: string): number | null => {
  const iso = parseIsoTimestamp(local, timeZone)
  return iso === null ? null : Date.parse(`${local.slice(0, 10)}T${local.slice(11, 19)}Z`) - Date.parse(iso)
}

/**
 * Builds a reader of BSG timestamps in one zone, returning canonical ISO UTC or null. It gives exactly what core's
 * `parseIsoTimestamp(value, timeZone)` gives, faster on BSG's usual `yyyy-mm-dd hh:mm:ss` shape: in UTC by
 * rewriting the text, elsewhere by caching, per local hour (or minute, for zones with a half-hour offset), the UTC
 * prefix — only where the zone's offset is the same across that whole hour/minute, so DST changes and historical
 * offsets with seconds always go through core. Anything else (offsets, fractions) goes through core too.
 *
 * @example
 * import { createTimestampReader } from './timestamps.js'
 * const read = createTimestampReader('Europe/Kyiv')
 * read('2024-07-01 12:00:00') // '2024-07-01T09:00:00.000Z'
 * read('2000-01-23T04:56:07.000+00:00') // '2000-01-23T04:56:07.000Z'
 */
export const createTimestampReader = (timeZone: string): ((value: unknown) => string | null) => {
  const utc = timeZone === 'UTC' || timeZone === 'Etc/UTC'
  /** Local `yyyy-mm-dd hh` (or `… hh:mm`) → UTC ISO prefix of the same length; '' when the offset is not cacheable. */
  const prefixes = new Map<string, string>()

  const prefixFor = (value: string, length: 13 | 16): string => {
    const key = value.slice(0, length)
    let prefix = prefixes.get(key)
    if (prefix !== undefined) return prefix
    const first = `${key}${length === 13 ? ':00:00' : ':00'}`
    const last = `${key}${length === 13 ? ':59:59' : ':59'}`
    const offset = offsetOf(first, timeZone)
    const unit = length === 13 ? HOUR : MINUTE
    const stable = offset !== null && offset % unit === 0 && offsetOf(last, timeZone) === offset
    prefix = stable ? (parseIsoTimestamp(first, timeZone) ?? '').slice(0, length) : ''
    if (prefixes.size >= CACHE_LIMIT) prefixes.clear()
    prefixes.set(key, prefix)
    return prefix
  }

  // Records of a page are close in time: remember the last (validated) local hour and its UTC prefix, so most
  // values only need their `:mm:ss` checked.
  let lastKey = ''
  let lastPrefix = ''

  return (value) => {
    if (typeof value !== 'string') return null
    if (value.length === 19 && lastKey !== '' && value.startsWith(lastKey) && minutesAndSecondsAreValid(value)) {
      return `${lastPrefix}${value.slice(13)}.000Z`
    }
    if (value.length !== 19 || !BSG_SHAPE.test(value)) return parseIsoTimestamp(value, timeZone)
    if (!dayExists(value)) return null
    const hour = utc ? `${value.slice(0, 10)}T${value.slice(11, 13)}` : prefixFor(value, 13)
    if (hour !== '') {
      lastKey = value.slice(0, 13)
      lastPrefix = hour
      return `${hour}${value.slice(13)}.000Z`
    }
    const minute = prefixFor(value, 16)
    if (minute !== '') return `${minute}${value.slice(16)}.000Z`
    return parseIsoTimestamp(value, timeZone)
  }
}

const readers = new Map<string, (value: unknown) => string | null>()

/**
 * The shared reader of a zone (see {@link createTimestampReader}), so its cache outlives one call.
 *
 * @example
 * import { timestampReaderFor } from './timestamps.js'
 * timestampReaderFor('UTC')('2021-04-27 19:44:06') // '2021-04-27T19:44:06.000Z'
 */
export const timestampReaderFor = (timeZone: string): ((value: unknown) => string | null) => {
  let reader = readers.get(timeZone)
  if (reader === undefined) {
    reader = createTimestampReader(timeZone)
    if (readers.size < 64) readers.set(timeZone, reader)
  }
  return reader
}

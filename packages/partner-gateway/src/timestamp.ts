import { parseIsoTimestamp } from '@rcs-records/core'

/**
 * A fast path for the timestamps partner-gateway sends (`2025-10-16T12:42:18+02:00`, `2026-04-09T10:30:00Z`, with or
 * without a fraction): checked and read from character codes, and re-assembled from the input
 * with the UTC hour computed once per run of timestamps in the same local hour, because core's general parser (a capturing regex and
 * `Date#toISOString`) was most of the cost of normalising a record. Anything else — zone-less,
 * `+0200`, lower-case `t`, years outside 1000–9999 — goes to core's `parseIsoTimestamp`, so the result is always
 * exactly what core gives.
 */

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'))
const THREE_DIGITS: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'))
const DAY_MS = 86_400_000
const MIN_FAST_MS = Date.UTC(1000, 0, 1)
const MAX_FAST_MS = Date.UTC(10_000, 0, 1)
const ZERO = 48
const Z = 90
const DASH = 45
const PLUS = 43
const COLON = 58
const DOT = 46
const NO_FRACTION = '.000Z'

/** The number written by the two ASCII digits at `index` (the caller has checked they are digits). */
const twoAt = (text: string, index: number): number =>
  (text.charCodeAt(index) - ZERO) * 10 + text.charCodeAt(index + 1) - ZERO

/** True when the characters from `start` to before `end` are ASCII digits. */
const digitsBetween = (text: string, start: number, end: number): boolean => {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index) - ZERO
    if (code < 0 || code > 9) return false
  }
  return true
}

/** `yyyy-mm-ddThh:mm:ss` as character codes, -1 where a digit goes. */
const PREFIX_SHAPE: readonly number[] = Array.from('0000-00-00T00:00:00', (c) => (c === '0' ? -1 : c.charCodeAt(0)))

/** True for `yyyy-mm-ddThh:mm:ss`, the part every fast-path timestamp starts with. */
const hasFastPrefix = (text: string): boolean => {
  for (let index = 0; index < 19; index++) {
    const code = text.charCodeAt(index)
    const wanted = PREFIX_SHAPE[index] as number
    if (wanted === -1 ? code < ZERO || code > ZERO + 9 : code !== wanted) return false
  }
  return true
}

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * Formats epoch ms (years 1000–9999) as `yyyy-mm-ddThh:mm:ss.sssZ` — what `Date#toISOString` gives, ~4× faster
 * (days to civil date by Howard Hinnant's algorithm).
 *
 * @example
 * import { formatIsoMillis } from './timestamp.js'
 * formatIsoMillis(Date.UTC(2025, 9, 16, 10, 42, 18)) // '2025-10-16T10:42:18.000Z'
 */
export const formatIsoMillis = (ms: number): string => {
  const days = Math.floor(ms / DAY_MS)
  let rest = ms - days * DAY_MS
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  const hour = Math.floor(rest / 3_600_000)
  rest -= hour * 3_600_000
  const minute = Math.floor(rest / 60_000)
  rest -= minute * 60_000
  const second = Math.floor(rest / 1000)
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.${THREE_DIGITS[rest - second * 1000]}Z`
}

/**
 * The canonical form of `yyyy-mm-ddThh:mm:ss[.f…](Z|±hh:mm)` (whole-hour offsets); undefined for anything else,
 * valid or not, which core then decides.
 */
const fastIso = (text: string): string | undefined => {
  const length = text.length
  if (length < 20 || length > 35 || !hasFastPrefix(text)) return undefined
  const year = twoAt(text, 0) * 100 + twoAt(text, 2)
  const month = twoAt(text, 5)
  const day = twoAt(text, 8)
  const hour = twoAt(text, 11)
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23) return undefined
  if (twoAt(text, 14) > 59 || twoAt(text, 17) > 59) return undefined
  const lastAt = length - 1
  const zoneAt = text.charCodeAt(lastAt) === Z ? lastAt : lastAt - 5
  let millisecond = 0
  if (zoneAt !== 19) {
    // A fraction: `.` and 1–9 digits up to the zone.
    const digits = zoneAt - 20
    if (text.charCodeAt(19) !== DOT || digits < 1 || digits > 9 || !digitsBetween(text, 20, zoneAt)) return undefined
    millisecond = Number(text.slice(20, Math.min(zoneAt, 23))) * (digits === 1 ? 100 : digits === 2 ? 10 : 1)
  }
  const tail = millisecond === 0 ? NO_FRACTION : `.${THREE_DIGITS[millisecond]}Z`
  if (zoneAt === lastAt) return `${text.slice(0, 19)}${tail}`
  const sign = text.charCodeAt(zoneAt)
  if ((sign !== PLUS && sign !== DASH) || text.charCodeAt(zoneAt + 3) !== COLON) return undefined
  if (!digitsBetween(text, zoneAt + 1, zoneAt + 3) || !digitsBetween(text, zoneAt + 4, zoneAt + 6)) return undefined
  const hours = twoAt(text, zoneAt + 1)
  // Offsets with minutes shift the minute too; core handles those (and out-of-range offsets, which it refuses).
  if (hours > 17 || twoAt(text, zoneAt + 4) !== 0) return undefined
  const offsetHours = sign === DASH ? -hours : hours
  const prefix = utcHourPrefix(year, month, day, hour, offsetHours)
  return prefix === undefined ? undefined : `${prefix}${text.slice(13, 19)}${tail}`
}

/** The last local hour and offset seen, and its UTC `yyyy-mm-ddThh`: consecutive timestamps mostly share it. */
const last = { localHour: Number.NaN, offsetHours: Number.NaN, prefix: '' }

/** UTC `yyyy-mm-ddThh` of a local hour at a whole-hour offset; undefined outside years 1000–9999. */
const utcHourPrefix = (
  year: number,
  month: number,
  day: number,
  hour: number,
  offsetHours: number,
): string | undefined => {
  const localHour = ((year * 16 + month) * 32 + day) * 24 + hour
  if (localHour === last.localHour && offsetHours === last.offsetHours) return last.prefix
  const utcHour = Date.UTC(year, month - 1, day, hour) - offsetHours * 3_600_000
  if (utcHour < MIN_FAST_MS || utcHour >= MAX_FAST_MS) return undefined
  last.localHour = localHour
  last.offsetHours = offsetHours
  last.prefix = formatIsoMillis(utcHour).slice(0, 13)
  return last.prefix
}

/**
 * An ISO-8601 timestamp with `Z` or an offset → canonical ISO UTC with milliseconds; exactly what core's
 * `parseIsoTimestamp` gives for every input (null for anything unusable), with a fast path for the common shape.
 *
 * @example
 * import { readIsoTimestamp } from './timestamp.js'
 * readIsoTimestamp('2025-10-16T12:42:18+02:00') // '2025-10-16T10:42:18.000Z'
 * readIsoTimestamp('2025-02-30T00:00:00Z') // null
 */
export const readIsoTimestamp = (value: string): string | null => {
  const fast = fastIso(value)
  return fast === undefined ? parseIsoTimestamp(value) : fast
}

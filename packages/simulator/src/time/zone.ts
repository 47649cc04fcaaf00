/**
 * Time-zone arithmetic for the wire formats (BSG's zone-less `yyyy-mm-dd hh:mm:ss`, partner-gateway's ISO with
 * offset). Offsets come from `Intl` once per zone and UTC hour, then from a cache: formatting a million timestamps
 * costs a million string slices, not a million `Intl` calls. Zone offsets only change on whole UTC hours or
 * half-hours in every zone this is used with, so a per-hour cache is exact for them.
 */

const HOUR = 3_600_000
const formatters = new Map<string, Intl.DateTimeFormat>()
const offsets = new Map<string, Map<number, number>>()

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

let lastHour = Number.NaN
let lastZone = ''
let lastOffset = 0

const isUtc = (timeZone: string): boolean => timeZone === 'UTC' || timeZone === 'Etc/UTC'

const computeOffset = (instant: number, timeZone: string): number => {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant))
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  )
  return wall - (instant - (((instant % 1000) + 1000) % 1000))
}

/**
 * Offset of `timeZone` from UTC at `instant`, in ms (Europe/Kyiv in summer: +10,800,000).
 */
export const zoneOffset = (instant: number, timeZone: string): number => {
  if (isUtc(timeZone)) return 0
  const hour = Math.floor(instant / HOUR)
  // Consecutive records mostly share an hour: remember the last answer.
  if (hour === lastHour && timeZone === lastZone) return lastOffset
  let cache = offsets.get(timeZone)
  if (cache === undefined) {
    cache = new Map()
    offsets.set(timeZone, cache)
  }
  let offset = cache.get(hour)
  if (offset === undefined) {
    offset = computeOffset(hour * HOUR, timeZone)
    if (cache.size > 100_000) cache.clear()
    cache.set(hour, offset)
  }
  lastHour = hour
  lastZone = timeZone
  lastOffset = offset
  return offset
}

/**
 * True when the runtime knows the IANA zone.
 */
export const isKnownTimeZone = (timeZone: string): boolean => {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

const DAY = 86_400_000
const dayPrefixes = new Map<number, string>()
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => (n < 10 ? `0${n}` : String(n)))

/** `yyyy-mm-dd` of a UTC day number, cached (a listing touches few distinct days). */
const dayPrefix = (day: number): string => {
  let prefix = dayPrefixes.get(day)
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 10)
    if (dayPrefixes.size > 100_000) dayPrefixes.clear()
    dayPrefixes.set(day, prefix)
  }
  return prefix
}

/** `yyyy-mm-dd`, separator, `hh:mm:ss` of a UTC instant, without allocating a Date. */
const formatUtcSeconds = (instant: number, separator: string): string => {
  const day = Math.floor(instant / DAY)
  const seconds = Math.floor((instant - day * DAY) / 1000)
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds - h * 3600) / 60)
  return `${dayPrefix(day)}${separator}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[seconds - h * 3600 - m * 60]}`
}

/**
 * Formats an instant as `yyyy-mm-dd hh:mm:ss` wall-clock time in `timeZone` (BSG's format).
 */
export const formatLocal = (instant: number, timeZone: string): string =>
  formatUtcSeconds(instant + zoneOffset(instant, timeZone), ' ')

/**
 * ISO-8601 UTC with milliseconds (what `Date#toISOString` gives for the years in use), without allocating a Date.
 */
export const formatIsoMillis = (instant: number): string => {
  const ms = ((instant % 1000) + 1000) % 1000
  return `${formatUtcSeconds(instant, 'T')}.${ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : ms}Z`
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))
const offsetSuffixes = new Map<number, string>()

const offsetSuffix = (offset: number): string => {
  let suffix = offsetSuffixes.get(offset)
  if (suffix === undefined) {
    const minutes = Math.abs(offset) / 60_000
    suffix = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`
    offsetSuffixes.set(offset, suffix)
  }
  return suffix
}

/**
 * Formats an instant as ISO-8601 with the zone's offset and seconds precision (`2025-10-16T12:42:18+02:00`).
 */
export const formatIsoWithOffset = (instant: number, timeZone: string): string => {
  const offset = zoneOffset(instant, timeZone)
  return `${formatUtcSeconds(instant + offset, 'T')}${offsetSuffix(offset)}`
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

/**
 * Parses BSG's `yyyy-mm-dd hh:mm:ss` as wall-clock time in `timeZone`; null when it is not exactly that format or
 * not a real date.
 */
export const parseLocal = (text: string, timeZone: string): number | null => {
  const m = LOCAL.exec(text)
  if (m === null) return null
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute, second)
  const check = new Date(asIfUtc)
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return null
  }
  const first = zoneOffset(asIfUtc, timeZone)
  const second2 = zoneOffset(asIfUtc - first, timeZone)
  return asIfUtc - second2
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i
const ISO_ANY = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i

const parseValidated = (text: string): number | null => {
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text)
  return Number.isNaN(ms) ? null : ms
}

/**
 * Parses an ISO-8601 date-time that carries an offset (`Z` or `±hh:mm`), as partner-gateway demands; date-only and
 * offset-less strings give null.
 */
export const parseIsoWithOffset = (text: string): number | null =>
  ISO_WITH_OFFSET.test(text) ? parseValidated(text) : null

/**
 * Parses an ISO-8601 date or date-time; without an offset it is read as UTC. Anything else gives null.
 */
export const parseIsoLenient = (text: string): number | null => {
  if (!ISO_ANY.test(text)) return null
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) && text.length > 10
  const normalised = text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
  return parseValidated(hasZone || text.length === 10 ? normalised : `${normalised}Z`)
}

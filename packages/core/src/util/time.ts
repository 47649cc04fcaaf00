/**
 * Vendor timestamps to canonical ISO-8601 UTC with milliseconds, and back, with IANA time zones through `Intl`
 * (no date library). Unusable input gives null, never an exception.
 */

const ISO_WITH_ZONE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/

interface LocalFields {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
}

const fieldsFromMatch = (m: RegExpExecArray): LocalFields | null => {
  const fields = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
    millisecond: m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0')),
  }
  if (fields.month < 1 || fields.month > 12 || fields.day < 1 || fields.hour > 23 || fields.minute > 59) return null
  if (fields.second > 59) return null
  const probe = new Date(Date.UTC(fields.year, fields.month - 1, fields.day))
  if (probe.getUTCDate() !== fields.day) return null // 2021-02-30 and the like
  return fields
}

const utcMillis = (f: LocalFields): number => {
  const ms = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond)
  // Date.UTC maps years 0–99 to 1900–1999; fix them.
  return f.year < 100 ? new Date(ms).setUTCFullYear(f.year) : ms
}

const zoneOffsetFromText = (zone: string): number => {
  if (zone === 'Z' || zone === 'z') return 0
  const sign = zone[0] === '-' ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000
}

const formatters = new Map<string, Intl.DateTimeFormat>()

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/**
 * True when `timeZone` is an IANA zone name this runtime knows.
 *
 * @example
 * import { isValidTimeZone } from '@rcs-records/core'
 * isValidTimeZone('Europe/Kyiv') // true
 * isValidTimeZone('Mars/Olympus') // false
 */
export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

const wallClockOf = (instant: number, timeZone: string): LocalFields => {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant))
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    millisecond: new Date(instant).getUTCMilliseconds(),
  }
}

/** Offset of `timeZone` from UTC at `instant`, in ms (Kyiv in summer: +3 h). */
const offsetAt = (instant: number, timeZone: string): number => {
  const wall = wallClockOf(instant, timeZone)
  return utcMillis({ ...wall, millisecond: 0 }) - (instant - new Date(instant).getUTCMilliseconds())
}

/** Cache of offsets by zone and local hour: one `Intl` call per distinct hour instead of per timestamp. */
const offsetCache = new Map<string, number>()
const OFFSET_CACHE_LIMIT = 50_000

const localToUtc = (fields: LocalFields, timeZone: string): number => {
  const asIfUtc = utcMillis(fields)
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return asIfUtc
  const key = `${timeZone}|${fields.year}-${fields.month}-${fields.day}T${fields.hour}:${fields.minute >= 30 ? 1 : 0}`
  const cached = offsetCache.get(key)
  if (cached !== undefined) return asIfUtc - cached
  // Two passes settle the offset everywhere except in a DST gap, where the later offset wins (the wall time is
  // pushed forward, as most libraries do).
  const first = offsetAt(asIfUtc, timeZone)
  let offset = offsetAt(asIfUtc - first, timeZone)
  if (offset !== first) {
    const second = offsetAt(asIfUtc - offset, timeZone)
    offset = second === offset ? offset : Math.max(first, offset)
  }
  if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear()
  // Around a transition the half-hour key could straddle it; only cache offsets stable across the whole hour.
  if (
    offsetAt(asIfUtc - offset - 3_600_000, timeZone) === offset &&
    offsetAt(asIfUtc - offset + 3_600_000, timeZone) === offset
  ) {
    offsetCache.set(key, offset)
  }
  return asIfUtc - offset
}

/**
 * Parses an ISO-8601 timestamp (with `Z` or an offset) to canonical ISO UTC with milliseconds. A timestamp without
 * a zone is read in `assumeZone` (default UTC). Anything else gives null.
 *
 * @example
 * import { parseIsoTimestamp } from '@rcs-records/core'
 * parseIsoTimestamp('2025-10-16T12:42:18+02:00') // '2025-10-16T10:42:18.000Z'
 * parseIsoTimestamp('yesterday') // null
 */
export const parseIsoTimestamp = (value: unknown, assumeZone = 'UTC'): string | null => {
  if (typeof value !== 'string' || value.length > 40) return null
  const m = ISO_WITH_ZONE.exec(value)
  if (m === null) return null
  const fields = fieldsFromMatch(m)
  if (fields === null) return null
  const zone = m[8]
  const ms = zone === undefined ? localToUtc(fields, assumeZone) : utcMillis(fields) - zoneOffsetFromText(zone)
  return isoOrNull(ms)
}

/**
 * Parses a zone-less `yyyy-mm-dd hh:mm:ss` wall-clock time in an IANA zone to canonical ISO UTC, correct across
 * DST changes. Anything else gives null.
 *
 * @example
 * import { parseZonedTimestamp } from '@rcs-records/core'
 * parseZonedTimestamp('2024-07-01 12:00:00', 'Europe/Kyiv') // '2024-07-01T09:00:00.000Z'
 * parseZonedTimestamp('2024-01-15 12:00:00', 'Europe/Kyiv') // '2024-01-15T10:00:00.000Z'
 */
export const parseZonedTimestamp = (value: unknown, timeZone = 'UTC'): string | null => {
  if (typeof value !== 'string' || value.length > 32) return null
  const m = LOCAL_DATE_TIME.exec(value)
  if (m === null) return null
  const fields = fieldsFromMatch(m)
  return fields === null ? null : isoOrNull(localToUtc(fields, timeZone))
}

const MAX_DATE_MS = 8.64e15

const isoOrNull = (ms: number): string | null =>
  Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? new Date(ms).toISOString() : null

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/**
 * Formats an instant as `yyyy-mm-dd hh:mm:ss` wall-clock time in an IANA zone (what BSG's filters expect).
 *
 * @example
 * import { formatZonedTimestamp } from '@rcs-records/core'
 * formatZonedTimestamp(new Date('2024-07-01T09:00:00Z'), 'Europe/Kyiv') // '2024-07-01 12:00:00'
 */
export const formatZonedTimestamp = (instant: Date | number, timeZone = 'UTC'): string => {
  const ms = typeof instant === 'number' ? instant : instant.getTime()
  const f = timeZone === 'UTC' || timeZone === 'Etc/UTC' ? utcFields(ms) : wallClockOf(ms, timeZone)
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`
}

const utcFields = (ms: number): LocalFields => {
  const d = new Date(ms)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  }
}

/**
 * Formats an instant as ISO-8601 with an explicit offset (`+00:00` style is never needed: `Z` is an offset).
 * Seconds precision, no milliseconds — what most vendor query parameters accept.
 *
 * @example
 * import { formatIsoSeconds } from '@rcs-records/core'
 * formatIsoSeconds(new Date('2025-01-01T00:00:00.123Z')) // '2025-01-01T00:00:00Z'
 */
export const formatIsoSeconds = (instant: Date | number): string =>
  `${new Date(typeof instant === 'number' ? instant : instant.getTime()).toISOString().slice(0, 19)}Z`

/**
 * Reads a user-supplied instant (`Date`, ISO string, or epoch ms) as epoch ms; null when unusable.
 * Strings without a zone are read as UTC.
 *
 * @example
 * import { toEpochMs } from '@rcs-records/core'
 * toEpochMs('2025-01-01T00:00:00Z') // 1735689600000
 * toEpochMs('next tuesday') // null
 */
export const toEpochMs = (value: Date | string | number | undefined | null): number | null => {
  if (value === undefined || value === null) return null
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (value instanceof Date) {
    const ms = value.getTime()
    return Number.isNaN(ms) ? null : ms
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const ms = Date.parse(`${value}T00:00:00Z`)
    return Number.isNaN(ms) ? null : ms
  }
  const iso = parseIsoTimestamp(value)
  return iso === null ? null : Date.parse(iso)
}

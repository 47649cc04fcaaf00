/**
 * The general timestamp parsers — a regex, `Date` and `Intl` (no date library) — and the IANA time-zone arithmetic
 * under them: the reference the fast paths in `fast.ts` are tested against, and what decides every input those do
 * not take. Unusable input gives null, never an exception. Internal to core (the public functions are in
 * `parse.ts` and `format.ts`).
 */

const ISO_WITH_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/

export interface LocalFields {
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

export const utcMillis = (f: LocalFields): number => {
  const ms = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond)
  // Date.UTC maps years 0–99 to 1900–1999; fix them.
  return f.year < 100 ? new Date(ms).setUTCFullYear(f.year) : ms
}

/** Offset text (`Z`, `+02:00`, `+0200`, `+02`) in ms, or null when out of range (beyond ±18:00). */
const zoneOffsetFromText = (zone: string): number | null => {
  if (zone === 'Z' || zone === 'z') return 0
  const sign = zone[0] === '-' ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0
  if (hours > 18 || minutes > 59 || (hours === 18 && minutes > 0)) return null
  return sign * (hours * 60 + minutes) * 60_000
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
 * import { isValidTimeZone } from '@rcs-records/core/kit'
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

export const wallClockOf = (instant: number, timeZone: string): LocalFields => {
  const fields: LocalFields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 }
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    const type = part.type
    if (
      type === 'year' ||
      type === 'month' ||
      type === 'day' ||
      type === 'hour' ||
      type === 'minute' ||
      type === 'second'
    )
      fields[type] = Number(part.value)
  }
  fields.millisecond = ((instant % 1000) + 1000) % 1000
  return fields
}

const DAY_MS = 86_400_000

/** Offset of `timeZone` from UTC at `instant`, in ms (Kyiv in summer: +3 h). */
const offsetAt = (instant: number, timeZone: string): number => {
  const wall = wallClockOf(instant, timeZone)
  return utcMillis(wall) - instant
}

/** Cache of offsets by zone and local hour, for hours far from any transition: one `Intl` call per distinct hour. */
const offsetCache = new Map<string, number>()
const OFFSET_CACHE_LIMIT = 50_000

/**
 * The instant a wall-clock time in `timeZone` denotes. Zones change their offset at most once a day, so the offsets a
 * day before and a day after are the only candidates. One rule decides every ambiguous wall time: **the later
 * instant**. Where both offsets fit (the hour repeated when clocks go back) that is the second pass; where neither
 * fits (the hour skipped when clocks go forward) it is the wall time read with the offset from before the change,
 * i.e. pushed forward by the gap — Temporal's `disambiguation: 'later'`. So a zone-less timestamp is never read as
 * earlier than the moment it was written, and a sync that resumes from a checkpoint never passes a record written
 * after it.
 */
const localToUtc = (fields: LocalFields, timeZone: string): number => {
  const asIfUtc = utcMillis(fields)
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return asIfUtc
  const key = `${timeZone}|${fields.year}-${fields.month}-${fields.day}T${fields.hour}`
  const cached = offsetCache.get(key)
  if (cached !== undefined) return asIfUtc - cached
  const before = offsetAt(asIfUtc - DAY_MS, timeZone)
  const after = offsetAt(asIfUtc + DAY_MS, timeZone)
  if (before === after && offsetAt(asIfUtc - before, timeZone) === before) {
    if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear()
    offsetCache.set(key, before)
    return asIfUtc - before
  }
  const withBefore = asIfUtc - before
  const withAfter = asIfUtc - after
  const beforeFits = offsetAt(withBefore, timeZone) === before
  const afterFits = offsetAt(withAfter, timeZone) === after
  if (beforeFits && afterFits) return Math.max(withBefore, withAfter)
  if (afterFits) return withAfter
  return withBefore
}

/**
 * {@link parseIsoTimestamp} without its fast paths (a regex and `Date`): the reference the fast paths are tested
 * against.
 */
export const parseIsoTimestampGeneral = (value: unknown, assumeZone = 'UTC'): string | null => {
  if (typeof value !== 'string' || value.length > 40) return null
  const m = ISO_WITH_ZONE.exec(value)
  if (m === null) return null
  const fields = fieldsFromMatch(m)
  if (fields === null) return null
  const zone = m[8]
  if (zone === undefined) return isoOrNull(localToUtc(fields, assumeZone))
  const offset = zoneOffsetFromText(zone)
  return offset === null ? null : isoOrNull(utcMillis(fields) - offset)
}

/**
 * A zone-less `yyyy-mm-dd hh:mm[:ss[.f…]]` wall-clock time in an IANA zone (a regex and `Intl`), what the zoned fast
 * path resolves its hours with and is tested against.
 */
export const parseZonedTimestampGeneral = (value: unknown, timeZone = 'UTC'): string | null => {
  if (typeof value !== 'string' || value.length > 32) return null
  const m = LOCAL_DATE_TIME.exec(value)
  if (m === null) return null
  const fields = fieldsFromMatch(m)
  return fields === null ? null : isoOrNull(localToUtc(fields, timeZone))
}

/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the instants the canonical 4-digit-year form can write. */
const MIN_CANONICAL_MS = -62_167_219_200_000
const MAX_CANONICAL_MS = 253_402_300_799_999

const isoOrNull = (ms: number): string | null =>
  Number.isFinite(ms) && ms >= MIN_CANONICAL_MS && ms <= MAX_CANONICAL_MS ? new Date(ms).toISOString() : null

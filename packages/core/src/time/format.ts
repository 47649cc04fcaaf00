/** Instants written as vendor query parameters want them: wall-clock text in an IANA zone, or ISO seconds. */

import { type LocalFields, wallClockOf } from './general.js'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/**
 * Formats an instant as `yyyy-mm-dd hh:mm:ss` wall-clock time in an IANA zone (what BSG's filters expect).
 * Throws a `RangeError` for an invalid date or a time zone the runtime does not know.
 *
 * @example
 * import { formatZonedTimestamp } from '@rcs-records/core/kit'
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
 * import { formatIsoSeconds } from '@rcs-records/core/kit'
 * formatIsoSeconds(new Date('2025-01-01T00:00:00.123Z')) // '2025-01-01T00:00:00Z'
 */
export const formatIsoSeconds = (instant: Date | number): string =>
  `${new Date(typeof instant === 'number' ? instant : instant.getTime()).toISOString().slice(0, 19)}Z`

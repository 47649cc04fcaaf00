/**
 * The public timestamp readers: each tries its fast path (`fast.ts`) first and falls back to the general parser
 * (`general.ts`), so its result is always the general one.
 */

import { fastIsoWithZone, zonedFastPathFor } from './fast.js'
import { parseIsoTimestampGeneral } from './general.js'

/**
 * Parses an ISO-8601 timestamp (with `Z` or an offset) to canonical ISO UTC with milliseconds. A timestamp without
 * a zone is read as wall-clock time in the IANA zone `assumeZone` (default UTC), correct across DST changes: an
 * ambiguous wall time is read as its **later** instant (Temporal's `disambiguation: 'later'`) — a time in the hour
 * repeated when clocks go back is its second occurrence, and a time in the hour skipped when clocks go forward is
 * pushed forward by the gap — so the reading is never earlier than the moment the time was written, consecutive
 * ranges of parsed instants partition records, and an incremental sync never misses one written after its
 * checkpoint. The shapes vendors send (`…T12:42:18+02:00`, `…Z`, zone-less `yyyy-mm-dd hh:mm:ss`) take a fast path
 * giving exactly the same results. Offsets may be written `+02:00`, `+0200` or `+02`; fractions beyond milliseconds
 * are truncated. Anything else (including impossible dates such as `2021-02-30`) gives null. A zone-less timestamp
 * in a time zone the runtime does not know throws a `RangeError` (check config with `isValidTimeZone`).
 *
 * @example
 * import { parseIsoTimestamp } from '@rcs-records/core/kit'
 * parseIsoTimestamp('2025-10-16T12:42:18+02:00') // '2025-10-16T10:42:18.000Z'
 * parseIsoTimestamp('2024-07-01 12:00:00', 'Europe/Kyiv') // '2024-07-01T09:00:00.000Z'
 * parseIsoTimestamp('yesterday') // null
 */
export const parseIsoTimestamp = (value: unknown, assumeZone = 'UTC'): string | null => {
  if (typeof value !== 'string') return null
  const fast = value.length === 19 ? zonedFastPathFor(assumeZone)(value) : fastIsoWithZone(value)
  return fast === undefined ? parseIsoTimestampGeneral(value, assumeZone) : fast
}

/**
 * Reads a user-supplied instant (`Date`, ISO string, or epoch ms) as epoch ms; null when unusable.
 * Strings without a zone are read as UTC.
 *
 * @example
 * import { toEpochMs } from '@rcs-records/core/kit'
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
  if (typeof value !== 'string') return null
  const iso = parseIsoTimestamp(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  return iso === null ? null : Date.parse(iso)
}

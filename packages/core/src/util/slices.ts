/**
 * A half-open time window `[from, to)` in epoch ms.
 *
 * @example
 * import type { TimeSlice } from '@rcs-records/core/kit'
 * const day: TimeSlice = { from: 0, to: 86_400_000 }
 */
export interface TimeSlice {
  from: number
  to: number
}

/**
 * How long each slice may be: a fixed length in ms, or calendar months (BSG's "3 months" rule).
 *
 * @example
 * import type { SliceLength } from '@rcs-records/core/kit'
 * const day: SliceLength = { ms: 86_400_000 }
 * const quarter: SliceLength = { months: 3 }
 */
export type SliceLength = { ms: number } | { months: number }

/**
 * Moves an instant by calendar months in UTC, clamping the day to the target month's last (31 May − 3 months is
 * 29 February in a leap year); the time of day is kept.
 *
 * @example
 * import { addMonthsUtc } from '@rcs-records/core/kit'
 * new Date(addMonthsUtc(Date.parse('2024-05-31T10:00:00Z'), -3)).toISOString() // '2024-02-29T10:00:00.000Z'
 */
export const addMonthsUtc = (ms: number, months: number): number => {
  const d = new Date(ms)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, lastDay))
  return d.getTime()
}

/**
 * Splits `[from, to)` into consecutive slices no longer than `length`, with `to` clamped to `now` (vendors refuse
 * future dates). Slices are in time order, cover the range exactly, and an empty or inverted range gives none.
 * Month boundaries are counted from `from` (Jan 31 + 1 month is Feb 29 or 28, + 2 months is Mar 31), so the end of
 * a month is never lost to drift.
 *
 * @example
 * import { splitTimeRange } from '@rcs-records/core/kit'
 * splitTimeRange(Date.parse('2025-01-01Z'), Date.parse('2025-01-03Z'), { ms: 86_400_000 }).length // 2
 */
export const splitTimeRange = (from: number, to: number, length: SliceLength, now?: number): TimeSlice[] => {
  const end = now === undefined ? to : Math.min(to, now)
  if ('ms' in length && !(length.ms > 0)) throw new RangeError('slice length must be positive')
  if ('months' in length && !(length.months > 0 && Number.isInteger(length.months))) {
    throw new RangeError('slice length in months must be a positive integer')
  }
  const slices: TimeSlice[] = []
  let start = from
  for (let index = 1; start < end; index++) {
    const next = 'ms' in length ? start + length.ms : addMonthsUtc(from, index * length.months)
    if (!(next > start)) throw new RangeError('slice length too small to advance past the start of a slice')
    const sliceEnd = Math.min(next, end)
    slices.push({ from: start, to: sliceEnd })
    start = sliceEnd
  }
  return slices
}

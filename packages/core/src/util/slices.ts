/**
 * A half-open time window `[from, to)` in epoch ms.
 *
 * @example
 * import type { TimeSlice } from '@rcs-records/core'
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
 * import type { SliceLength } from '@rcs-records/core'
 * const day: SliceLength = { ms: 86_400_000 }
 * const quarter: SliceLength = { months: 3 }
 */
export type SliceLength = { ms: number } | { months: number }

const addMonthsUtc = (ms: number, months: number): number => {
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
 * future dates). Slices are in time order; an empty or inverted range gives none.
 *
 * @example
 * import { splitTimeRange } from '@rcs-records/core'
 * splitTimeRange(Date.parse('2025-01-01Z'), Date.parse('2025-01-03Z'), { ms: 86_400_000 }).length // 2
 */
export const splitTimeRange = (from: number, to: number, length: SliceLength, now?: number): TimeSlice[] => {
  const end = now === undefined ? to : Math.min(to, now)
  if ('ms' in length && !(length.ms > 0)) throw new RangeError('slice length must be positive')
  if ('months' in length && !(length.months > 0)) throw new RangeError('slice length must be positive')
  const slices: TimeSlice[] = []
  let start = from
  while (start < end) {
    const next = 'ms' in length ? start + length.ms : addMonthsUtc(start, length.months)
    const sliceEnd = Math.min(next, end)
    slices.push({ from: start, to: sliceEnd })
    start = sliceEnd
  }
  return slices
}

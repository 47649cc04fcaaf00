import { unitAt } from '../prng.js'

/**
 * When each generated record was created. `createdAt(i)` is non-decreasing in `i` over a window that ends at the
 * simulator's start, so a time window maps to an index range by binary search over a pure function: nothing is
 * stored, whatever the record count.
 */
export interface Timeline {
  /** Number of generated records. */
  readonly count: number
  /** First instant of the window (inclusive). */
  readonly start: number
  /** End of the window (exclusive). */
  readonly end: number
  /** Creation instant of record `index` (0 ≤ index < count). */
  createdAt(index: number): number
  /** The smallest index whose createdAt ≥ `instant` (`count` when none). */
  firstAtOrAfter(instant: number): number
  /** Index range `[lo, hi)` of records created in `[from, to)`. */
  rangeOf(from: number, to: number): readonly [number, number]
}

/**
 * Options of {@link createTimeline}.
 */
export interface TimelineOptions {
  /** A vendor seed (jitter source). */
  seed: number
  count: number
  /** End of the window (exclusive): the simulator's start. */
  end: number
  /** Window length in ms. */
  span: number
  /** Timestamps are floored to this (1000 for vendors that show whole seconds), kept inside `[end - span, end)`. */
  precisionMs: number
}

/**
 * Creates the creation-time mapping of one vendor's generated records.
 */
export const createTimeline = (options: TimelineOptions): Timeline => {
  const { seed, count, end, span, precisionMs } = options
  const start = end - span
  const step = count === 0 ? 0 : span / count
  // The first and last whole units inside [start, end): a timestamp floored to the unit may not fall before the
  // window's start (which is rarely a whole second), or the window's count would hold a record no listing of the
  // window returns.
  const first = Math.ceil(start / precisionMs) * precisionMs
  const last = Math.floor((end - 1) / precisionMs) * precisionMs
  const createdAt = (index: number): number => {
    // Jitter within the record's own slot keeps the sequence non-decreasing.
    const raw = start + (index + unitAt(seed, index) * 0.999) * step
    return Math.min(last, Math.max(first, Math.floor(raw / precisionMs) * precisionMs))
  }
  const firstAtOrAfter = (instant: number): number => {
    if (instant <= start || count === 0) return 0
    if (instant >= end) return count
    // A first guess from the slot arithmetic narrows the binary search to a few steps.
    let lo = Math.max(0, Math.floor((instant - start) / step) - 2)
    let hi = Math.min(count, Math.ceil((instant - start) / step) + 2)
    for (let widen = 64; lo > 0 && createdAt(lo - 1) >= instant; widen *= 2) lo = Math.max(0, lo - widen)
    for (let widen = 64; hi < count && createdAt(hi) < instant; widen *= 2) hi = Math.min(count, hi + widen)
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (createdAt(mid) < instant) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  return {
    count,
    start,
    end,
    createdAt,
    firstAtOrAfter,
    rangeOf: (from, to) => {
      const lo = firstAtOrAfter(from)
      return [lo, Math.max(lo, firstAtOrAfter(to))]
    },
  }
}

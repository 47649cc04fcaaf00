import { formatCount } from '../report/numbers.js'

/**
 * What a long list has done so far.
 *
 * @example
 * import type { ProgressState } from '@rcs-records/cli'
 * const state: ProgressState = { label: 'bsg', count: 1200, startedMs: 0, nowMs: 4000, fromMs: 0, toMs: 100, latestMs: 25 }
 */
export interface ProgressState {
  label: string
  count: number
  startedMs: number
  nowMs: number
  /** The window being listed. */
  fromMs: number
  toMs: number
  /** The latest record time seen (created, sent or updated), or null. */
  latestMs: number | null
  /** The earliest record time seen; with `descending`, the position is measured from it. */
  earliestMs?: number | null
  /**
   * True when the vendor lists newest first (partner-gateway's history does): the list has then covered the window
   * from its end back to the earliest record seen.
   */
  descending?: boolean
}

/**
 * How far through the window the list is, from the record times seen (vendors list roughly in time order): from the
 * window's start to the latest time seen, or — when the vendor lists newest first (`descending`) — from the
 * window's end back to the earliest. Null when that says nothing yet.
 *
 * @example
 * import { windowFraction } from '@rcs-records/cli'
 * windowFraction({ fromMs: 0, toMs: 100, latestMs: 25 }) // 0.25
 * windowFraction({ fromMs: 0, toMs: 100, latestMs: 99, earliestMs: 75, descending: true }) // 0.25
 */
export const windowFraction = (
  state: Pick<ProgressState, 'fromMs' | 'toMs' | 'latestMs' | 'earliestMs' | 'descending'>,
): number | null => {
  if (state.toMs <= state.fromMs) return null
  const covered =
    state.descending === true
      ? state.earliestMs === null || state.earliestMs === undefined
        ? null
        : state.toMs - state.earliestMs
      : state.latestMs === null
        ? null
        : state.latestMs - state.fromMs
  if (covered === null) return null
  return Math.min(1, Math.max(0, covered / (state.toMs - state.fromMs)))
}

/**
 * Whether a listing runs newest first, judged from the times seen so far: the first record's time is nearer the
 * latest than the earliest seen since.
 *
 * @example
 * import { listsNewestFirst } from '@rcs-records/cli'
 * listsNewestFirst({ firstMs: 90, earliestMs: 40, latestMs: 92 }) // true
 */
export const listsNewestFirst = (times: { firstMs: number; earliestMs: number; latestMs: number }): boolean =>
  times.firstMs - times.earliestMs > times.latestMs - times.firstMs

/**
 * A duration as `m:ss` or `h:mm:ss`.
 *
 * @example
 * import { formatClock } from '@rcs-records/cli'
 * formatClock(75_000) // '1:15'
 */
export const formatClock = (ms: number): string => {
  const seconds = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = String(seconds % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/**
 * How long something took, for people: `0.4 s`, `12.3 s`, then `1:05` or `1:02:05`.
 *
 * @example
 * import { formatElapsed } from '@rcs-records/cli'
 * formatElapsed(12_345) // '12.3 s'
 * formatElapsed(65_000) // '1:05'
 */
export const formatElapsed = (ms: number): string =>
  ms < 59_950 ? `${(Math.max(0, ms) / 1000).toFixed(1)} s` : formatClock(ms)

/**
 * A pause, for people: `250 ms`, `2 s`, `1.5 s`, `12 s`.
 *
 * @example
 * import { formatDelay } from '@rcs-records/cli'
 * formatDelay(2_000) // '2 s'
 * formatDelay(1_520) // '1.5 s'
 */
export const formatDelay = (ms: number): string => {
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))} ms`
  const seconds = ms < 10_000 ? Math.round(ms / 100) / 10 : Math.round(ms / 1000)
  return `${seconds} s`
}

/**
 * The progress line: records so far, rate, and — once the records have moved at least 2% into the window — how far
 * through the window the list is and an ETA extrapolated from that.
 *
 * @example
 * import { describeProgress } from '@rcs-records/cli'
 * describeProgress({ label: 'bsg', count: 1200, startedMs: 0, nowMs: 4000, fromMs: 0, toMs: 100, latestMs: 25 })
 * // 'bsg: 1,200 records · 300/s · 25% of window · ETA 0:12'
 */
export const describeProgress = (state: ProgressState): string => {
  const elapsed = state.nowMs - state.startedMs
  const parts = [`${state.label}: ${formatCount(state.count)} record${state.count === 1 ? '' : 's'}`]
  if (elapsed >= 500) parts.push(`${formatCount(Math.round((state.count * 1000) / elapsed))}/s`)
  const fraction = windowFraction(state)
  if (fraction !== null && fraction >= 0.02) {
    parts.push(`${Math.floor(fraction * 100)}% of window`)
    if (fraction < 1 && elapsed >= 500) parts.push(`ETA ${formatClock((elapsed * (1 - fraction)) / fraction)}`)
  }
  return parts.join(' · ')
}

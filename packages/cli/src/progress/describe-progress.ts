import { formatCount } from '../report/numbers.js'

/**
 * What a long list has done so far.
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
 */
export const listsNewestFirst = (times: { firstMs: number; earliestMs: number; latestMs: number }): boolean =>
  times.firstMs - times.earliestMs > times.latestMs - times.firstMs

/**
 * A duration as `m:ss` or `h:mm:ss`.
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
 */
export const formatElapsed = (ms: number): string =>
  ms < 59_950 ? `${(Math.max(0, ms) / 1000).toFixed(1)} s` : formatClock(ms)

/**
 * A pause, for people: `250 ms`, `2 s`, `1.5 s`, `12 s`.
 */
export const formatDelay = (ms: number): string => {
  if (ms < 1_000) return `${Math.max(0, Math.round(ms))} ms`
  const seconds = ms < 10_000 ? Math.round(ms / 100) / 10 : Math.round(ms / 1000)
  return `${seconds} s`
}

/**
 * The progress line: records so far, rate, and — once the records have moved at least 2% into the window — how far
 * through the window the list is and an ETA extrapolated from that.
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

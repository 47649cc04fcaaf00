import type { RcsRecord } from '@rcs-records/core'
import type { HttpActivity } from '../runtime/http-activity.js'
import { describeProgress, formatElapsed, listsNewestFirst } from './describe-progress.js'

/**
 * Draws one status line on stderr: the progress of a long list (records, rate, position in the window, ETA), and a
 * waiting indicator (a spinner, how long, the retry in progress) while a vendor has not answered for a second.
 * Redrawn at most every 100 ms, and erased when done.
 */
export interface ProgressReporter {
  /** Starts counting a new list (label, window). */
  start(label: string, from: string, to: string): void
  tick(record: RcsRecord): void
  /** Erases the line; the list is over. */
  stop(): void
  /** Erases the line for now (something else is about to be written to the same terminal); it comes back. */
  clear(): void
  /** Stops the waiting indicator's timer and erases the line. */
  dispose(): void
}

const REDRAW_MS = 100
/** A vendor silent for this long gets the waiting indicator. */
const WAIT_SHOWN_AFTER_MS = 1_000
/**
 * The spinner's frames (braille dots, as most CLIs draw them). Hand-written rather than a spinner package: the
 * spinner is one cell of a status line this reporter already owns (progress, ETA, retries); spinner libraries
 * (ora, nanospinner, yocto-spinner) each want to own and redraw the line themselves.
 */
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const

const recordTime = (record: RcsRecord): number | null => {
  const iso = record.createdAt ?? record.sentAt ?? record.updatedAt
  if (iso === null) return null
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? null : ms
}

const NOOP: ProgressReporter = { start() {}, tick() {}, stop() {}, clear() {}, dispose() {} }

/**
 * A progress reporter; a no-op unless `enabled` (the CLI enables it only when stderr is a terminal and
 * `--no-progress` was not given). With `activity`, it also shows when the vendor keeps the command waiting.
 */
export const createProgressReporter = (
  stream: { write(text: string): unknown },
  options: { enabled: boolean; now?: () => number; activity?: HttpActivity },
): ProgressReporter => {
  const now = options.now ?? Date.now
  if (!options.enabled) return NOOP
  const { activity } = options
  let listing = false
  let label = ''
  let count = 0
  let startedMs = now()
  let fromMs = 0
  let toMs = 0
  let firstMs: number | null = null
  let latestMs: number | null = null
  let earliestMs: number | null = null
  let drawnAt = 0
  let drawn = false
  let frame = 0

  const waitingText = (nowMs: number): string | null => {
    const since = activity?.waitingSince ?? null
    if (since === null || nowMs - since < WAIT_SHOWN_AFTER_MS) return null
    frame = (frame + 1) % FRAMES.length
    const retry = activity?.retrying ?? null
    return `${FRAMES[frame]} waiting for the vendor ${formatElapsed(nowMs - since)}${retry === null ? '' : ` · ${retry}`}`
  }

  const draw = () => {
    const nowMs = now()
    const waiting = waitingText(nowMs)
    const descending =
      firstMs !== null &&
      earliestMs !== null &&
      latestMs !== null &&
      listsNewestFirst({ firstMs, earliestMs, latestMs })
    const parts = listing
      ? [describeProgress({ label, count, startedMs, nowMs, fromMs, toMs, latestMs, earliestMs, descending })]
      : []
    if (waiting !== null) parts.push(waiting)
    if (parts.length === 0) {
      erase()
      return
    }
    drawnAt = nowMs
    drawn = true
    stream.write(`\r\u001b[K${parts.join(' · ')}`)
  }

  const erase = () => {
    if (drawn) stream.write('\r\u001b[K')
    drawn = false
  }

  const timer =
    activity === undefined
      ? undefined
      : setInterval(() => {
          if (listing || (activity.waitingSince ?? null) !== null || drawn) draw()
        }, REDRAW_MS)
  timer?.unref?.()

  return {
    start(nextLabel, from, to) {
      listing = true
      label = nextLabel
      count = 0
      startedMs = now()
      fromMs = Date.parse(from)
      toMs = Date.parse(to)
      firstMs = null
      latestMs = null
      earliestMs = null
      draw()
    },
    tick(record) {
      count += 1
      const time = recordTime(record)
      if (time !== null) {
        firstMs ??= time
        if (latestMs === null || time > latestMs) latestMs = time
        if (earliestMs === null || time < earliestMs) earliestMs = time
      }
      if (now() - drawnAt >= REDRAW_MS) draw()
    },
    stop() {
      listing = false
      erase()
    },
    clear: erase,
    dispose() {
      if (timer !== undefined) clearInterval(timer)
      listing = false
      erase()
    },
  }
}

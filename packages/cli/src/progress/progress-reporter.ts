import type { RcsRecord } from '@rcs-records/core'
import { describeProgress } from './describe-progress.js'

/**
 * Draws one progress line on stderr, redrawn at most every 100 ms, and erased when done.
 *
 * @example
 * import { createProgressReporter } from '@rcs-records/cli'
 * const progress = createProgressReporter(process.stderr, { enabled: process.stderr.isTTY === true })
 * progress.start('bsg', from, to)
 * for await (const record of records) progress.tick(record)
 * progress.stop()
 */
export interface ProgressReporter {
  /** Starts counting a new list (label, window). */
  start(label: string, from: string, to: string): void
  tick(record: RcsRecord): void
  /** Erases the line. */
  stop(): void
}

const REDRAW_MS = 100

const recordTime = (record: RcsRecord): number | null => {
  const iso = record.createdAt ?? record.sentAt ?? record.updatedAt
  if (iso === null) return null
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? null : ms
}

/**
 * A progress reporter; a no-op unless `enabled` (the CLI enables it only when stderr is a terminal and
 * `--no-progress` was not given).
 *
 * @example
 * import { createProgressReporter } from '@rcs-records/cli'
 * const progress = createProgressReporter(process.stderr, { enabled: false })
 */
export const createProgressReporter = (
  stream: { write(text: string): unknown },
  options: { enabled: boolean; now?: () => number },
): ProgressReporter => {
  const now = options.now ?? Date.now
  if (!options.enabled) return { start() {}, tick() {}, stop() {} }
  let label = ''
  let count = 0
  let startedMs = now()
  let fromMs = 0
  let toMs = 0
  let latestMs: number | null = null
  let drawnAt = 0
  let drawn = false
  const draw = () => {
    const nowMs = now()
    drawnAt = nowMs
    drawn = true
    stream.write(`\r\u001b[K${describeProgress({ label, count, startedMs, nowMs, fromMs, toMs, latestMs })}`)
  }
  return {
    start(nextLabel, from, to) {
      label = nextLabel
      count = 0
      startedMs = now()
      fromMs = Date.parse(from)
      toMs = Date.parse(to)
      latestMs = null
      draw()
    },
    tick(record) {
      count += 1
      const time = recordTime(record)
      if (time !== null && (latestMs === null || time > latestMs)) latestMs = time
      if (now() - drawnAt >= REDRAW_MS) draw()
    },
    stop() {
      if (drawn) stream.write('\r\u001b[K')
      drawn = false
    },
  }
}

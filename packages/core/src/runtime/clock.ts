/**
 * Time as the library sees it: injectable so tests (and the simulator) can move it.
 *
 * @example
 * import type { Clock } from '@rcs-records/core'
 * const fixed: Clock = { now: () => Date.parse('2026-01-01T00:00:00Z'), sleep: () => Promise.resolve() }
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/**
 * The real clock.
 *
 * @example
 * import { systemClock } from '@rcs-records/core'
 * await systemClock.sleep(100)
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason)
        return
      }
      const onAbort = () => {
        clearTimeout(timer)
        reject(signal?.reason)
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal?.addEventListener('abort', onAbort, { once: true })
    }),
}

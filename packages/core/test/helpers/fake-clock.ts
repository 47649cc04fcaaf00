import type { Clock } from '../../src/index.js'

/** A clock whose `sleep` records the delay and advances time at once, so tests never wait. */
export interface FakeClock extends Clock {
  /** Every delay `sleep` was asked for, in order. */
  readonly sleeps: number[]
  advance(ms: number): void
}

export const fakeClock = (start = Date.parse('2026-01-01T00:00:00.000Z')): FakeClock => {
  let now = start
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => now,
    advance: (ms) => {
      now += ms
    },
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason
      sleeps.push(ms)
      now += ms
      await Promise.resolve()
      if (signal?.aborted) throw signal.reason
    },
  }
}

/**
 * The simulator's clock. It runs with real time from a starting instant, plus whatever a test advanced it by, so a
 * client on the system clock and a simulator started without `now` agree on "now". Record statuses are a pure
 * function of this clock.
 */

/**
 * Compatible with core's `Clock` (`now`, `sleep`), plus controls for tests.
 *
 * @example
 * import { startSimulator } from '@rcs-records/simulator'
 * const sim = await startSimulator({ now: Date.parse('2026-01-01T00:00:00Z'), frozen: true })
 * sim.clock.advance(60_000) // one minute later, for every record status
 * sim.clock.now() // Date.parse('2026-01-01T00:01:00Z')
 * await sim.close()
 */
export interface SimulatorClock {
  /** Milliseconds since the epoch, as the simulator sees it. */
  now(): number
  /** Resolves once the clock has moved `ms` forward (by real time or `advance`); rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  /** Moves the clock forward by `ms` (not negative); sleepers whose time has come wake up. */
  advance(ms: number): void
  /** Stops real time from moving the clock: from now on only `advance` does. */
  freeze(): void
  /** Lets real time move the clock again, from where it stands. */
  resume(): void
  /** True while frozen. */
  readonly frozen: boolean
  /** Rejects pending sleeps (used by `close()`). */
  dispose(): void
}

/**
 * Options of {@link createSimulatorClock}.
 */
export interface SimulatorClockOptions {
  /** The instant the clock starts at (default: `Date.now()`). */
  now?: number
  /** Start frozen: only `advance` moves time. Default false. */
  frozen?: boolean
  /** The real time source (injectable for tests). Default `Date.now`. */
  realNow?: () => number
}

interface Sleeper {
  until: number
  resolve: () => void
  reject: (reason: unknown) => void
  timer: ReturnType<typeof setTimeout> | undefined
  cleanup: () => void
}

/**
 * Creates a simulator clock.
 */
export const createSimulatorClock = (options: SimulatorClockOptions = {}): SimulatorClock => {
  const realNow = options.realNow ?? Date.now
  let anchorReal = realNow()
  let anchorSim = options.now ?? anchorReal
  let frozen = options.frozen ?? false
  const sleepers = new Set<Sleeper>()

  const now = (): number => (frozen ? anchorSim : anchorSim + (realNow() - anchorReal))

  const schedule = (sleeper: Sleeper): void => {
    if (sleeper.timer !== undefined) clearTimeout(sleeper.timer)
    sleeper.timer = undefined
    const remaining = sleeper.until - now()
    if (remaining <= 0) {
      wake(sleeper)
      return
    }
    if (!frozen) sleeper.timer = setTimeout(() => schedule(sleeper), Math.min(remaining, 2_147_483_647))
  }

  const wake = (sleeper: Sleeper): void => {
    sleepers.delete(sleeper)
    sleeper.cleanup()
    sleeper.resolve()
  }

  const rescheduleAll = (): void => {
    for (const sleeper of [...sleepers]) schedule(sleeper)
  }

  return {
    now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason)
          return
        }
        const onAbort = (): void => {
          if (sleeper.timer !== undefined) clearTimeout(sleeper.timer)
          sleepers.delete(sleeper)
          reject(signal?.reason)
        }
        const sleeper: Sleeper = {
          until: now() + Math.max(0, ms),
          resolve,
          reject,
          timer: undefined,
          cleanup: () => signal?.removeEventListener('abort', onAbort),
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        sleepers.add(sleeper)
        schedule(sleeper)
      }),
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock.advance needs a finite ms >= 0, got ${ms}`)
      anchorSim += ms
      rescheduleAll()
    },
    freeze: () => {
      if (frozen) return
      anchorSim = now()
      frozen = true
      rescheduleAll()
    },
    resume: () => {
      if (!frozen) return
      anchorReal = realNow()
      frozen = false
      rescheduleAll()
    },
    get frozen() {
      return frozen
    },
    dispose: () => {
      for (const sleeper of [...sleepers]) {
        if (sleeper.timer !== undefined) clearTimeout(sleeper.timer)
        sleepers.delete(sleeper)
        sleeper.cleanup()
        sleeper.reject(new Error('simulator closed'))
      }
    },
  }
}

/**
 * One unit of work of {@link fetchAhead}: a page or slice request, given the signal that aborts it when the listing
 * no longer needs it.
 *
 * @example
 * import type { AheadTask } from '@rcs-records/core/kit'
 * declare const fetchPage: (page: number, signal: AbortSignal) => Promise<unknown[]>
 * const task: AheadTask<unknown[]> = async (signal) => fetchPage(3, signal)
 */
export type AheadTask<R> = (signal: AbortSignal) => Promise<R>

/**
 * Options of {@link fetchAhead}.
 *
 * @example
 * import type { FetchAheadOptions } from '@rcs-records/core/kit'
 * const options: FetchAheadOptions = { ahead: 4 }
 */
export interface FetchAheadOptions {
  /**
   * Tasks started and not yet consumed, at most — the result being consumed included, so also the requests in flight
   * at most (at least 1; 1 is one after the other).
   */
  ahead: number
  /**
   * Starts a task as soon as one finishes, not only once a result is consumed: `ahead` tasks then stay in flight
   * while the consumer works through a result. A task starts only while fewer than `ahead` finished results wait
   * (in order) for the consumer, so fewer than twice `ahead` are held, the one consumed aside. Default false: `ahead`
   * counts the tasks running, the results waiting and the one consumed.
   */
  slide?: boolean
  /** Aborts every task still running (and so the listing). */
  signal?: AbortSignal
}

type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown }

const settle = <R>(task: AheadTask<R>, signal: AbortSignal): Promise<Settled<R>> =>
  new Promise<R>((resolve) => resolve(task(signal))).then(
    (value): Settled<R> => ({ ok: true, value }),
    (error: unknown): Settled<R> => ({ ok: false, error }),
  )

/**
 * Runs the tasks `next()` hands out with at most `ahead` of them started and not yet consumed, and yields their
 * results strictly in the order they were started (a fast later page waits for the slower earlier one). `next` is
 * asked for more whenever there is room — at the start and after each result is consumed — and returns `undefined`
 * when it has nothing to start *now*; it may have more later, once the results consumed (or the tasks finished)
 * have told it more (a listing's `total` grew, a slice was dense). When nothing is running and `next` has nothing,
 * the walk ends. The first failure is thrown in order; when the consumer stops early, fails, or `signal` aborts, the
 * signal handed to the tasks still running is aborted, so their work is dropped. Memory is bounded by `ahead`
 * results, the one being consumed included.
 *
 * @example
 * import { type AheadTask, fetchAhead } from '@rcs-records/core/kit'
 * declare const fetchPage: (page: number, signal: AbortSignal) => Promise<unknown[]>
 * declare const use: (items: unknown[]) => void
 * let page = 0
 * const taskFor = (n: number): AheadTask<unknown[]> => (signal) => fetchPage(n, signal)
 * const next = () => (page < 10 ? taskFor(page++) : undefined)
 * for await (const items of fetchAhead(next, { ahead: 4 })) use(items)
 */
export async function* fetchAhead<R>(
  next: () => AheadTask<R> | undefined,
  options: FetchAheadOptions,
): AsyncGenerator<R> {
  const ahead = Math.max(1, Math.floor(options.ahead))
  const controller = new AbortController()
  const outer = options.signal
  const onAbort = () => controller.abort(outer?.reason)
  if (outer?.aborted) onAbort()
  else outer?.addEventListener('abort', onAbort, { once: true })
  const pending: Promise<Settled<R>>[] = []
  const refill = (room: number) => {
    while (pending.length < room) {
      const task = next()
      if (task === undefined) return
      pending.push(settle(task, controller.signal))
    }
  }
  try {
    if (options.slide === true) {
      yield* sliding(next, ahead, pending, controller.signal)
      return
    }
    refill(ahead)
    for (let head = pending.shift(); head !== undefined; head = pending.shift()) {
      const result = await head
      if (!result.ok) throw result.error
      // The result handed over counts until the consumer is done with it: `ahead: 1` is one after the other.
      refill(ahead - 1)
      yield result.value
      // The consumer has read it: what it learnt may let `next` start more.
      refill(ahead)
    }
  } finally {
    outer?.removeEventListener('abort', onAbort)
    controller.abort()
  }
}

/**
 * {@link fetchAhead} with `slide`: a task starts while fewer than `ahead` run and fewer than `ahead` finished results
 * wait — asked whenever a task settles (from its settlement, before the consumer hears of it) as well as when a
 * result is handed over and when it has been consumed. No task starts after a failure, nor once the walk is over.
 */
async function* sliding<R>(
  next: () => AheadTask<R> | undefined,
  ahead: number,
  pending: Promise<Settled<R>>[],
  signal: AbortSignal,
): AsyncGenerator<R> {
  let running = 0
  let stopped = false
  const refill = () => {
    while (!stopped && running < ahead && pending.length - running < ahead) {
      const task = next()
      if (task === undefined) return
      running++
      const settled = settle(task, signal)
      // Registered before anyone awaits it, so it runs first: the next task starts before the result is handed over.
      void settled.then((result) => {
        running--
        if (!result.ok) stopped = true
        try {
          refill()
        } catch (error) {
          // `next` failed outside the consumer's call: the failure comes to it in order, after the tasks started.
          stopped = true
          pending.push(Promise.resolve({ ok: false, error }))
        }
      })
      pending.push(settled)
    }
  }
  try {
    refill()
    for (let head = pending.shift(); head !== undefined; head = pending.shift()) {
      const result = await head
      if (!result.ok) throw result.error
      refill()
      yield result.value
      refill()
    }
  } finally {
    stopped = true
  }
}

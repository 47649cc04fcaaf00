type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown }

const settle = <R>(start: () => Promise<R>): Promise<Settled<R>> =>
  new Promise<R>((resolve) => resolve(start())).then(
    (value): Settled<R> => ({ ok: true, value }),
    (error: unknown): Settled<R> => ({ ok: false, error }),
  )

/**
 * Options of {@link inOrderAhead}.
 *
 * @example
 * import type { AheadOptions } from './ordered.js'
 * const options: AheadOptions = { ahead: 3 }
 */
export interface AheadOptions {
  /** Tasks started but not yet consumed, at most (≥ 1). */
  ahead: number
  /** Aborts every task still running. */
  signal?: AbortSignal
}

/**
 * Runs `run` over `items` with at most `ahead` tasks started but not yet consumed, and yields the results strictly
 * in the order of `items` (a fast later task waits for the slower earlier one). The first failure is thrown in order;
 * when the consumer stops early, fails, or `signal` aborts, the signal handed to the tasks still running is aborted
 * so their work is dropped. Memory is bounded by `ahead` results.
 *
 * @example
 * import { inOrderAhead } from './ordered.js'
 * for await (const day of inOrderAhead(days, (day, signal) => fetchDay(day, signal), { ahead: 3 })) use(day)
 */
export async function* inOrderAhead<T, R>(
  items: readonly T[],
  run: (item: T, signal: AbortSignal) => Promise<R>,
  options: AheadOptions,
): AsyncGenerator<R> {
  const ahead = Math.max(1, Math.floor(options.ahead))
  const controller = new AbortController()
  const outer = options.signal
  const onAbort = () => controller.abort(outer?.reason)
  if (outer?.aborted) onAbort()
  else outer?.addEventListener('abort', onAbort, { once: true })
  const pending: Promise<Settled<R>>[] = []
  let next = 0
  const refill = () => {
    while (next < items.length && pending.length < ahead) {
      const item = items[next++] as T
      pending.push(settle(() => run(item, controller.signal)))
    }
  }
  try {
    refill()
    for (let head = pending.shift(); head !== undefined; head = pending.shift()) {
      const result = await head
      if (!result.ok) throw result.error
      refill()
      yield result.value
    }
  } finally {
    outer?.removeEventListener('abort', onAbort)
    controller.abort()
  }
}

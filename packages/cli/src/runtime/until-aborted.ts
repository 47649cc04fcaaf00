/**
 * Iterates `source` until it ends or `signal` aborts, whichever comes first — without waiting for a page request
 * that is still in flight. On abort the source is asked to stop (`return()`) in the background, and whatever it
 * throws later is ignored.
 *
 * @example
 * import { untilAborted } from '@rcs-records/cli'
 * for await (const record of untilAborted(client.list(query), controller.signal)) write(record)
 */
export async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  if (signal.aborted) return
  const iterator = source[Symbol.asyncIterator]()
  let onAbort: () => void = () => {}
  const aborted = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted')
    signal.addEventListener('abort', onAbort, { once: true })
  })
  let finished = false
  try {
    while (true) {
      const next = iterator.next()
      next.catch(() => {})
      const result = await Promise.race([next, aborted])
      if (result === 'aborted') return
      if (result.done === true) {
        finished = true
        return
      }
      yield result.value
    }
  } finally {
    signal.removeEventListener('abort', onAbort)
    if (!finished) Promise.resolve(iterator.return?.()).catch(() => {})
  }
}

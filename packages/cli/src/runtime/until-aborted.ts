import { Aborted, settleOrAbort } from './until-aborted-promise.js'

/**
 * Iterates `source` until it ends or `signal` aborts, whichever comes first — without waiting for a page request
 * that is still in flight. On abort the source is asked to stop (`return()`) in the background, and whatever it
 * throws later is ignored.
 *
 * Each step races the source's `next()` against the signal with a listener of its own that is removed as soon as
 * the step settles, so nothing long-lived (the signal, a shared promise) holds on to a record already handed out:
 * a listing of any length runs in constant memory.
 */
export async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  if (signal.aborted) return
  const iterator = source[Symbol.asyncIterator]()
  let finished = false
  try {
    while (true) {
      let result: IteratorResult<T>
      try {
        result = await settleOrAbort(iterator.next(), signal)
      } catch (error) {
        if (error instanceof Aborted) return
        throw error
      }
      if (result.done === true) {
        finished = true
        return
      }
      yield result.value
    }
  } finally {
    if (!finished) Promise.resolve(iterator.return?.()).catch(() => {})
  }
}

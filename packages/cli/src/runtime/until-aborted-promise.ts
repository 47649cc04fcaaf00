/**
 * Thrown by {@link settleOrAbort} when the signal wins.
 */
export class Aborted extends Error {
  override readonly name = 'Aborted'
}

/**
 * Resolves like `promise`, or rejects with {@link Aborted} as soon as `signal` aborts (the promise's own outcome
 * is then ignored).
 */
export const settleOrAbort = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> => {
  promise.catch(() => {})
  if (signal.aborted) return Promise.reject(new Aborted('aborted'))
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Aborted('aborted'))
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

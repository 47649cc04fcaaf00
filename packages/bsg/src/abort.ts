import { RcsError } from '@rcs-records/core'
import { left } from '@rcs-records/core/kit'
import type { Either } from 'fp-ts/lib/Either.js'
import { PROVIDER } from './normalize.js'

/**
 * The error of a call its caller aborted.
 *
 * @example
 * import { abortedError } from './abort.js'
 * abortedError('login').kind // 'transport'
 */
export const abortedError = (what: string): RcsError =>
  new RcsError({
    kind: 'transport',
    provider: PROVIDER,
    retryable: false,
    message: `${PROVIDER}: ${what}: aborted by the caller`,
  })

/**
 * Waits for a shared promise (a login every caller joins) unless this caller's signal aborts first; the shared work
 * itself is never aborted by one caller.
 *
 * @example
 * import { joinUnlessAborted } from './abort.js'
 * const result = await joinUnlessAborted(sharedLogin, query.signal, 'login')
 */
export const joinUnlessAborted = <A>(
  promise: Promise<Either<RcsError, A>>,
  signal: AbortSignal | undefined,
  what: string,
): Promise<Either<RcsError, A>> => {
  if (signal === undefined) return promise
  if (signal.aborted) return Promise.resolve(left(abortedError(what)))
  return new Promise((resolve) => {
    const onAbort = () => resolve(left(abortedError(what)))
    signal.addEventListener('abort', onAbort, { once: true })
    void promise.then((result) => {
      signal.removeEventListener('abort', onAbort)
      resolve(result)
    })
  })
}

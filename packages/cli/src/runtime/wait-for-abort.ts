/**
 * Resolves when `signal` aborts (at once if it already has).
 *
 * @example
 * import { waitForAbort } from '@rcs-records/cli'
 * await waitForAbort(session.scope.signal) // until Ctrl-C
 */
export const waitForAbort = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) resolve()
    else signal.addEventListener('abort', () => resolve(), { once: true })
  })

import type { HttpEvent, HttpHooks, RcsError } from '@rcs-records/core'
import { formatDelay } from '../progress/describe-progress.js'

/**
 * What the vendors' HTTP traffic of one command looks like right now, as seen through core's request hooks: how many
 * requests are in flight and since when nothing has come back (the waiting indicator reads it), and how the last
 * exchange ended (`watch` reads it to tell a vendor outage from a timeout).
 */
export interface HttpActivity {
  /** Hooks for one client: `retries` is its retry limit, for "attempt 2/5". */
  hooksFor(retries: number): HttpHooks
  /** Requests sent and not answered yet. */
  readonly inFlight: number
  /** When the current wait began (the first request in flight, or the last answer since): null when idle. */
  readonly waitingSince: number | null
  /** The last retry announced while still waiting (`retrying in 2 s (attempt 2/5): 503`), or null. */
  readonly retrying: string | null
  /**
   * The error of the last exchange when it failed in a way a retry might cure (5xx, 429, timeout, reset); null once
   * the vendor answers (a refusal such as 404 is an answer), and before any exchange.
   */
  readonly lastFailure: RcsError | null
  /** True once any vendor answered (success or refusal). */
  readonly answered: boolean
}

/** Why an attempt failed, in a word or a status code. */
const reasonOf = (event: HttpEvent): string => {
  const status = event.status ?? event.error?.httpStatus ?? null
  if (status !== null) return String(status)
  const kind = event.error?.kind
  if (kind === 'timeout') return 'no answer in time'
  if (kind === 'transport') return 'network error'
  return kind === undefined ? 'failed' : kind.replace('_', ' ')
}

/**
 * Starts tracking. `note` gets one line per retry: `rcs-records: bsg: retrying in 2 s (attempt 2/5): 503`.
 */
export const createHttpActivity = (options: { now: () => number; note: (line: string) => void }): HttpActivity => {
  let inFlight = 0
  let waitingSince: number | null = null
  let retrying: string | null = null
  let lastFailure: RcsError | null = null
  let answered = false
  return {
    get inFlight() {
      return inFlight
    },
    get waitingSince() {
      return inFlight > 0 || retrying !== null ? waitingSince : null
    },
    get retrying() {
      return retrying
    },
    get lastFailure() {
      return lastFailure
    },
    get answered() {
      return answered
    },
    hooksFor: (retries) => ({
      onRequest: () => {
        if (inFlight === 0 && retrying === null) waitingSince = options.now()
        inFlight += 1
      },
      onResponse: (event) => {
        inFlight = Math.max(0, inFlight - 1)
        // A refusal (404, 401, 400) is an answer; only what a retry might cure (5xx, 429, timeouts, resets) is a failure.
        if (event.error === undefined || !event.error.retryable) {
          answered = true
          lastFailure = null
          retrying = null
          waitingSince = options.now()
        } else lastFailure = event.error
      },
      onRetry: (event) => {
        retrying = `retrying in ${formatDelay(event.delayMs)} (attempt ${event.attempt + 1}/${retries + 1}): ${reasonOf(event)}`
        options.note(`rcs-records: ${event.provider}: ${retrying}`)
      },
    }),
  }
}

import { type CallOptions, type Clock, RcsError, type RcsRecord } from '@rcs-records/core'
import { addMonthsUtc, left, readIntegerId, right, toEpochMs } from '@rcs-records/core/kit'
import type { Either } from 'fp-ts/lib/Either.js'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import type { MessagesApi } from './api.js'
import { type Config, PAGE_LIMIT_MIN } from './config.js'
import { PROVIDER } from './provider.js'
import { type BsgWindow, floatingTime, planFloatingWindows, planWindows } from './windows.js'

/**
 * What `get` needs from the adapter.
 */
export interface GetDeps {
  api: MessagesApi
  config: Config
  clock: Clock
  normalize: (payload: unknown) => Either<RcsError, RcsRecord>
}

const notFound = (message: string) =>
  new RcsError({ kind: 'not_found', provider: PROVIDER, message: `${PROVIDER}: ${message}` })

/**
 * The windows a lookup searches, newest first: from `opts.from` (default `lookbackMonths` before now) to now.
 */
export const lookupWindows = (
  config: Config,
  now: number,
  from: CallOptions['from'],
): Either<RcsError, BsgWindow[]> => {
  if (from === undefined) {
    const current = floatingTime(now, config.timeZone)
    // `+ 1`: the current second belongs to the range, so a message created this second is found.
    return right(planFloatingWindows(addMonthsUtc(current, -config.lookbackMonths), current + 1).reverse())
  }
  const start = toEpochMs(from)
  if (start === null) {
    return left(
      new RcsError({
        kind: 'bad_request',
        provider: PROVIDER,
        message: `${PROVIDER}: \`from\` must be a Date or an ISO-8601 timestamp`,
      }),
    )
  }
  // `now` itself belongs to the range: a message created this second is found.
  return right(planWindows(start, now + 1, now + 1, config.timeZone).reverse())
}

/**
 * One message by id (`filter[id]`), searched window by window from the newest; `not_found` when no window has it.
 * BSG ids are integers, so any other id is `not_found` without a request.
 */
export const getMessage =
  (deps: GetDeps, id: string, opts?: CallOptions): TaskEither<RcsError, RcsRecord> =>
  async () => {
    const wanted = readIntegerId(id)?.replace(/^0+(?=\d)/, '') ?? null
    if (wanted === null) {
      return left(
        new RcsError({
          kind: 'not_found',
          provider: PROVIDER,
          message: `${PROVIDER}: no message ${JSON.stringify(String(id).slice(0, 40))}: BSG message ids are integers`,
          details: { invalidId: String(id).slice(0, 40) },
        }),
      )
    }
    const windows = lookupWindows(deps.config, deps.clock.now(), opts?.from)
    if (windows._tag === 'Left') return windows
    for (const window of windows.right) {
      const result = await deps.api.messages(
        { 'filter[id]': wanted, 'filter[from]': window.from, 'filter[to]': window.to, 'page[limit]': PAGE_LIMIT_MIN },
        opts?.signal,
      )()
      if (result._tag === 'Left') return result
      const item = result.right.data.find(
        (candidate) =>
          candidate !== null &&
          typeof candidate === 'object' &&
          readIntegerId((candidate as { id?: unknown }).id) === wanted,
      )
      if (item !== undefined) return deps.normalize(item)
    }
    const searched = windows.right.length === 0 ? 'in an empty range' : describeRange(windows.right)
    return left(
      notFound(`no message ${id} ${searched} (${deps.config.timeZone}); pass { from } to search further back`),
    )
  }

const describeRange = (windows: readonly BsgWindow[]): string =>
  `between ${windows[windows.length - 1]?.from} and ${windows[0]?.to}`

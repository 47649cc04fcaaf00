import { type ListQuery, RcsError } from '@rcs-records/core'
import { describeError, describeOutcome, type Outcome } from './outcome.js'

/**
 * Iterates a `list` and reports how it ended: the number of records, or the error it threw (synchronously or while
 * iterating).
 */
export const drainList = async (
  list: () => AsyncIterable<unknown>,
  limit = Number.POSITIVE_INFINITY,
): Promise<{ count: number; error: unknown; threw: boolean }> => {
  let count = 0
  try {
    for await (const _ of list()) {
      count++
      if (count >= limit) break
    }
    return { count, error: null, threw: false }
  } catch (error) {
    return { count, error, threw: true }
  }
}

/**
 * The problem with an outcome that should be a Left RcsError of `kind` (null when it is one).
 */
export const expectKind = (outcome: Outcome<unknown>, kind: RcsError['kind'], what: string): string | null => {
  if (outcome.kind === 'left' && outcome.error instanceof RcsError && outcome.error.kind === kind) return null
  return `${what} should fail with kind ${kind}, but ${describeOutcome(outcome)}`
}

/**
 * The problem with a thrown list error that should be an RcsError of `kind` (null when it is one).
 */
export const expectThrownKind = (
  ended: { count: number; error: unknown; threw: boolean },
  kind: RcsError['kind'],
  what: string,
): string | null => {
  if (ended.threw && ended.error instanceof RcsError && ended.error.kind === kind) return null
  return ended.threw
    ? `${what} should throw an RcsError of kind ${kind}, but threw ${describeError(ended.error)}`
    : `${what} should throw an RcsError of kind ${kind}, but yielded ${ended.count} record(s) without error`
}

/**
 * A list query over `window` with the server's page size.
 */
export const windowQuery = (
  window: { from: Date | string; to: Date | string },
  pageSize: number | undefined,
  extra: Partial<ListQuery> = {},
): ListQuery => ({ from: window.from, to: window.to, ...(pageSize === undefined ? {} : { pageSize }), ...extra })

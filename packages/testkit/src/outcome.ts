import type { Either } from 'fp-ts/lib/Either.js'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import { preview } from './preview.js'

/**
 * What calling an adapter function produced: a Right, a Left, an exception (never allowed), or something that is not
 * an Either at all.
 */
export type Outcome<A> =
  | { kind: 'right'; value: A }
  | { kind: 'left'; error: unknown }
  | { kind: 'threw'; error: unknown }
  | { kind: 'malformed'; value: unknown }

const isEither = (value: unknown): value is Either<unknown, unknown> =>
  value !== null &&
  typeof value === 'object' &&
  (((value as { _tag?: unknown })._tag === 'Right' && 'right' in value) ||
    ((value as { _tag?: unknown })._tag === 'Left' && 'left' in value))

const fromValue = <A>(value: unknown): Outcome<A> => {
  if (!isEither(value)) return { kind: 'malformed', value }
  return value._tag === 'Right' ? { kind: 'right', value: value.right as A } : { kind: 'left', error: value.left }
}

/**
 * Calls a function that should return an fp-ts Either, catching what it should never do (throw, return junk).
 */
export const runEither = <A>(call: () => Either<unknown, A>): Outcome<A> => {
  try {
    return fromValue<A>(call())
  } catch (error) {
    return { kind: 'threw', error }
  }
}

/**
 * Calls a function that should return an fp-ts TaskEither and runs the task, catching throws and rejections.
 */
export const runTask = async <A>(call: () => TaskEither<unknown, A>): Promise<Outcome<A>> => {
  try {
    const task = call()
    if (typeof task !== 'function') return { kind: 'malformed', value: task }
    return fromValue<A>(await task())
  } catch (error) {
    return { kind: 'threw', error }
  }
}

/**
 * A one-line account of an outcome for a problem report.
 */
export const describeOutcome = (outcome: Outcome<unknown>): string => {
  switch (outcome.kind) {
    case 'right':
      return `returned Right(${preview(outcome.value)})`
    case 'left':
      return `returned Left(${describeError(outcome.error)})`
    case 'threw':
      return `threw ${describeError(outcome.error)}`
    case 'malformed':
      return `returned ${preview(outcome.value)}, which is not an fp-ts Either`
  }
}

/**
 * A short description of an error: its name, RcsError kind when it has one, and message.
 */
export const describeError = (error: unknown): string => {
  if (error instanceof Error) {
    const kind = (error as { kind?: unknown }).kind
    const message = error.message.length > 300 ? `${error.message.slice(0, 297)}...` : error.message
    return `${error.name}${typeof kind === 'string' ? `(${kind})` : ''}: ${message}`
  }
  return preview(error)
}

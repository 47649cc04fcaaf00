import type { Either } from 'fp-ts/lib/Either.js'

/**
 * fp-ts `Either` constructors. fp-ts 2.16 publishes its subpath modules (`fp-ts/Either`) without an `exports` map,
 * which Node's ESM loader cannot resolve at run time; this package therefore imports only fp-ts *types* and builds
 * the (plain-object) values itself, exactly as fp-ts does.
 *
 * @example
 * import { left, right } from './either.js'
 * right(1) // { _tag: 'Right', right: 1 }
 * left('no') // { _tag: 'Left', left: 'no' }
 */
export const right = <E = never, A = never>(value: A): Either<E, A> => ({ _tag: 'Right', right: value })

/**
 * The failing side of an `Either` (see {@link right}).
 *
 * @example
 * import { left } from './either.js'
 * left(new Error('nope'))._tag // 'Left'
 */
export const left = <E = never, A = never>(error: E): Either<E, A> => ({ _tag: 'Left', left: error })

import type { Either } from 'fp-ts/lib/Either.js'

/**
 * fp-ts-compatible `Either` constructors. They build exactly the plain objects fp-ts's own `left`/`right` build
 * (`{ _tag: 'Left', left }`, `{ _tag: 'Right', right }`), so every fp-ts function (`isRight`, `fold`, `pipe` with
 * `E.map`…) accepts them, and the results are typed with fp-ts's own `Either`. They exist because fp-ts publishes
 * its modules without an `exports` map: Node's ESM loader can only reach its CommonJS build (`fp-ts/lib/*.js`),
 * which bundlers cannot tree-shake, so importing two constructors from it would ship all of fp-ts's `Either`.
 * Only fp-ts *types* are imported here.
 *
 * @example
 * import { right } from '@rcs-records/core/kit'
 * import { isRight } from 'fp-ts/lib/Either.js'
 * right(1) // { _tag: 'Right', right: 1 }
 * isRight(right(1)) // true
 */
export const right = <E = never, A = never>(value: A): Either<E, A> => ({ _tag: 'Right', right: value })

/**
 * The failing side of an fp-ts-compatible `Either` (see {@link right}): `{ _tag: 'Left', left: error }`.
 *
 * @example
 * import { left } from '@rcs-records/core/kit'
 * left('no') // { _tag: 'Left', left: 'no' }
 * left(new Error('nope'))._tag // 'Left'
 */
export const left = <E = never, A = never>(error: E): Either<E, A> => ({ _tag: 'Left', left: error })

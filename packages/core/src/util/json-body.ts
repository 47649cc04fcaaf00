import type { Either } from 'fp-ts/lib/Either.js'
import { decodeError } from '../errors/decode-error.js'
import type { RcsError } from '../errors/rcs-error.js'
import { left, right } from '../fp/either.js'

/**
 * A webhook body as a value: a string is parsed as JSON (invalid JSON is a `decode` error at `(root)` that keeps
 * the text as its raw payload); anything else — a body a framework already parsed — is passed through.
 *
 * @example
 * import { parseJsonBody } from '@rcs-records/core/kit'
 * parseJsonBody('bsg', '{"id":"1"}') // right({ id: '1' })
 * parseJsonBody('bsg', { id: '1' }) // right({ id: '1' })
 * parseJsonBody('bsg', '{oops')._tag // 'Left'
 */
export const parseJsonBody = (provider: string, body: unknown): Either<RcsError, unknown> => {
  if (typeof body !== 'string') return right(body)
  try {
    return right(JSON.parse(body))
  } catch {
    return left(
      decodeError(provider, body, [{ path: '(root)', expected: 'a JSON callback body', actual: 'invalid JSON' }]),
    )
  }
}

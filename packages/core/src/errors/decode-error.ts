import type { Either } from 'fp-ts/Either'
import { left, right } from 'fp-ts/Either'
import type * as t from 'io-ts'
import { RcsError } from './rcs-error.js'

/**
 * One decode failure: where in the payload (`data.3.status`), what was expected, and what was found
 * (shortened; never a whole payload).
 *
 * @example
 * import type { DecodeIssue } from '@rcs-records/core'
 * const issue: DecodeIssue = { path: 'status', expected: 'string', actual: 'undefined' }
 */
export interface DecodeIssue {
  path: string
  expected: string
  actual: string
}

/**
 * The `details` of a `decode` {@link RcsError}: every issue with its path, the raw payload (a reference, so
 * nothing is lost) and, when one could be read, the record's id.
 *
 * @example
 * import { RcsError, type DecodeErrorDetails } from '@rcs-records/core'
 * const describe = (e: RcsError) => (e.details as DecodeErrorDetails).issues.map((i) => i.path)
 */
export interface DecodeErrorDetails {
  issues: DecodeIssue[]
  id: string | null
  raw: unknown
}

const describeValue = (value: unknown): string => {
  if (value === undefined) return 'undefined'
  if (value === null) return 'null'
  if (Array.isArray(value)) return `array(${value.length})`
  if (typeof value === 'object') return 'object'
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value)
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/**
 * Turns io-ts validation errors into {@link DecodeIssue}s with dotted paths.
 *
 * @example
 * import * as t from 'io-ts'
 * import { issuesFromValidation } from '@rcs-records/core'
 * const result = t.type({ id: t.string }).decode({})
 * if (result._tag === 'Left') issuesFromValidation(result.left) // [{ path: 'id', expected: 'string', actual: 'undefined' }]
 */
export const issuesFromValidation = (errors: t.Errors): DecodeIssue[] =>
  errors.slice(0, 20).map((error) => {
    const keys = error.context.map((entry) => entry.key).filter((key) => key !== '')
    const last = error.context[error.context.length - 1]
    return {
      path: keys.join('.') || '(root)',
      expected: error.message ?? last?.type.name ?? 'valid value',
      actual: describeValue(error.value),
    }
  })

const readableId = (payload: unknown, idKeys: readonly string[]): string | null => {
  if (payload === null || typeof payload !== 'object') return null
  for (const key of idKeys) {
    const value = (payload as Record<string, unknown>)[key]
    if (typeof value === 'string' || typeof value === 'number') return String(value)
  }
  return null
}

/**
 * Builds a `decode` {@link RcsError} that names each failing path and keeps the raw payload in `details.raw`.
 *
 * @example
 * import { decodeError } from '@rcs-records/core'
 * const error = decodeError('bsg', payload, [{ path: 'status', expected: 'string', actual: 'undefined' }])
 * error.message // 'bsg: payload is not a valid record: status: expected string, got undefined'
 */
export const decodeError = (
  provider: string,
  raw: unknown,
  issues: readonly DecodeIssue[],
  idKeys: readonly string[] = ['id'],
): RcsError => {
  const summary = issues
    .slice(0, 3)
    .map((issue) => `${issue.path}: expected ${issue.expected}, got ${issue.actual}`)
    .join('; ')
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : ''
  const details: DecodeErrorDetails = { issues: [...issues], id: readableId(raw, idKeys), raw }
  const error = new RcsError({
    kind: 'decode',
    provider,
    message: `${provider}: payload is not a valid record: ${summary}${more}`,
    details: null,
  })
  // `raw` must stay a reference (nothing copied, nothing lost); issues were built by us and hold no secrets.
  Object.defineProperty(error, 'details', { value: details, enumerable: true })
  return error
}

/**
 * Decodes `payload` with an io-ts codec; failures become a `decode` {@link RcsError} with paths.
 *
 * @example
 * import * as t from 'io-ts'
 * import { decodeWith } from '@rcs-records/core'
 * decodeWith('bsg', t.type({ id: t.number }), { id: 1 }) // right({ id: 1 })
 */
export const decodeWith = <A>(
  provider: string,
  codec: t.Decoder<unknown, A>,
  payload: unknown,
  idKeys?: readonly string[],
): Either<RcsError, A> => {
  const result = codec.decode(payload)
  return result._tag === 'Right'
    ? right(result.right)
    : left(decodeError(provider, payload, issuesFromValidation(result.left), idKeys))
}

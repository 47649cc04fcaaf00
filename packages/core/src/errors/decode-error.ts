import type { Either } from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { left, right } from '../fp/either.js'
import { RcsError } from './rcs-error.js'
import { containsSecret, redact, redactDeep } from './secrets.js'

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

/**
 * Describes a value for a decode issue's `actual` (or an error message) without ever copying it whole: `undefined`,
 * `null`, `array(n)`, `object`, or the JSON of a primitive cut to 40 characters, with registered credentials
 * redacted before the cut.
 *
 * @example
 * import { describeValue } from '@rcs-records/core/kit'
 * describeValue([1, 2]) // 'array(2)'
 * describeValue('delivered') // '"delivered"'
 */
export const describeValue = (value: unknown): string => {
  if (value === undefined) return 'undefined'
  if (value === null) return 'null'
  if (Array.isArray(value)) return `array(${value.length})`
  if (typeof value === 'object') return 'object'
  // Redact before shortening: a cut could otherwise leave part of a credential behind.
  const text = redact(typeof value === 'string' ? JSON.stringify(value) : String(value))
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/**
 * The dotted path of an io-ts validation context: object keys and array indices, without the member indices io-ts
 * adds for the alternatives of a union or the parts of an intersection (`status`, not `status.0`).
 */
export const pathOfContext = (context: t.Context): string => {
  const keys: string[] = []
  for (let index = 0; index < context.length; index++) {
    const entry = context[index]
    if (entry === undefined || entry.key === '') continue
    const parent = context[index - 1]?.type as { _tag?: unknown } | undefined
    if (parent?._tag === 'UnionType' || parent?._tag === 'IntersectionType') continue
    keys.push(entry.key)
  }
  return keys.join('.')
}

/**
 * How many issues a decode error lists at most (`issuesFromValidation` and the adapters' own required-field checks):
 * enough to see what is wrong with a payload, never a list as long as the payload.
 *
 * @example
 * import { MAX_DECODE_ISSUES } from '@rcs-records/core/kit'
 * MAX_DECODE_ISSUES // 20
 */
export const MAX_DECODE_ISSUES = 20

/**
 * Turns io-ts validation errors into {@link DecodeIssue}s with dotted paths (`data.0.status`). The failures of a
 * union's alternatives at one path are reported once (`expected string | null`). At most 20 issues.
 *
 * @example
 * import * as t from 'io-ts'
 * import { issuesFromValidation } from '@rcs-records/core/kit'
 * const result = t.type({ id: t.string }).decode({})
 * if (result._tag === 'Left') issuesFromValidation(result.left) // [{ path: 'id', expected: 'string', actual: 'undefined' }]
 */
export const issuesFromValidation = (errors: t.Errors): DecodeIssue[] => {
  const byPath = new Map<string, DecodeIssue>()
  for (const error of errors) {
    const path = pathOfContext(error.context) || '(root)'
    const expected = error.message ?? error.context[error.context.length - 1]?.type.name ?? 'valid value'
    const existing = byPath.get(path)
    if (existing === undefined) {
      if (byPath.size < MAX_DECODE_ISSUES) byPath.set(path, { path, expected, actual: describeValue(error.value) })
    } else if (!existing.expected.split(' | ').includes(expected)) {
      existing.expected = `${existing.expected} | ${expected}`
    }
  }
  return [...byPath.values()]
}

const readableId = (payload: unknown, idKeys: readonly string[]): string | null => {
  if (payload === null || typeof payload !== 'object') return null
  for (const key of idKeys) {
    const value = (payload as Record<string, unknown>)[key]
    if (typeof value === 'string' || typeof value === 'number') return String(value)
  }
  return null
}

/**
 * Builds a `decode` {@link RcsError} that names each failing path and keeps the raw payload in `details.raw` (by
 * reference; a scrubbed copy when a registered credential appears in it, e.g. a vendor body echoing the API key).
 *
 * @example
 * import { decodeError } from '@rcs-records/core/kit'
 * const payload: unknown = { id: 42 }
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
  // `raw` stays a reference (nothing copied, nothing lost) unless the vendor echoed a credential into it: then it is
  // a scrubbed copy, so printing or serialising the error can never show the secret.
  const kept = containsSecret(raw) ? redactDeep(raw) : raw
  const details: DecodeErrorDetails = { issues: [...issues], id: readableId(raw, idKeys), raw: kept }
  const error = new RcsError({
    kind: 'decode',
    provider,
    message: `${provider}: payload is not a valid record: ${summary}${more}`,
    details: null,
  })
  // Set as is (not deep-copied by the constructor): `raw` is handled above; issues were built by us and hold no secrets.
  Object.defineProperty(error, 'details', { value: details, enumerable: true })
  return error
}

/**
 * Decodes `payload` with an io-ts codec; failures become a `decode` {@link RcsError} with paths.
 *
 * @example
 * import * as t from 'io-ts'
 * import { decodeWith } from '@rcs-records/core/kit'
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

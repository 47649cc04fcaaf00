import { type DecodeErrorDetails, isFinal, RcsError, type RcsRecord, RcsRecordCodec } from '@rcs-records/core'
import type { Either } from 'fp-ts/Either'

/*
 * Plain checks (no `expect`): the fuzz tests run them tens of thousands of times, and each returns what is wrong, or
 * null. `assertNo` turns a problem into a thrown Error that fast-check shrinks and reports.
 */

/** Throws when a check found a problem. */
export const assertNo = (problem: string | null): void => {
  if (problem !== null) throw new Error(problem)
}

/** A decode error as every adapter must report one: kind `decode`, at least one issue, each with a path. */
export const decodeErrorProblem = (error: unknown, provider: string): string | null => {
  if (!(error instanceof RcsError)) return `not an RcsError: ${String(error)}`
  if (error.kind !== 'decode') return `kind ${error.kind}, expected decode: ${error.message}`
  if (error.provider !== provider) return `provider ${String(error.provider)}, expected ${provider}`
  const issues = (error.details as Partial<DecodeErrorDetails> | null)?.issues
  if (!Array.isArray(issues) || issues.length === 0) return `a decode error without issues: ${error.message}`
  for (const issue of issues) {
    if (typeof issue.path !== 'string' || issue.path === '') return `an issue without a path: ${JSON.stringify(issue)}`
  }
  return null
}

/** A record as every adapter must produce one: passes core's codec, `final` agrees with the status, plain `extra`. */
export const recordProblem = (record: RcsRecord, provider: string): string | null => {
  const decoded = RcsRecordCodec.decode(record)
  if (decoded._tag === 'Left') {
    const paths = decoded.left.map((error) => error.context.map((entry) => entry.key).join('.'))
    return `record fails RcsRecordCodec at ${[...new Set(paths)].join(', ')}`
  }
  if (record.provider !== provider) return `provider ${record.provider}, expected ${provider}`
  if (record.final !== isFinal(record.status)) return `final ${record.final} with status ${record.status}`
  const proto: unknown = Object.getPrototypeOf(record.extra)
  if (proto !== Object.prototype && proto !== null) return '`extra` is not a plain object'
  return null
}

/** Nothing has been added to the shared prototypes. */
export const pollutionProblem = (): string | null => {
  const probe: Record<string, unknown> = {}
  if (probe.polluted !== undefined || Object.hasOwn(Object.prototype, 'polluted')) return 'Object.prototype polluted'
  if (Object.hasOwn(Array.prototype, 'polluted')) return 'Array.prototype polluted'
  if (Object.hasOwn(Function.prototype, 'polluted')) return 'Function.prototype polluted'
  return null
}

/** `normalize`'s contract: a valid record whose `raw` is the payload itself, or a decode error with paths. */
export const normalizeProblem = (
  result: Either<unknown, RcsRecord>,
  payload: unknown,
  provider: string,
): string | null => {
  if (result._tag === 'Left') return decodeErrorProblem(result.left, provider) ?? pollutionProblem()
  if (result.right.raw !== payload) return '`raw` is not the payload as received'
  return recordProblem(result.right, provider) ?? pollutionProblem()
}

/** `parseWebhook`'s contract: valid records (possibly none), or a decode error with paths. */
export const webhookProblem = (result: Either<unknown, RcsRecord[]>, provider: string): string | null => {
  if (result._tag === 'Left') return decodeErrorProblem(result.left, provider) ?? pollutionProblem()
  if (!Array.isArray(result.right)) return 'parseWebhook did not return an array'
  for (const record of result.right) {
    const problem = recordProblem(record, provider)
    if (problem !== null) return problem
  }
  return pollutionProblem()
}

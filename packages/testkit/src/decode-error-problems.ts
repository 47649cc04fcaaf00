import { RcsError } from '@rcs-records/core'
import { describeError } from './outcome.js'

interface DecodeExpectations {
  /** Paths the error must name. */
  paths?: readonly string[]
  /** `details.raw` must be this payload (the same reference). */
  payload?: { value: unknown }
}

const issuePaths = (details: unknown): string[] | null => {
  const issues = (details as { issues?: unknown } | null)?.issues
  if (!Array.isArray(issues)) return null
  return issues
    .map((issue) => (issue as { path?: unknown } | null)?.path)
    .filter((p): p is string => typeof p === 'string')
}

/**
 * What is wrong with an error that should be a `decode` RcsError: it must be an RcsError of kind `decode` from this
 * provider whose `details.issues` name at least one non-empty path (and the expected ones), keeping the payload in
 * `details.raw`.
 */
export const decodeErrorProblems = (error: unknown, provider: string, expected: DecodeExpectations = {}): string[] => {
  if (!(error instanceof RcsError)) return [`failed with ${describeError(error)}, which is not an RcsError`]
  const problems: string[] = []
  if (error.kind !== 'decode') problems.push(`failed with kind ${error.kind}, not decode (${error.message})`)
  if (error.provider !== provider)
    problems.push(`error provider is ${JSON.stringify(error.provider)}, not "${provider}"`)
  const paths = issuePaths(error.details)
  if (paths === null || paths.length === 0) {
    problems.push('the decode error has no details.issues with a path (use core decodeWith/decodeError)')
  } else {
    if (paths.some((path) => path.trim() === '')) problems.push('a decode issue has an empty path')
    for (const path of expected.paths ?? []) {
      if (!paths.includes(path))
        problems.push(`the decode error does not name path ${path} (it names ${paths.join(', ')})`)
    }
  }
  // Object.is: the same reference, and a NaN payload is kept as NaN (which `!==` would call lost).
  const raw = (error.details as { raw?: unknown } | null)?.raw
  if (expected.payload !== undefined && !Object.is(raw, expected.payload.value)) {
    problems.push('the decode error does not keep the payload in details.raw')
  }
  return problems
}

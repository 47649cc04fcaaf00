import type { Either } from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import type { AdapterDefinition } from '../adapter/contract.js'
import { pathOfContext } from '../errors/decode-error.js'
import { RcsError } from '../errors/rcs-error.js'
import { left, right } from '../fp/either.js'

const describeProblem = (error: t.ValidationError): { path: string; expected: string; missing: boolean } => {
  const last = error.context[error.context.length - 1]
  return {
    path: pathOfContext(error.context) || '(config)',
    expected: error.message ?? last?.type.name ?? 'a valid value',
    missing: error.value === undefined,
  }
}

/**
 * Validates user config with the adapter's codec. Every missing or invalid field is reported in ONE `config`
 * RcsError (`details.fields`), naming the field and what was expected — never the value given, so secrets are
 * never echoed.
 *
 * @example
 * import { adapter } from '@rcs-records/bsg'
 * import { validateConfig } from '@rcs-records/core/kit'
 * const result = validateConfig(adapter, { apiKey: 42 })
 * if (result._tag === 'Left') console.error(result.left.message) // 'bsg: invalid config: apiKey: expected string'
 */
export const validateConfig = <C>(definition: AdapterDefinition<C>, config: unknown): Either<RcsError, C> => {
  const result = definition.configCodec.decode(config)
  if (result._tag === 'Right') return right(result.right)
  const seen = new Map<string, { path: string; expected: string; missing: boolean }>()
  for (const error of result.left) {
    const problem = describeProblem(error)
    const existing = seen.get(problem.path)
    if (existing === undefined) seen.set(problem.path, problem)
    else {
      if (!existing.expected.split(' or ').includes(problem.expected)) {
        existing.expected = `${existing.expected} or ${problem.expected}`
      }
      existing.missing &&= problem.missing
    }
  }
  const fields = [...seen.values()]
  const summary = fields
    .map((field) => `${field.path}: ${field.missing ? 'missing, expected' : 'expected'} ${field.expected}`)
    .join('; ')
  return left(
    new RcsError({
      kind: 'config',
      provider: definition.name,
      message: `${definition.name}: invalid config: ${summary}`,
      details: { fields },
    }),
  )
}

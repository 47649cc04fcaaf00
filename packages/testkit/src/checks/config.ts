import { type AdapterDefinition, createClient, RcsError, silentLogger } from '@rcs-records/core'
import type { ConformanceCheck } from '../check.js'
import { report } from '../check.js'
import { describeError } from '../outcome.js'
import { preview } from '../preview.js'

/** Configs that are not configs at all; every adapter must reject them. */
const NOT_CONFIGS: readonly unknown[] = [null, 42, 'config', []]

const tryCreate = <C>(definition: AdapterDefinition<C>, config: unknown): unknown => {
  try {
    createClient({ adapter: definition, config, logger: silentLogger })
    return null
  } catch (error) {
    return error ?? new Error('createClient threw a nullish value')
  }
}

/** Core lists failing paths in `details.fields`; other config errors (an insecure baseUrl) name it in the message. */
const namesField = (error: RcsError, field: string): boolean => {
  const listed = (error.details as { fields?: unknown } | null)?.fields
  if (Array.isArray(listed)) {
    const paths = listed.map((entry) => (entry as { path?: unknown } | null)?.path)
    if (paths.some((path) => path === field || (typeof path === 'string' && path.startsWith(`${field}.`)))) return true
  }
  return new RegExp(`(^|[^\\w])${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w]|$)`).test(error.message)
}

/**
 * `config.valid`: core's `createClient` accepts every valid config.
 */
export const configValid: ConformanceCheck = {
  name: 'config.valid',
  description: 'createClient accepts every valid config',
  run: async ({ definition, options }) => {
    if (options.configs.valid.length === 0) return report(['options.configs.valid is empty: give at least one'])
    const problems: string[] = []
    options.configs.valid.forEach((config, index) => {
      const error = tryCreate(definition, config)
      if (error !== null) problems.push(`valid config #${index + 1} was rejected: ${describeError(error)}`)
    })
    return report(problems)
  },
}

/**
 * `config.invalid`: core's `createClient` rejects every invalid config (and values that are not configs at all) with
 * ONE `config` RcsError that names each expected field.
 */
export const configInvalid: ConformanceCheck = {
  name: 'config.invalid',
  description: 'createClient rejects invalid configs with one config RcsError naming each field',
  run: async (run) => {
    const { definition, options } = run
    const problems: string[] = []
    if (options.configs.invalid.length === 0) problems.push('options.configs.invalid is empty: give at least one')
    const cases = [
      ...options.configs.invalid.map((entry, index) => ({ label: `invalid config #${index + 1}`, ...entry })),
      ...NOT_CONFIGS.map((config) => ({ label: `config ${preview(config)}`, config, fields: [] as readonly string[] })),
    ]
    for (const { label, config, fields } of cases) {
      const error = tryCreate(definition, config)
      run.noteError(error, label)
      if (error === null) {
        problems.push(`${label} was accepted`)
        continue
      }
      if (!(error instanceof RcsError) || error.kind !== 'config') {
        problems.push(`${label} failed with ${describeError(error)}, not a config RcsError`)
        continue
      }
      if (error.provider !== definition.name) {
        problems.push(`${label}: the config error's provider is ${preview(error.provider)}, not "${definition.name}"`)
      }
      for (const field of fields) {
        if (!namesField(error, field)) problems.push(`${label}: the config error does not name ${field}`)
      }
    }
    return report(problems)
  },
}

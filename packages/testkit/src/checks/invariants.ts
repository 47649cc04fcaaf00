import { createClient, silentLogger } from '@rcs-records/core'
import type { ConformanceCheck } from '../check.js'
import { report } from '../check.js'
import { runEither } from '../outcome.js'
import { recordProblems } from '../record-problems.js'
import { secretLeaks } from '../secret-leaks.js'

const MAX_REPORTED = 20

/**
 * `records.invariants`: every record the run saw (fixtures, statuses, webhooks, get, getMany, list) satisfies core's
 * `RcsRecordCodec`, has `provider` equal to the adapter's name, `final === isFinal(status)`, a reason only on
 * failures, and shares no object with `raw`; records normalised from a payload keep it as `raw`.
 */
export const recordsInvariants: ConformanceCheck = {
  name: 'records.invariants',
  description: 'every record satisfies RcsRecordCodec, provider, final, reason and raw identity rules',
  run: async (run) => {
    const { adapter } = run.offline()
    for (const fixture of run.options.fixtures) {
      const outcome = runEither(() => adapter.normalize(fixture.payload))
      if (outcome.kind === 'right') {
        run.noteRecord({
          record: outcome.value,
          source: `normalize(${fixture.name})`,
          payload: { value: fixture.payload },
        })
      }
    }
    const problems: string[] = []
    let failing = 0
    for (const seen of run.evidence.records) {
      const found = recordProblems(seen.record, run.definition.name, seen.payload)
      if (found.length === 0) continue
      failing++
      if (problems.length < MAX_REPORTED) problems.push(`${seen.source}: ${found.join('; ')}`)
    }
    if (failing > MAX_REPORTED) problems.push(`…and ${failing - MAX_REPORTED} more record(s) with problems`)
    return report(problems, [`${run.evidence.records.length} record(s) examined`])
  },
}

/** Invalid configs carrying each secret, so a codec that echoes values would show it. */
const leakProbes = (valid: readonly unknown[], secretFields: ReadonlySet<string>, secrets: readonly string[]) => {
  const probes: Array<{ label: string; config: unknown }> = []
  const secret = secrets[0]
  if (secret === undefined) return probes
  valid.forEach((config, index) => {
    if (config === null || typeof config !== 'object') return
    for (const key of Object.keys(config)) {
      const label = `valid config #${index + 1} with ${key}`
      const value = secretFields.has(key) ? [secret, 12345] : { nested: secret, list: [secret] }
      probes.push({ label: `${label} set to a wrong type carrying a secret`, config: { ...config, [key]: value } })
    }
  })
  return probes
}

/**
 * `errors.secrets`: the secret fields are declared in `secretFields`, and no error seen during the run — nor the
 * config errors of probes that put a secret into a wrongly typed field — contains a secret value in its message,
 * details, cause, stack, JSON or `util.inspect` output.
 */
export const errorsSecrets: ConformanceCheck = {
  name: 'errors.secrets',
  description: 'secret fields are declared and no error echoes a secret',
  run: async (run) => {
    const { definition, options } = run
    const problems: string[] = []
    const declared = new Set(definition.secretFields ?? [])
    for (const field of options.secrets?.fields ?? []) {
      if (!declared.has(field)) problems.push(`secretFields does not declare ${field}`)
    }
    const secrets = run.secretValues
    if (secrets.length === 0) {
      return report(problems, [
        'no secret values (options.secrets.values, or valid configs at secretFields) to look for',
      ])
    }
    for (const probe of leakProbes(options.configs.valid, declared, secrets)) {
      try {
        createClient({ adapter: definition, config: probe.config, logger: silentLogger })
      } catch (error) {
        run.noteError(error, probe.label)
      }
    }
    for (const { error, source } of run.evidence.errors) {
      const leaks = secretLeaks(error, secrets)
      if (leaks.length > 0) problems.push(`the error of ${source} shows ${leaks.join(', ')}`)
    }
    return report(problems, [`${run.evidence.errors.length} error(s) examined for ${secrets.length} secret value(s)`])
  },
}

import type { RcsRecord } from '@rcs-records/core'
import type { ConformanceCheck } from '../check.js'
import { report, skipped } from '../check.js'
import { decodeErrorProblems } from '../decode-error-problems.js'
import { fieldMismatches } from '../field-mismatches.js'
import { describeOutcome, runEither } from '../outcome.js'

/**
 * `normalize.fixtures`: every fixture normalises to its expected fields (with `raw` the payload itself), or to a
 * `decode` error naming the expected paths; `normalize` makes no request.
 */
export const normalizeFixtures: ConformanceCheck = {
  name: 'normalize.fixtures',
  description: 'every fixture normalises to the expected fields',
  run: async (run) => {
    const { definition, options } = run
    const problems: string[] = []
    if (!options.fixtures.some((fixture) => fixture.expected !== undefined)) {
      problems.push('options.fixtures has no fixture with expected fields: give the vendor’s documented examples')
    }
    const offline = run.offline()
    const requestsBefore = offline.requests()
    for (const fixture of options.fixtures) {
      const outcome = runEither(() => offline.adapter.normalize(fixture.payload))
      if (fixture.decodeError !== undefined) {
        if (outcome.kind !== 'left') {
          problems.push(`${fixture.name}: expected a decode error, but normalize ${describeOutcome(outcome)}`)
          continue
        }
        run.noteError(outcome.error, `normalize(${fixture.name})`)
        for (const problem of decodeErrorProblems(outcome.error, definition.name, {
          paths: fixture.decodeError.paths,
          payload: { value: fixture.payload },
        })) {
          problems.push(`${fixture.name}: ${problem}`)
        }
        continue
      }
      if (outcome.kind !== 'right') {
        problems.push(`${fixture.name}: normalize ${describeOutcome(outcome)}`)
        continue
      }
      const record = outcome.value as RcsRecord
      run.noteRecord({ record, source: `normalize(${fixture.name})`, payload: { value: fixture.payload } })
      for (const mismatch of fieldMismatches(record, fixture.expected)) problems.push(`${fixture.name}: ${mismatch}`)
      if (record.raw !== fixture.payload) problems.push(`${fixture.name}: raw is not the payload itself`)
    }
    if (offline.requests() !== requestsBefore) problems.push('normalize made HTTP requests (it must be pure)')
    return report(problems)
  },
}

/**
 * `webhook.fixtures`: every callback body gives the expected records, in order.
 */
export const webhookFixtures: ConformanceCheck = {
  name: 'webhook.fixtures',
  description: 'every webhook fixture parses to the expected records',
  run: async (run) => {
    const { definition, options } = run
    const fixtures = options.webhookFixtures ?? []
    if (!definition.capabilities.webhooks) {
      return fixtures.length === 0
        ? skipped('the adapter declares no webhooks')
        : report(['webhook fixtures were given but the adapter declares webhooks: false'])
    }
    if (fixtures.length === 0) return report(['the adapter declares webhooks: give options.webhookFixtures'])
    const offline = run.offline()
    const parse = offline.adapter.parseWebhook
    if (typeof parse !== 'function') return report(['the adapter declares webhooks but has no parseWebhook'])
    const problems: string[] = []
    for (const fixture of fixtures) {
      const outcome = runEither(() => parse.call(offline.adapter, fixture.body))
      if (outcome.kind !== 'right' || !Array.isArray(outcome.value)) {
        problems.push(`${fixture.name}: expected an array of records, but parseWebhook ${describeOutcome(outcome)}`)
        continue
      }
      const records = outcome.value as RcsRecord[]
      if (records.length !== fixture.expected.length) {
        problems.push(`${fixture.name}: expected ${fixture.expected.length} record(s), got ${records.length}`)
      }
      records.forEach((record, index) => {
        run.noteRecord({ record, source: `parseWebhook(${fixture.name})[${index}]` })
        const expected = fixture.expected[index]
        if (expected === undefined) return
        for (const mismatch of fieldMismatches(record, expected))
          problems.push(`${fixture.name}[${index}]: ${mismatch}`)
      })
    }
    return report(problems)
  },
}

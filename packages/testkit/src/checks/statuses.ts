import type { DeliveryStatus, RcsRecord } from '@rcs-records/core'
import type { ConformanceCheck } from '../check.js'
import { report } from '../check.js'
import { describeOutcome, runEither } from '../outcome.js'
import { preview } from '../preview.js'
import type { StatusOptions } from '../types.js'

const documentedPairs = (statuses: StatusOptions): Array<readonly [string | number, DeliveryStatus]> =>
  Array.isArray(statuses.documented)
    ? [...(statuses.documented as ReadonlyArray<readonly [string | number, DeliveryStatus]>)]
    : Object.entries(statuses.documented as Readonly<Record<string, DeliveryStatus>>)

const STRING_UNSEEN = ['conformance_unseen_status', 'constructor', '__proto__', 'toString', 'hasOwnProperty']
const NUMBER_UNSEEN = [987_654, -7, 2_147_483_648]

/**
 * The status values a conformance run treats as unseen: the ones given, or made-up values of the documented
 * statuses' type (strings include inherited property names such as `constructor`).
 */
export const unseenStatuses = (statuses: StatusOptions): ReadonlyArray<string | number> => {
  if (statuses.unseen !== undefined) return statuses.unseen
  const pairs = documentedPairs(statuses)
  const numeric = pairs.length > 0 && pairs.every(([value]) => typeof value === 'number')
  const documented = new Set(pairs.map(([value]) => value))
  return (numeric ? NUMBER_UNSEEN : STRING_UNSEEN).filter((value) => !documented.has(value))
}

/**
 * `status.documented`: every documented native status maps to its expected canonical status, with `vendorStatus`
 * kept exactly.
 */
export const statusDocumented: ConformanceCheck = {
  name: 'status.documented',
  description: 'every documented native status maps to its canonical status',
  run: async (run) => {
    const pairs = documentedPairs(run.options.statuses)
    if (pairs.length === 0) return report(['options.statuses.documented is empty'])
    const { adapter } = run.offline()
    const problems: string[] = []
    for (const [native, canonical] of pairs) {
      const payload = run.options.statuses.payloadWith(native)
      const outcome = runEither(() => adapter.normalize(payload))
      if (outcome.kind !== 'right') {
        problems.push(`native ${preview(native)}: normalize ${describeOutcome(outcome)}`)
        continue
      }
      const record = outcome.value as RcsRecord
      run.noteRecord({ record, source: `status ${preview(native)}`, payload: { value: payload } })
      if (record.status !== canonical) {
        problems.push(`native ${preview(native)} became ${preview(record.status)}, expected ${preview(canonical)}`)
      }
      if (!Object.is(record.vendorStatus, native)) {
        problems.push(`native ${preview(native)}: vendorStatus is ${preview(record.vendorStatus)} (keep it exactly)`)
      }
    }
    return report(problems)
  },
}

/**
 * `status.unseen`: a status value the adapter cannot know becomes `unknown` (not final, no reason) with
 * `vendorStatus` kept — never an exception, never a guess.
 */
export const statusUnseen: ConformanceCheck = {
  name: 'status.unseen',
  description: 'an unseen native status maps to unknown with vendorStatus kept',
  run: async (run) => {
    const { adapter } = run.offline()
    const problems: string[] = []
    const values = unseenStatuses(run.options.statuses)
    if (values.length === 0) return report(['no unseen status values to try'])
    for (const value of values) {
      const payload = run.options.statuses.payloadWith(value)
      const outcome = runEither(() => adapter.normalize(payload))
      if (outcome.kind !== 'right') {
        problems.push(`unseen ${preview(value)}: expected status unknown, but normalize ${describeOutcome(outcome)}`)
        continue
      }
      const record = outcome.value as RcsRecord
      run.noteRecord({ record, source: `unseen status ${preview(value)}`, payload: { value: payload } })
      if (record.status !== 'unknown') {
        problems.push(`unseen ${preview(value)} became ${preview(record.status)}, expected "unknown" (never guess)`)
      }
      if (record.final !== false) problems.push(`unseen ${preview(value)}: final must be false`)
      if (record.reason !== null) problems.push(`unseen ${preview(value)}: reason must be null`)
      if (!Object.is(record.vendorStatus, value)) {
        problems.push(`unseen ${preview(value)}: vendorStatus is ${preview(record.vendorStatus)} (keep it exactly)`)
      }
    }
    return report(problems)
  },
}

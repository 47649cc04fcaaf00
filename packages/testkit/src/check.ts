import type { ConformanceRun } from './run-context.js'
import type { CheckName } from './types.js'

/**
 * What a check found: problems (the check fails when there are any), notes (what was not exercised), or a reason
 * to skip it altogether.
 *
 * @example
 * import type { CheckReport } from '@rcs-records/testkit'
 * const report: CheckReport = { problems: [], notes: ['no unknownId given: not_found not exercised'] }
 */
export interface CheckReport {
  problems: string[]
  notes: string[]
  skip?: string
}

/**
 * One conformance check.
 *
 * @example
 * import { CONFORMANCE_CHECKS } from '@rcs-records/testkit'
 * for (const check of CONFORMANCE_CHECKS) console.log(check.name, '—', check.description)
 */
export interface ConformanceCheck {
  name: CheckName
  description: string
  run<C>(run: ConformanceRun<C>): Promise<CheckReport>
}

/**
 * A report with these problems and notes.
 *
 * @example
 * import { report } from '@rcs-records/testkit'
 * report(['status: expected "sent", got "unknown"'])
 */
export const report = (problems: string[] = [], notes: string[] = []): CheckReport => ({ problems, notes })

/**
 * A report that skips the check for `reason`.
 *
 * @example
 * import { skipped } from '@rcs-records/testkit'
 * skipped('no server given')
 */
export const skipped = (reason: string): CheckReport => ({ problems: [], notes: [], skip: reason })

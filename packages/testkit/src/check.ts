import type { ConformanceRun } from './run-context.js'
import type { CheckName } from './types.js'

/**
 * What a check found: problems (the check fails when there are any), notes (what was not exercised), or a reason
 * to skip it altogether.
 */
export interface CheckReport {
  problems: string[]
  notes: string[]
  skip?: string
}

/**
 * One conformance check.
 */
export interface ConformanceCheck {
  name: CheckName
  description: string
  run<C>(run: ConformanceRun<C>): Promise<CheckReport>
}

/**
 * A report with these problems and notes.
 */
export const report = (problems: string[] = [], notes: string[] = []): CheckReport => ({ problems, notes })

/**
 * A report that skips the check for `reason`.
 */
export const skipped = (reason: string): CheckReport => ({ problems: [], notes: [], skip: reason })

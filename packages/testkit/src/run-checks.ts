import type { AdapterDefinition } from '@rcs-records/core'
import type { CheckReport, ConformanceCheck } from './check.js'
import { CONFORMANCE_CHECKS } from './checks/index.js'
import { describeError } from './outcome.js'
import { type ConformanceRun, createConformanceRun } from './run-context.js'
import type { CheckName, CheckResult, ConformanceOptions } from './types.js'

const DEFAULT_CHECK_TIMEOUT_MS = 60_000

const scrub = (texts: readonly string[], secrets: readonly string[]): string[] =>
  texts.map((text) => secrets.reduce((out, secret) => (secret === '' ? out : out.split(secret).join('[secret]')), text))

const withTimeout = async (work: Promise<CheckReport>, ms: number): Promise<CheckReport> => {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<CheckReport>((resolve) => {
    timer = setTimeout(() => resolve({ problems: [`did not finish within ${ms} ms`], notes: [] }), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Runs one check within a run: honours `options.skip`, times it, turns a crash of the check into a problem, and
 * scrubs secret values from every problem and note.
 */
export const runCheck = async <C>(run: ConformanceRun<C>, check: ConformanceCheck): Promise<CheckResult> => {
  const started = Date.now()
  const skipReason = run.options.skip?.[check.name]
  let outcome: CheckReport
  if (skipReason !== undefined) {
    outcome = { problems: [], notes: [], skip: `skipped by options.skip: ${skipReason}` }
  } else {
    try {
      outcome = await withTimeout(check.run(run), run.options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS)
    } catch (error) {
      outcome = { problems: [`the check could not run: ${describeError(error)}`], notes: [] }
    }
  }
  const status = outcome.problems.length > 0 ? 'failed' : outcome.skip !== undefined ? 'skipped' : 'passed'
  const notes =
    outcome.skip !== undefined && outcome.problems.length === 0 ? [outcome.skip, ...outcome.notes] : outcome.notes
  return {
    name: check.name,
    status,
    problems: scrub(outcome.problems, run.secretValues),
    notes: scrub(notes, run.secretValues),
    durationMs: Date.now() - started,
  }
}

/**
 * Runs the conformance checks on an adapter as plain async code (no test framework needed) and returns one result
 * per check, in order. Starts `options.server` on first need and always closes it. Use it in scripts, in CI, or
 * in tests that assert a broken adapter FAILS specific checks; `describeAdapterConformance` wraps the same checks
 * in vitest tests.
 *
 * @example
 * import type { AdapterDefinition } from '@rcs-records/core'
 * import { type ConformanceOptions, runConformanceChecks } from '@rcs-records/testkit'
 * declare const adapter: AdapterDefinition<{ apiKey: string }>
 * declare const options: ConformanceOptions
 * const results = await runConformanceChecks(adapter, options)
 * for (const result of results) console.log(result.status, result.name, result.problems.join('\n'))
 */
export const runConformanceChecks = async <C>(
  definition: AdapterDefinition<C>,
  options: ConformanceOptions,
  only?: readonly CheckName[],
): Promise<CheckResult[]> => {
  const run = createConformanceRun(definition, options)
  const results: CheckResult[] = []
  try {
    for (const check of CONFORMANCE_CHECKS) {
      if (only !== undefined && !only.includes(check.name)) continue
      results.push(await runCheck(run, check))
    }
  } finally {
    await run.close()
  }
  return results
}

/**
 * A readable, multi-line account of check results (failed checks with their problems, then skips).
 *
 * @example
 * import type { AdapterDefinition } from '@rcs-records/core'
 * import { type ConformanceOptions, formatCheckResults, runConformanceChecks } from '@rcs-records/testkit'
 * declare const adapter: AdapterDefinition<{ apiKey: string }>
 * declare const options: ConformanceOptions
 * console.log(formatCheckResults(await runConformanceChecks(adapter, options)))
 */
export const formatCheckResults = (results: readonly CheckResult[]): string =>
  results
    .map((result) => {
      const head = `${result.status === 'passed' ? '✓' : result.status === 'skipped' ? '-' : '✗'} ${result.name}`
      const lines = result.status === 'failed' ? result.problems : result.notes
      return [head, ...lines.map((line) => `    ${line}`)].join('\n')
    })
    .join('\n')

import fc from 'fast-check'
import type { Either } from 'fp-ts/lib/Either.js'
import { arbitraryPayload } from '../arbitraries.js'
import type { CheckReport, ConformanceCheck } from '../check.js'
import { report, skipped } from '../check.js'
import { decodeErrorProblems } from '../decode-error-problems.js'
import { describeOutcome, runEither } from '../outcome.js'
import { preview } from '../preview.js'
import { recordProblems } from '../record-problems.js'
import type { ConformanceRun } from '../run-context.js'

/** Values that are not a vendor record at all. */
const DEFAULT_JUNK: readonly unknown[] = [null, undefined, [], 42, {}, 'not a record', true]

const DEFAULT_NUM_RUNS = 1_000
const MAX_FAILURE_TEXT = 1_500

type Parse = (payload: unknown) => Either<unknown, unknown>

interface Target {
  label: 'normalize' | 'parseWebhook'
  parse: Parse
  samples: readonly unknown[]
  junk: readonly unknown[]
  requests: () => number
}

const prototypeSnapshot = (): string => Object.getOwnPropertyNames(Object.prototype).sort().join(',')

/** Everything wrong with one call of normalize/parseWebhook on an arbitrary payload. */
const judge = (target: Target, provider: string, payload: unknown, strictLeft: boolean): string[] => {
  const outcome = runEither(() => target.parse(payload))
  if (outcome.kind === 'threw' || outcome.kind === 'malformed') return [`${target.label} ${describeOutcome(outcome)}`]
  if (outcome.kind === 'left') {
    return decodeErrorProblems(
      outcome.error,
      provider,
      strictLeft && target.label === 'normalize' ? { payload: { value: payload } } : {},
    )
  }
  if (target.label === 'normalize') return recordProblems(outcome.value, provider, { value: payload })
  if (!Array.isArray(outcome.value)) return [`parseWebhook returned Right(${preview(outcome.value)}), not an array`]
  return outcome.value.flatMap((record, index) => recordProblems(record, provider).map((p) => `record ${index}: ${p}`))
}

const junkReport = (target: Target, provider: string): CheckReport => {
  const problems: string[] = []
  for (const payload of target.junk) {
    const outcome = runEither(() => target.parse(payload))
    if (outcome.kind !== 'left') {
      problems.push(`${target.label}(${preview(payload)}) ${describeOutcome(outcome)}; expected a decode error`)
      continue
    }
    const expectRaw = target.label === 'normalize' ? { payload: { value: payload } } : {}
    for (const problem of decodeErrorProblems(outcome.error, provider, expectRaw)) {
      problems.push(`${target.label}(${preview(payload)}): ${problem}`)
    }
  }
  return report(problems)
}

const arbitraryReport = (target: Target, run: RunView): CheckReport => {
  const before = prototypeSnapshot()
  const requestsBefore = target.requests()
  const problems: string[] = []
  try {
    fc.assert(
      fc.property(arbitraryPayload(target.samples), (payload) => {
        const found = judge(target, run.definition.name, payload, true)
        if (({} as Record<string, unknown>).polluted !== undefined || prototypeSnapshot() !== before) {
          found.push('Object.prototype was modified (prototype pollution)')
        }
        if (found.length > 0) throw new Error(found.slice(0, 5).join('; '))
      }),
      {
        numRuns: run.options.numRuns ?? DEFAULT_NUM_RUNS,
        ...(run.options.seed === undefined ? {} : { seed: run.options.seed }),
      },
    )
  } catch (error) {
    problems.push(propertyFailure(error))
  }
  if (target.requests() !== requestsBefore) problems.push(`${target.label} made HTTP requests (it must be pure)`)
  return report(problems, [`${run.options.numRuns ?? DEFAULT_NUM_RUNS} runs`])
}

/** What the helpers need of a run; any `ConformanceRun<C>` fits. */
type RunView = Pick<ConformanceRun<unknown>, 'offline' | 'options'> & { definition: { name: string } }

/** A payload built for the first documented status, as one more sample to mutate. */
const statusSamples = (run: RunView): unknown[] => {
  const documented = run.options.statuses.documented
  const first = Array.isArray(documented)
    ? (documented as ReadonlyArray<readonly [string | number, unknown]>)[0]?.[0]
    : Object.keys(documented)[0]
  if (first === undefined) return []
  try {
    return [run.options.statuses.payloadWith(first)]
  } catch {
    return []
  }
}

/** fast-check's report (seed, counterexample) with what went wrong first; the property's error is its `cause`. */
const propertyFailure = (error: unknown): string => {
  const summary = error instanceof Error ? error.message.replace(/\nHint: .*$/s, '') : String(error)
  const cause = error instanceof Error && error.cause instanceof Error ? `${error.cause.message}\n` : ''
  const text = `${cause}${summary}`
  return text.length > MAX_FAILURE_TEXT ? `${text.slice(0, MAX_FAILURE_TEXT)}…` : text
}

const normalizeTarget = (run: RunView): Target => {
  const offline = run.offline()
  return {
    label: 'normalize',
    parse: (payload) => offline.adapter.normalize(payload),
    samples: [...run.options.fixtures.map((fixture) => fixture.payload), ...statusSamples(run)],
    junk: run.options.junk?.normalize ?? DEFAULT_JUNK,
    requests: offline.requests,
  }
}

const webhookTarget = (run: RunView): Target | null => {
  const offline = run.offline()
  const parse = offline.adapter.parseWebhook
  if (typeof parse !== 'function') return null
  return {
    label: 'parseWebhook',
    parse: (body) => parse.call(offline.adapter, body),
    samples: (run.options.webhookFixtures ?? []).map((fixture) => fixture.body),
    junk: run.options.junk?.webhook ?? DEFAULT_JUNK,
    requests: offline.requests,
  }
}

/**
 * `normalize.junk`: payloads that are not records (`null`, `[]`, `42`, `{}`…) give a `decode` error with a path
 * that keeps the payload in `details.raw`.
 */
export const normalizeJunk: ConformanceCheck = {
  name: 'normalize.junk',
  description: 'normalize returns decode errors with a path for junk',
  run: async (run) => junkReport(normalizeTarget(run), run.definition.name),
}

/**
 * `normalize.arbitrary`: on arbitrary JSON, arbitrary values, near-valid mutations of the fixtures and nasty
 * payloads, `normalize` never throws, returns either a sound record (with `raw` the payload) or a `decode` error
 * with a path, never pollutes `Object.prototype` and makes no request (fast-check, `numRuns` times).
 */
export const normalizeArbitrary: ConformanceCheck = {
  name: 'normalize.arbitrary',
  description: 'normalize never throws on arbitrary input and answers with a sound record or a decode error',
  run: async (run) => arbitraryReport(normalizeTarget(run), run),
}

/**
 * `webhook.junk`: callback bodies that are not callbacks give a `decode` error with a path.
 */
export const webhookJunk: ConformanceCheck = {
  name: 'webhook.junk',
  description: 'parseWebhook returns decode errors with a path for junk',
  run: async (run) => {
    const target = webhookTarget(run)
    return target === null ? skipped('the adapter has no parseWebhook') : junkReport(target, run.definition.name)
  },
}

/**
 * `webhook.arbitrary`: like `normalize.arbitrary`, for `parseWebhook`.
 */
export const webhookArbitrary: ConformanceCheck = {
  name: 'webhook.arbitrary',
  description: 'parseWebhook never throws on arbitrary input and answers with sound records or a decode error',
  run: async (run) => {
    const target = webhookTarget(run)
    return target === null ? skipped('the adapter has no parseWebhook') : arbitraryReport(target, run)
  },
}

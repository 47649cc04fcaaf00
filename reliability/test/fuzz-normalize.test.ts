import { normalize as bsgNormalize, parseWebhook as bsgParseWebhook } from '@rcs-records/bsg'
import { normalize as pgNormalize, parseWebhook as pgParseWebhook } from '@rcs-records/partner-gateway'
import { type Simulator, startSimulator } from '@rcs-records/simulator'
import { normalize as spacivoxNormalize } from '@rcs-records/spacivox'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BSG_RECORD, BSG_WEBHOOK, PG_RECORDS, PG_WEBHOOKS, SPACIVOX_RECORD } from './support/fixtures.js'
import { mutatedArb } from './support/mutations.js'
import { assertNo, normalizeProblem, webhookProblem } from './support/result-checks.js'

const JSON_RUNS = 2_000
const ANYTHING_RUNS = 2_000
const MUTATED_RUNS = 3_000

/** Arbitrary JSON, as a vendor could send it (object keys include `__proto__` and friends). */
const jsonArb = fc.jsonValue({ maxDepth: 3 })
/** Arbitrary values, JSON or not (undefined, -0, NaN, symbols as keys are not JSON but may reach a caller's code). */
const anythingArb = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withSparseArray: true,
  withBoxedValues: true,
})

interface Subject {
  name: string
  provider: string
  kind: 'normalize' | 'parseWebhook'
  run: (payload: unknown) => ReturnType<typeof pgNormalize> | ReturnType<typeof pgParseWebhook>
  /** Documented payloads to mutate (plus simulator payloads, added at start). */
  fixtures: () => unknown[]
}

const simulated: Record<string, unknown[]> = { 'partner-gateway': [], bsg: [], spacivox: [] }
let sim: Simulator

beforeAll(async () => {
  sim = await startSimulator({ seed: 11, records: 60 })
  for (const vendor of ['partner-gateway', 'bsg', 'spacivox'] as const) {
    for (const id of sim.truth.ids(vendor).slice(0, 30)) simulated[vendor]?.push(sim.truth.payload(vendor, id))
  }
})
afterAll(() => sim.close())

const SUBJECTS: readonly Subject[] = [
  {
    name: 'partner-gateway normalize',
    provider: 'partner-gateway',
    kind: 'normalize',
    run: pgNormalize,
    fixtures: () => [...PG_RECORDS, ...(simulated['partner-gateway'] ?? [])],
  },
  {
    name: 'partner-gateway parseWebhook',
    provider: 'partner-gateway',
    kind: 'parseWebhook',
    run: pgParseWebhook,
    fixtures: () => [...PG_WEBHOOKS, PG_WEBHOOKS],
  },
  {
    name: 'bsg normalize',
    provider: 'bsg',
    kind: 'normalize',
    run: bsgNormalize,
    fixtures: () => [BSG_RECORD, ...(simulated.bsg ?? [])],
  },
  {
    name: 'bsg parseWebhook',
    provider: 'bsg',
    kind: 'parseWebhook',
    run: bsgParseWebhook,
    fixtures: () => [BSG_WEBHOOK, [BSG_WEBHOOK, BSG_WEBHOOK]],
  },
  {
    name: 'spacivox normalize',
    provider: 'spacivox',
    kind: 'normalize',
    run: spacivoxNormalize,
    fixtures: () => [SPACIVOX_RECORD, ...(simulated.spacivox ?? [])],
  },
]

/** Checks one payload; returns whether it was accepted (a record, or a webhook's records). */
const check = (subject: Subject, payload: unknown): boolean => {
  const result = subject.run(payload)
  assertNo(
    subject.kind === 'normalize'
      ? normalizeProblem(result as ReturnType<typeof pgNormalize>, payload, subject.provider)
      : webhookProblem(result as ReturnType<typeof pgParseWebhook>, subject.provider),
  )
  return result._tag === 'Right'
}

describe.each(SUBJECTS)('$name never throws; returns a valid record or a decode error with paths', (subject) => {
  it(`on arbitrary JSON (${JSON_RUNS} runs)`, () => {
    fc.assert(
      fc.property(jsonArb, (payload) => {
        check(subject, payload)
      }),
      { numRuns: JSON_RUNS },
    )
  })

  it(`on arbitrary values (${ANYTHING_RUNS} runs)`, () => {
    fc.assert(
      fc.property(anythingArb, (payload) => {
        check(subject, payload)
      }),
      { numRuns: ANYTHING_RUNS },
    )
  })

  it(`on documented and simulated payloads with fields deleted, retyped, nulled, huge, negative, __proto__ (${MUTATED_RUNS} runs)`, () => {
    fc.assert(
      fc.property(mutatedArb(subject.fixtures()), (payload) => {
        check(subject, payload)
      }),
      {
        numRuns: MUTATED_RUNS,
      },
    )
  })

  it('accepts every documented and simulated payload as is', () => {
    for (const fixture of subject.fixtures()) expect(check(subject, structuredClone(fixture))).toBe(true)
  })
})

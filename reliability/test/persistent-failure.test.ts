import type { HttpOptions, RcsErrorKind } from '@rcs-records/core'
import { splitTimeRange } from '@rcs-records/core/kit'
import type { FaultSpec, Simulator, Vendor } from '@rcs-records/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureLogger } from './support/logger.js'
import { startFrozenSimulator, truthOf, type Window, windowOfExactly } from './support/simulator.js'
import { asRcsError, compareWithTruth, runList } from './support/sync.js'
import { clientFor, LIST_ROUTE, VENDORS } from './support/vendors.js'

const RETRIES = 3
const TIMEOUT_MS = 150
const MAX_RETRY_AFTER_MS = 50
const HTTP: HttpOptions = {
  timeoutMs: TIMEOUT_MS,
  retry: { limit: RETRIES, baseDelayMs: 5, maxDelayMs: 20 },
  maxRetryAfterMs: MAX_RETRY_AFTER_MS,
}
const RECORDS = 2_000
const PAGE = 100
const SLICE_HOURS = 6
/** One request in flight, so attempt counts are exact for spacivox too. */
const SETTINGS: Readonly<Record<Vendor, Record<string, unknown>>> = {
  'partner-gateway': { pageSize: PAGE },
  bsg: { pageSize: PAGE },
  spacivox: { sliceHours: SLICE_HOURS, concurrency: 1 },
}

interface Case {
  name: string
  fault: FaultSpec
  kind: RcsErrorKind
  /** Upper bound on the whole call, in ms. */
  withinMs: number
  /** Lower bound (hangs must really wait for the timeout on every attempt). */
  atLeastMs?: number
}

const ATTEMPTS = RETRIES + 1
/** Slack for a loaded shared machine: the bound proves the sync ends, not that it is fast. */
const SLACK_MS = 8_000
const CASES: readonly Case[] = [
  { name: 'every answer a 503', fault: { kind: 'error', status: 503 }, kind: 'provider', withinMs: SLACK_MS },
  { name: 'every answer a 500', fault: { kind: 'error', status: 500 }, kind: 'provider', withinMs: SLACK_MS },
  { name: 'every connection reset', fault: { kind: 'reset' }, kind: 'transport', withinMs: SLACK_MS },
  { name: 'every body truncated', fault: { kind: 'truncated' }, kind: 'provider', withinMs: SLACK_MS },
  {
    name: 'every answer a 429 asking for an hour',
    fault: { kind: 'rate-limit', retryAfterSeconds: 3600 },
    kind: 'rate_limited',
    withinMs: ATTEMPTS * MAX_RETRY_AFTER_MS + SLACK_MS,
  },
  {
    name: 'every request hangs',
    fault: { kind: 'hang' },
    kind: 'timeout',
    withinMs: ATTEMPTS * (TIMEOUT_MS + 20) + SLACK_MS,
    atLeastMs: ATTEMPTS * TIMEOUT_MS,
  },
]

describe.each(VENDORS)('%s: persistent failure', (vendor) => {
  let sim: Simulator
  let window: Window
  const route = `${vendor} ${LIST_ROUTE[vendor]}`

  beforeAll(async () => {
    sim = await startFrozenSimulator({ records: { 'partner-gateway': 0, bsg: 0, spacivox: 0, [vendor]: RECORDS } })
    window = windowOfExactly(sim, vendor, vendor === 'partner-gateway' ? 1_500 : RECORDS)
    // One unfaulted page first, with time to spare: the first request of a cold process (JIT, the simulator's first
    // page) can take longer than the 150 ms timeout on a loaded machine, and would count one attempt short.
    const warm = clientFor(vendor, {
      config: { ...sim.config[vendor], ...SETTINGS[vendor] },
      logger: captureLogger().logger,
    })
    for await (const _ of warm.list({ from: new Date(window.from), to: new Date(window.to) })) break
  })
  afterAll(() => sim.close())

  /**
   * Only the hang case needs the short timeout; the others get time to spare, so that a slow answer on a loaded
   * machine is not a timeout that the attempt count would not expect.
   */
  const listWith = async (fault: FaultSpec) => {
    sim.faults.clear()
    sim.resetStats()
    sim.faults.add(vendor, { ...fault, routes: [LIST_ROUTE[vendor]] })
    const captured = captureLogger()
    const client = clientFor(vendor, {
      config: { ...sim.config[vendor], ...SETTINGS[vendor] },
      http: fault.kind === 'hang' ? HTTP : { ...HTTP, timeoutMs: 5_000 },
      logger: captured.logger,
    })
    return runList(client, { from: new Date(window.from), to: new Date(window.to) })
  }

  it.each(CASES)(
    '$name: an RcsError of kind $kind after exactly 1 + retry.limit attempts, in bounded time',
    async (c) => {
      const outcome = await listWith(c.fault)
      const error = asRcsError(outcome.error)
      expect(error.kind).toBe(c.kind)
      expect(error.provider).toBe(vendor)
      expect(outcome.records).toEqual([])
      expect(sim.stats().byRoute[route]).toBe(ATTEMPTS)
      expect(outcome.elapsedMs).toBeLessThan(c.withinMs)
      if (c.atLeastMs !== undefined) expect(outcome.elapsedMs).toBeGreaterThanOrEqual(c.atLeastMs - 5)
      if (c.kind === 'rate_limited') expect(error.retryAfterMs).toBe(MAX_RETRY_AFTER_MS)
    },
  )

  it('fails after 5 good answers: what was yielded before the error is exactly those answers, all valid and true', async () => {
    const outcome = await listWith({ kind: 'error', status: 503, after: 5 })
    expect(asRcsError(outcome.error).kind).toBe('provider')
    expect(sim.stats().byRoute[route]).toBe(5 + ATTEMPTS)
    const expectedCount =
      vendor === 'spacivox'
        ? splitTimeRange(window.from, window.to, { ms: SLICE_HOURS * 3_600_000 })
            .slice(0, 5)
            .reduce((sum, slice) => sum + sim.truth.count(vendor, slice), 0)
        : 5 * PAGE
    expect(outcome.records).toHaveLength(expectedCount)
    const comparison = compareWithTruth(outcome.records, truthOf(sim, vendor, window))
    expect(comparison.invalid).toEqual([])
    expect(comparison.unexpected).toEqual([])
    expect(comparison.wrongStatus).toEqual([])
    expect(comparison.duplicated).toBe(0)
  })
})

import { createClient, type RcsClient, silentLogger, systemClock } from '@rcs-records/core'
import { type Simulator, startSimulator } from '@rcs-records/simulator'
import { afterEach, describe, expect, it } from 'vitest'
import { adapter } from '../src/index.js'
import { collect } from './helpers.js'

const VENDOR = 'partner-gateway'
let sim: Simulator | null = null

afterEach(async () => {
  await sim?.close()
  sim = null
})

const clientFor = (simulator: Simulator, config: Record<string, unknown>): RcsClient =>
  createClient({
    adapter,
    config: { ...simulator.config[VENDOR], ...config },
    http: { retry: { limit: 6, baseDelayMs: 1, maxDelayMs: 20 }, maxRetryAfterMs: 50 },
    logger: silentLogger,
    // Retry sleeps run on the client clock: a frozen simulator clock would never wake them.
    clock: systemClock,
  })

describe('end to end: history pages asked for ahead (issue 21)', () => {
  it('with 429s, 5xx, resets and truncated bodies: the ground truth, each record once, in the vendor order', async () => {
    sim = await startSimulator({
      seed: 47,
      records: { [VENDOR]: 3000 },
      frozen: true,
      faults: {
        [VENDOR]: [
          { kind: 'rate-limit', routes: ['history'], rate: 0.1, retryAfterSeconds: 0 },
          { kind: 'error', routes: ['history'], rate: 0.15, status: 503 },
          { kind: 'reset', routes: ['history'], rate: 0.05 },
          { kind: 'truncated', routes: ['history'], rate: 0.05 },
        ],
      },
    })
    const window = { from: sim.truth.window(VENDOR).from, to: new Date(sim.clock.now() + 1).toISOString() }
    const ahead = await collect(clientFor(sim, { pageSize: 50, listConcurrency: 5 }).list(window))
    const expected = sim.truth.expected(VENDOR, { ...window, channel: 'rcs' })
    expect(new Map(ahead.map((record) => [record.id, record.status]))).toEqual(expected)
    expect(ahead).toHaveLength(expected.size)
    expect(sim.stats().faults.error).toBeGreaterThan(0)
    // The same order as one page after the other.
    const sequential = await collect(clientFor(sim, { pageSize: 50, listConcurrency: 1 }).list(window))
    expect(ahead.map((record) => record.id)).toEqual(sequential.map((record) => record.id))
  })
})

import { createClient, type RcsClient, silentLogger } from '@rcs-records/core'
import { type Simulator, startSimulator } from '@rcs-records/simulator'
import { afterEach, describe, expect, it } from 'vitest'
import { adapter } from '../src/index.js'
import { collect } from './fixtures.js'

let sim: Simulator | null = null

afterEach(async () => {
  await sim?.close()
  sim = null
})

const clientFor = (simulator: Simulator, config: Record<string, unknown>): RcsClient =>
  createClient({
    adapter,
    config: { ...simulator.config.bsg, ...config },
    http: { retry: { limit: 6, baseDelayMs: 1, maxDelayMs: 20 }, maxRetryAfterMs: 50 },
    logger: silentLogger,
  })

describe('end to end: pages fetched listConcurrency at a time (issue 21)', () => {
  it('with inserts while paging, 429s, 5xx, resets and expired tokens: each record once, in id order, none lost', async () => {
    sim = await startSimulator({
      seed: 21,
      records: { bsg: 4000 },
      faults: {
        bsg: [
          { kind: 'insert', routes: ['messages'], every: 2, count: 3 },
          { kind: 'rate-limit', routes: ['messages'], rate: 0.1, retryAfterSeconds: 0 },
          { kind: 'error', routes: ['messages'], rate: 0.15, status: 503 },
          { kind: 'reset', routes: ['messages'], rate: 0.05 },
          { kind: 'token-expiry', routes: ['messages'], on: [6, 17, 30] },
        ],
      },
    })
    const window = sim.truth.window('bsg')
    const to = new Date(sim.clock.now()).toISOString()
    const before = new Set(sim.truth.ids('bsg', { from: window.from, to }))
    const records = await collect(clientFor(sim, { pageSize: 100, listConcurrency: 6 }).list({ from: window.from, to }))
    const ids = records.map((record) => record.id)
    expect(new Set(ids).size).toBe(ids.length)
    // Every record there when the listing started, none lost.
    const got = new Set(ids)
    expect([...before].filter((id) => !got.has(id))).toEqual([])
    // In BSG's order (sort=id asc: oldest first, then the inserted ones), and nothing that is not in the window.
    const truth = sim.truth.ids('bsg', { from: window.from, to: new Date(sim.clock.now() + 1000).toISOString() })
    expect(ids).toEqual(truth.filter((id) => got.has(id)))
    // Records inserted while pages were in flight were reached too (the total is re-read from every page).
    const inserted = sim.truth.inserted('bsg')
    expect(inserted.length).toBeGreaterThan(0)
    expect(inserted.filter((id) => got.has(id)).length).toBeGreaterThan(0)
    const stats = sim.stats()
    expect(stats.faults.error).toBeGreaterThan(0)
    expect(stats.tokenInvalidations).toBe(3)
    // One shared re-login per invalidation, however many pages were in flight when it happened.
    expect(stats.logins).toBeLessThanOrEqual(1 + 3 * 2)
  })
})

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

describe('end to end: tokens revoked while several pages are in flight (issue 21)', () => {
  // A revocation hits every page in flight with that token, and the token a re-login just issued is often revoked
  // by another page's fault before this page is sent again. A refused token that some page had already been
  // answered with was good: only tokens refused before anyone used them count as "fresh tokens refused in a row".
  it.each([1, 2, 3])(
    'seed %i: ~50% of the pages faulted, 6% revoking every token, 8 pages in flight: each record once, in order',
    async (seed) => {
      sim = await startSimulator({
        seed,
        records: { bsg: 20_000 },
        // The reliability suite's hostile mix: about half of every answer (logins too) faulted.
        faults: {
          bsg: [
            { kind: 'rate-limit', rate: 0.1, retryAfterSeconds: 0 },
            { kind: 'error', status: 500, rate: 0.1 },
            { kind: 'error', status: 502, rate: 0.06 },
            { kind: 'error', status: 503, rate: 0.1 },
            { kind: 'reset', rate: 0.08 },
            { kind: 'truncated', rate: 0.08 },
            { kind: 'malformed', rate: 0.06 },
            { kind: 'token-expiry', routes: ['messages'], rate: 0.06 },
          ],
        },
      })
      const window = sim.truth.window('bsg')
      const to = new Date(sim.clock.now()).toISOString()
      const truth = sim.truth.ids('bsg', { from: window.from, to })
      const client = createClient({
        adapter,
        config: { ...sim.config.bsg, pageSize: 100, listConcurrency: 8 },
        // Enough retries for a network where half the answers fail (as the reliability suite's hostile sync).
        http: { timeoutMs: 2_000, retry: { limit: 20, baseDelayMs: 1, maxDelayMs: 4 }, maxRetryAfterMs: 5 },
        logger: silentLogger,
      })
      const records = await collect(client.list({ from: window.from, to }))
      expect(records.map((record) => record.id)).toEqual(truth)
      expect(sim.stats().tokenInvalidations).toBeGreaterThan(5)
    },
    60_000,
  )
})

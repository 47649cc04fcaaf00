import { type Clock, createClient, type RcsClient, type RcsRecord, silentLogger, systemClock } from '@rcs-records/core'
import { type Simulator, startSimulator } from '@rcs-records/simulator'
import { afterEach, describe, expect, it } from 'vitest'
import { adapter, createMemoryStore, syncIncrementally } from '../src/index.js'
import { collect, HOUR } from './fixtures.js'

let sim: Simulator | null = null

afterEach(async () => {
  await sim?.close()
  sim = null
})

const clientFor = (simulator: Simulator, config: Record<string, unknown> = {}, clock?: Clock): RcsClient =>
  createClient({
    adapter,
    config: { ...simulator.config.spacivox, ...config },
    http: { retry: { baseDelayMs: 1, maxDelayMs: 20 }, maxRetryAfterMs: 50 },
    logger: silentLogger,
    clock: clock ?? simulator.clock,
  })

const byId = (records: Iterable<RcsRecord>) => new Map([...records].map((record) => [record.id, record.status]))

describe('end to end against the simulator', () => {
  it('lists the whole generated window in day slices: every id once, every status as expected', async () => {
    sim = await startSimulator({ seed: 21, records: { spacivox: 3000 }, frozen: true })
    const window = sim.truth.window('spacivox')
    const to = new Date(sim.clock.now() + 1).toISOString()
    const records = await collect(clientFor(sim).list({ from: window.from, to }))
    const expected = sim.truth.expected('spacivox', { from: window.from, to })
    expect(expected.size).toBe(3000)
    expect(records.length).toBe(expected.size)
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length)
    expect(byId(records)).toEqual(expected)
    // Time order across slices: every record's slice starts no later than the next one's.
    const created = records.map((r) => sim?.truth.record('spacivox', r.id)?.createdAt as string)
    expect([...created].sort()).toEqual(created)
  })

  it('filters by team and includes the message content', async () => {
    sim = await startSimulator({ seed: 22, records: { spacivox: 800 }, frozen: true })
    const window = sim.truth.window('spacivox')
    const to = new Date(sim.clock.now() + 1).toISOString()
    const records = await collect(
      clientFor(sim, { team: 2, includeContent: true, sliceHours: 12 }).list({ from: window.from, to }),
    )
    expect(byId(records)).toEqual(sim.truth.expected('spacivox', { from: window.from, to, team: 2 }))
    expect(records.length).toBeGreaterThan(0)
    for (const record of records) {
      expect(record.extra.team).toBe(2)
      expect(record.extra.content).toEqual(expect.objectContaining({ type: 'text' }))
    }
  })

  it('survives 5xx, resets and truncated bodies, and reports drifted states as unknown', async () => {
    sim = await startSimulator({
      seed: 23,
      records: { spacivox: 1200 },
      frozen: true,
      faults: {
        spacivox: [
          { kind: 'error', routes: ['records'], on: [2], status: 503 },
          { kind: 'reset', routes: ['records'], on: [4] },
          { kind: 'truncated', routes: ['records'], on: [6] },
          { kind: 'drift', routes: ['records'], drift: 'unknown-status', records: 0.1 },
        ],
      },
    })
    const window = sim.truth.window('spacivox')
    const to = new Date(sim.clock.now() + 1).toISOString()
    // Retry backoff sleeps on the client clock: a frozen simulator clock would never wake it, so use the real one.
    const records = await collect(clientFor(sim, {}, systemClock).list({ from: window.from, to }))
    const expected = sim.truth.expected('spacivox', { from: window.from, to })
    expect(byId(records)).toEqual(expected)
    const stats = sim.stats()
    expect(stats.faults.error).toBe(1)
    expect(stats.faults.reset).toBe(1)
    expect(stats.faults.truncated).toBe(1)
    const unknown = records.filter((r) => r.status === 'unknown')
    expect(unknown.length).toBeGreaterThan(0)
    for (const record of unknown) expect(record.vendorStatus).toBe(7)
  })

  it('keeps a store in step with incremental syncs (modified_since) as statuses move on', async () => {
    const start = Date.parse('2026-03-10T12:00:00Z')
    sim = await startSimulator({
      seed: 24,
      records: { spacivox: 1500 },
      frozen: true,
      now: start,
      windowMs: 2 * 86_400_000,
    })
    const client = clientFor(sim)
    const store = createMemoryStore()
    const window = sim.truth.window('spacivox')
    const requests: string[] = []
    const watched = createClient({
      adapter,
      config: sim.config.spacivox,
      http: { hooks: { onRequest: (event) => requests.push(event.url) } },
      logger: silentLogger,
      clock: sim.clock,
    })

    const first = await syncIncrementally({ client, store, checkpoint: null, start: window.from, now: sim.clock.now() })
    expect(first.mode).toBe('full')
    expect(byId(store.records.values())).toEqual(sim.truth.expected('spacivox', { from: window.from }))

    // Three hours later, statuses have moved on (newer records get delivered and read).
    sim.clock.advance(3 * HOUR)
    const at = sim.clock.now()
    const second = await syncIncrementally({
      client: watched,
      store,
      checkpoint: first.checkpoint,
      start: window.from,
      now: at,
    })
    expect(second.mode).toBe('incremental')
    expect(requests.every((url) => new URL(url).searchParams.has('modified_since'))).toBe(true)
    expect(second.seen).toBeLessThan(1500)
    expect(second.changed.length).toBeGreaterThan(0)
    expect(byId(store.records.values())).toEqual(sim.truth.expected('spacivox', { from: window.from, at }))
  })
})

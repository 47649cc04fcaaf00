import { createClient, type RcsClient, type RcsRecord, silentLogger } from '@rcs-records/core'
import { type Simulator, startSimulator } from '@rcs-records/simulator'
import { afterEach, describe, expect, it } from 'vitest'
import { adapter } from '../src/index.js'
import { collect } from './fixtures.js'

let sim: Simulator | null = null

afterEach(async () => {
  await sim?.close()
  sim = null
})

const clientFor = (simulator: Simulator, config: Record<string, unknown> = {}): RcsClient =>
  createClient({
    adapter,
    config: { ...simulator.config.bsg, ...config },
    http: { retry: { baseDelayMs: 1, maxDelayMs: 20 }, maxRetryAfterMs: 50 },
    logger: silentLogger,
  })

const byId = (records: readonly RcsRecord[]) => new Map(records.map((record) => [record.id, record.status]))

describe('end to end against the simulator', () => {
  it('lists the whole generated window: every id once, every status as expected', async () => {
    sim = await startSimulator({ seed: 11, records: { bsg: 2500 } })
    const window = sim.truth.window('bsg')
    const to = new Date(sim.clock.now()).toISOString()
    const records = await collect(clientFor(sim, { pageSize: 100 }).list({ from: window.from, to }))
    const expected = sim.truth.expected('bsg', { from: window.from, to })
    expect(records.length).toBe(expected.size)
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length)
    expect(byId(records)).toEqual(expected)
    expect(sim.stats().logins).toBe(1)
  })

  it('lists 7 months across the DST change in Europe/Kyiv, in 3 windows, refreshing short-lived tokens', async () => {
    sim = await startSimulator({ seed: 14, records: { bsg: 3000 }, windowMs: 213 * 86_400_000, tokenLifetimeMs: 1500 })
    expect(sim.config.bsg.timeZone).toBe('Europe/Kyiv')
    const window = sim.truth.window('bsg')
    const to = new Date(sim.clock.now()).toISOString()
    const windows = new Set<string>()
    const simulator = sim
    const client = createClient({
      adapter,
      config: { ...sim.config.bsg, pageSize: 100 },
      // The client runs on the simulator's clock, and every page request moves it 200 ms on, so the 1.5 s tokens
      // expire (and are refreshed ahead of expiry) several times during the listing whatever the machine's speed.
      clock: simulator.clock,
      http: {
        retry: { baseDelayMs: 1, maxDelayMs: 20 },
        hooks: {
          onRequest: (event) => {
            const url = new URL(event.url)
            if (!url.pathname.endsWith('/api/messages')) return
            simulator.clock.advance(200)
            if (url.searchParams.get('page[offset]') === '0') {
              windows.add(`${url.searchParams.get('filter[from]')} … ${url.searchParams.get('filter[to]')}`)
            }
          },
        },
      },
      logger: silentLogger,
    })
    const records = await collect(client.list({ from: window.from, to }))
    expect(windows.size).toBe(3)
    expect(byId(records)).toEqual(sim.truth.expected('bsg', { from: window.from, to }))
    expect(records.length).toBe(3000)
    expect(sim.stats().logins + sim.stats().refreshes).toBeGreaterThan(1)
  })

  it('survives expired tokens, inserts while paging, 429s and 5xx without losing or repeating a record', async () => {
    sim = await startSimulator({
      seed: 12,
      records: { bsg: 1500 },
      faults: {
        bsg: [
          { kind: 'insert', routes: ['messages'], every: 3, count: 2 },
          { kind: 'rate-limit', routes: ['messages'], on: [2, 7], retryAfterSeconds: 0 },
          { kind: 'error', routes: ['messages'], on: [4], status: 503 },
          { kind: 'token-expiry', routes: ['messages'], on: [5] },
        ],
      },
    })
    const window = sim.truth.window('bsg')
    const to = new Date(sim.clock.now()).toISOString()
    const records = await collect(clientFor(sim, { pageSize: 50 }).list({ from: window.from, to }))
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length)
    const expected = sim.truth.expected('bsg', { from: window.from, to })
    // Records inserted into pages already read cannot be seen by one pass; all others must be there.
    const got = byId(records)
    for (const [id, status] of expected) {
      if (!sim.truth.inserted('bsg').includes(id)) expect(got.get(id), id).toBe(status)
    }
    for (const id of got.keys()) expect(expected.has(id), id).toBe(true)
    expect(sim.stats().logins).toBeGreaterThanOrEqual(2)
  })

  it('gets one record and reports unknown ids missing', async () => {
    sim = await startSimulator({ seed: 13, records: { bsg: 300 } })
    const client = clientFor(sim)
    const [first, second] = sim.truth.ids('bsg').slice(-2)
    const record = await client.get(first as string, { from: sim.truth.window('bsg').from })
    expect(record.status).toBe(sim.truth.record('bsg', first as string)?.status)
    const many = await client.getMany([second as string, '999999999'], { from: sim.truth.window('bsg').from })
    expect(many.records.map((r) => r.id)).toEqual([second])
    expect(many.missing).toEqual(['999999999'])
  })
})

describe('end to end across the autumn clock change: consecutive ranges partition the records', () => {
  const HOUR = 3_600_000

  /**
   * Records over the night the clocks go back, listed in consecutive ranges whose cuts fall in both passes of the
   * repeated hour. Each range's answer is filtered to `[from, to)` by the parsed `createdAt` (what core's list
   * scaffolding does; applying it here too changes nothing once it does).
   */
  const partitionAcross = async (timeZone: string, change: string) => {
    const changeAt = Date.parse(change)
    const now = changeAt + 3 * HOUR
    sim = await startSimulator({ seed: 21, records: { bsg: 900 }, now, windowMs: 6 * HOUR, timeZone, frozen: true })
    const simulator = sim
    const client = createClient({
      adapter,
      config: { ...simulator.config.bsg, pageSize: 50 },
      clock: simulator.clock,
      http: { retry: { baseDelayMs: 1, maxDelayMs: 20 } },
      logger: silentLogger,
    })
    const window = simulator.truth.window('bsg')
    const all = [...simulator.truth.records('bsg', { from: window.from, to: now })]
    const inFirstPass = all.filter(
      (r) => Date.parse(r.createdAt) >= changeAt - HOUR && Date.parse(r.createdAt) < changeAt,
    )
    const inSecondPass = all.filter(
      (r) => Date.parse(r.createdAt) >= changeAt && Date.parse(r.createdAt) < changeAt + HOUR,
    )
    // The simulator does put records in both passes of the repeated hour.
    expect(inFirstPass.length).toBeGreaterThan(50)
    expect(inSecondPass.length).toBeGreaterThan(50)
    const cuts = [
      Date.parse(window.from),
      changeAt - 2 * HOUR + 123,
      changeAt - 40 * 60_000,
      changeAt - 5 * 60_000 + 999,
      changeAt + 17 * 60_000,
      changeAt + 50 * 60_000 + 1,
      changeAt + 2 * HOUR,
      now,
    ]
    const seen = new Map<string, number>()
    for (let k = 1; k < cuts.length; k++) {
      const from = cuts[k - 1] as number
      const to = cuts[k] as number
      const records = await collect(client.list({ from: new Date(from), to: new Date(to) }))
      for (const record of records) {
        const at = Date.parse(record.createdAt as string)
        if (at < from || at >= to) continue
        expect(seen.has(record.id), `${record.id} listed twice`).toBe(false)
        seen.set(record.id, k)
      }
    }
    expect(seen.size).toBe(all.length)
    for (const record of all) expect(seen.has(record.id), `${record.id} (${record.createdAt}) lost`).toBe(true)
  }

  it('Europe/Kyiv, 2024-10-27 (03:00–03:59 twice; the simulator reads filters as the second pass)', async () => {
    await partitionAcross('Europe/Kyiv', '2024-10-27T01:00:00Z')
  })

  it('America/New_York, 2024-11-03 (01:00–01:59 twice; the simulator reads filters as the first pass)', async () => {
    await partitionAcross('America/New_York', '2024-11-03T06:00:00Z')
  })
})

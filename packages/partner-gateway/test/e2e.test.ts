import {
  type Clock,
  createClient,
  type RcsClient,
  RcsError,
  type RcsRecord,
  silentLogger,
  systemClock,
} from '@rcs-records/core'
import { type Simulator, startSimulator } from '@rcs-records/simulator'
import { afterEach, describe, expect, it } from 'vitest'
import { adapter } from '../src/index.js'
import { collect, rejection } from './helpers.js'

const VENDOR = 'partner-gateway'
let sim: Simulator | null = null

afterEach(async () => {
  await sim?.close()
  sim = null
})

const clientFor = (simulator: Simulator, config: Record<string, unknown> = {}, clock?: Clock): RcsClient =>
  createClient({
    adapter,
    config: { ...simulator.config[VENDOR], ...config },
    http: { retry: { baseDelayMs: 1, maxDelayMs: 20 }, maxRetryAfterMs: 50 },
    logger: silentLogger,
    clock: clock ?? simulator.clock,
  })

const byId = (records: Iterable<RcsRecord>) => new Map([...records].map((record) => [record.id, record.status]))

/** The whole generated window, up to just after the simulator's now. */
const fullWindow = (simulator: Simulator) => ({
  from: simulator.truth.window(VENDOR).from,
  to: new Date(simulator.clock.now() + 1).toISOString(),
})

describe('end to end against the simulator', () => {
  it('lists every channel of the generated window: every id once, every status as expected', async () => {
    sim = await startSimulator({ seed: 41, records: { [VENDOR]: 3000 }, frozen: true })
    const window = fullWindow(sim)
    let total = 0
    for (const channel of ['rcs', 'sms', 'whatsapp'] as const) {
      const records = await collect(clientFor(sim, { pageSize: 100 }).list({ ...window, channel }))
      const expected = sim.truth.expected(VENDOR, { ...window, channel })
      expect(records.length).toBe(expected.size)
      expect(new Set(records.map((r) => r.id)).size).toBe(records.length)
      expect(byId(records)).toEqual(expected)
      expect(records.every((r) => r.channel === channel)).toBe(true)
      total += records.length
    }
    expect(total).toBe(3000)
  })

  it('lists a sub-window exactly, half-open [from, to)', async () => {
    sim = await startSimulator({ seed: 42, records: { [VENDOR]: 2000 }, frozen: true })
    const ids = sim.truth.ids(VENDOR, { channel: 'rcs' })
    const at = (id: string) => sim?.truth.record(VENDOR, id)?.createdAt as string
    // From the creation instant of one record to that of another: the first is in, the second out.
    const from = at(ids[100] as string)
    const to = at(ids[600] as string)
    const records = await collect(clientFor(sim).list({ from, to }))
    expect(byId(records)).toEqual(sim.truth.expected(VENDOR, { from, to, channel: 'rcs' }))
    expect(records.some((r) => r.id === ids[100])).toBe(true)
    expect(records.some((r) => r.id === ids[600])).toBe(false)
  })

  it('filters by status vendor-side (one native status) and client-side (several)', async () => {
    sim = await startSimulator({ seed: 43, records: { [VENDOR]: 1500 }, frozen: true })
    const window = fullWindow(sim)
    const expected = sim.truth.expected(VENDOR, { ...window, channel: 'rcs' })
    const only = (statuses: string[]) => new Map([...expected].filter(([, status]) => statuses.includes(status)))
    const urls: string[] = []
    const client = createClient({
      adapter,
      config: sim.config[VENDOR],
      http: { hooks: { onRequest: (event) => urls.push(event.url) } },
      logger: silentLogger,
      clock: sim.clock,
    })
    const failed = await collect(client.list({ ...window, status: 'undeliverable' }))
    expect(byId(failed)).toEqual(only(['undeliverable']))
    expect(failed.length).toBeGreaterThan(0)
    expect(urls.every((url) => new URL(url).searchParams.get('status') === 'ERROR')).toBe(true)
    // Every ERROR description the simulator uses is one the reason table knows.
    const codes = new Set(failed.map((r) => r.reason?.code))
    expect(codes.has('unknown')).toBe(false)
    expect(
      [...codes].every((code) =>
        ['not_rcs_capable', 'invalid_recipient', 'blocked', 'provider_error'].includes(code as string),
      ),
    ).toBe(true)
    urls.length = 0
    const inFlight = await collect(client.list({ ...window, status: ['sent', 'expired'] }))
    expect(byId(inFlight)).toEqual(only(['sent', 'expired']))
    expect(urls.every((url) => !new URL(url).searchParams.has('status'))).toBe(true)
  })

  it('looks up a whole channel with getMany (plus unknown ids) and single ids with get', async () => {
    sim = await startSimulator({ seed: 44, records: { [VENDOR]: 1200 }, frozen: true })
    const window = fullWindow(sim)
    const expected = sim.truth.expected(VENDOR, { ...window, channel: 'sms' })
    const ids = [...expected.keys()]
    const unknown = ['order-999999999', '00000000-0000-4000-8000-000000000000']
    const client = clientFor(sim, { idsPerRequest: 50 })
    const result = await client.getMany([...unknown, ...ids, ids[0] as string], { channel: 'sms' })
    expect(result.missing).toEqual(unknown)
    expect(result.records.map((r) => r.id)).toEqual(ids)
    expect(byId(result.records)).toEqual(expected)

    const id = ids[3] as string
    expect((await client.get(id, { channel: 'sms' })).status).toBe(expected.get(id))
    const mismatch = (await rejection(client.get(id, { channel: 'rcs' }))) as RcsError
    expect(mismatch).toBeInstanceOf(RcsError)
    expect(mismatch.kind).toBe('not_found')
    expect(mismatch.message).toContain('channel mismatch')
  })

  it('authenticates with Basic auth too', async () => {
    sim = await startSimulator({ seed: 45, records: { [VENDOR]: 200 }, frozen: true })
    const { username, password } = sim.credentials[VENDOR]
    const client = createClient({
      adapter,
      config: { baseUrl: sim.config[VENDOR].baseUrl, username, password },
      logger: silentLogger,
      clock: sim.clock,
    })
    const window = fullWindow(sim)
    expect(byId(await collect(client.list(window)))).toEqual(sim.truth.expected(VENDOR, { ...window, channel: 'rcs' }))
  })

  it('survives 429 with a body hint, 5xx, resets and truncated bodies; reads every drift', async () => {
    sim = await startSimulator({
      seed: 46,
      records: { [VENDOR]: 1500 },
      frozen: true,
      faults: {
        [VENDOR]: [
          { kind: 'rate-limit', routes: ['history', 'batch'], on: [2] },
          { kind: 'error', routes: ['history'], on: [3], status: 503 },
          { kind: 'reset', routes: ['history'], on: [5] },
          { kind: 'truncated', routes: ['history', 'batch'], on: [7] },
          { kind: 'drift', drift: 'unknown-status', records: 0.05 },
          { kind: 'drift', drift: 'italian-fields', records: 0.3 },
          { kind: 'drift', drift: 'missing-optional', records: 0.1 },
          { kind: 'drift', drift: 'extra-fields', records: 0.1 },
          { kind: 'drift', routes: ['history'], drift: 'wrapped-history', on: [4, 6] },
        ],
      },
    })
    const window = fullWindow(sim)
    // Retry sleeps run on the client clock: a frozen simulator clock would never wake them.
    const client = clientFor(sim, { pageSize: 50 }, systemClock)
    const records = await collect(client.list(window))
    const expected = sim.truth.expected(VENDOR, { ...window, channel: 'rcs' })
    expect(byId(records)).toEqual(expected)
    const stats = sim.stats()
    expect(stats.faults['rate-limit']).toBeGreaterThanOrEqual(1)
    expect(stats.faults.error).toBe(1)
    expect(stats.faults.reset).toBe(1)
    expect(stats.faults.truncated).toBeGreaterThanOrEqual(1)
    const unknown = records.filter((r) => r.status === 'unknown' && r.vendorStatus === 'PENDING_RETRY')
    expect(unknown.length).toBeGreaterThan(0)

    const ids = [...expected.keys()]
    const looked = await client.getMany(ids)
    expect(looked.missing).toEqual([])
    expect(byId(looked.records)).toEqual(expected)
  })
})

describe('end to end: history quirks (issue 14)', () => {
  it('a server that caps `limit` at 50: a 250-record listing returns 250 of 250, each once', async () => {
    sim = await startSimulator({ seed: 43, records: { [VENDOR]: 1000 }, frozen: true, historyLimitCap: 50 })
    // A window of exactly 250 RCS records: from the creation of one to that of the 251st after it.
    const ids = sim.truth.ids(VENDOR, { channel: 'rcs' })
    const at = (id: string | undefined) => sim?.truth.record(VENDOR, id as string)?.createdAt as string
    const window = { from: at(ids[100]), to: at(ids[350]) }
    const expected = sim.truth.expected(VENDOR, { ...window, channel: 'rcs' })
    expect(expected.size).toBe(250)
    const records = await collect(clientFor(sim, { pageSize: 100 }).list({ ...window, channel: 'rcs' }))
    expect(records).toHaveLength(250)
    expect(byId(records)).toEqual(expected)
    // Pages of 50 (the vendor's window is widened to whole seconds, so a few more) until the empty page.
    expect(sim.stats().byRoute[`${VENDOR} history`]).toBeGreaterThanOrEqual(6)
  })

  it('items on an undocumented channel are yielded as `other` with their raw payload; replies are skipped', async () => {
    sim = await startSimulator({
      seed: 44,
      records: { [VENDOR]: 300 },
      frozen: true,
      faults: {
        [VENDOR]: [
          { kind: 'drift', drift: 'undocumented-channel', routes: ['history'], records: 0.3 },
          { kind: 'drift', drift: 'inbound-reply', routes: ['history'], records: 0.2 },
        ],
      },
    })
    const window = fullWindow(sim)
    const expected = sim.truth.expected(VENDOR, { ...window, channel: 'rcs' })
    const invalid: RcsError[] = []
    const records = await collect(
      clientFor(sim, { pageSize: 40 }).list({ ...window, channel: 'rcs', onInvalid: (e) => invalid.push(e) }),
    )
    expect(invalid).toEqual([])
    expect(byId(records)).toEqual(expected)
    const other = records.filter((r) => r.channel === 'other')
    expect(other.length).toBeGreaterThan(0)
    expect(other.every((r) => (r.raw as { channel?: unknown }).channel === 'RCS_BUSINESS')).toBe(true)
    expect(records.some((r) => r.id.endsWith('-reply'))).toBe(false)
  })
})

import { loadClient, type RcsClient } from '@rcs-records/core'
import { type Simulator, startSimulator, VENDORS, type Vendor } from '@rcs-records/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RecordStore, syncToStore } from '../src/index.js'
import { ENGINES, openTestStore } from './helpers/databases.js'
import { collect } from './helpers/records.js'

const HOUR = 3_600_000

const clientFor = (sim: Simulator, vendor: Vendor): Promise<RcsClient> =>
  loadClient({ provider: vendor, ...sim.config[vendor] }, { importModule: (name) => import(name), clock: sim.clock })

/** What a correct sync stores: every record of the window (partner-gateway lists one channel: RCS by default). */
const truthOf = (sim: Simulator, vendor: Vendor, from: string) =>
  sim.truth.expected(vendor, vendor === 'partner-gateway' ? { from, channel: 'rcs' } : { from })

/**
 * The statuses after merging what the vendor says now into what was stored: a status the vendor now reports as
 * `unknown` does not overwrite a known one (`mergeRecords`).
 */
const merged = (before: Map<string, string>, now: Map<string, string>) =>
  new Map(
    [...now].map(([id, status]) => {
      const previous = before.get(id)
      return [id, status === 'unknown' && previous !== undefined ? previous : status]
    }),
  )

/** provider → id → status in the store. */
const storedStatuses = async (store: RecordStore, provider: string) =>
  new Map((await collect(store.query({ provider }))).map((record) => [record.id, record.status]))

describe.each(ENGINES)('syncToStore on %s', (engine) => {
  let sim: Simulator
  let store: RecordStore & { dispose: () => Promise<void> }
  beforeAll(async () => {
    sim = await startSimulator({ seed: 19, records: 1_200, windowMs: 2 * 24 * HOUR, frozen: true })
    store = await openTestStore(engine, { batchSize: 250 })
  })
  afterAll(async () => {
    await store?.dispose()
    await sim?.close()
  })

  it.each(VENDORS)(
    '%s: lists the window into the store, equal to the ground truth; a repeat changes nothing',
    async (vendor) => {
      const client = await clientFor(sim, vendor)
      const from = sim.truth.window(vendor).from
      const progress: string[] = []
      const report = await syncToStore(client, store, {
        from,
        clock: sim.clock,
        sliceMs: 6 * HOUR,
        batchSize: 100,
        onProgress: (p) => progress.push(p.coveredUntil),
      })
      const truth = truthOf(sim, vendor, from)
      expect(await storedStatuses(store, vendor)).toEqual(truth)
      expect(report.listed).toBe(truth.size)
      expect(report.applied).toMatchObject({ inserted: truth.size, changed: 0 })
      expect(progress.length).toBeGreaterThan(8)
      expect(await store.checkpoint(`sync:${vendor}`)).toContain(new Date(sim.clock.now()).toISOString())

      const changesBefore = (await collect(store.changes())).length
      const again = await syncToStore(client, store, { from, clock: sim.clock })
      // The repeat lists only the last 5 minutes again, and refreshes what is not final: nothing moved, nothing changes.
      expect(Date.parse(again.listedFrom)).toBe(sim.clock.now() - 5 * 60_000)
      expect(again.applied.inserted + again.applied.changed + again.refresh.applied.changed).toBe(0)
      expect((await collect(store.changes())).length).toBe(changesBefore)
    },
  )

  it('an aborted sync keeps what it committed and the next run resumes from its checkpoint', async () => {
    const client = await clientFor(sim, 'bsg')
    const from = sim.truth.window('bsg').from
    const key = 'abort:bsg'
    const controller = new AbortController()
    let commits = 0
    const aborted = await syncToStore(client, store, {
      from,
      key,
      clock: sim.clock,
      sliceMs: 4 * HOUR,
      batchSize: 50,
      signal: controller.signal,
      onProgress: () => {
        if (++commits === 6) controller.abort()
      },
    }).catch((error: unknown) => error)
    expect(aborted).toBeInstanceOf(Error)
    const saved = JSON.parse((await store.checkpoint(key)) ?? '{}') as { until?: string }
    expect(Date.parse(saved.until ?? '')).toBeGreaterThan(Date.parse(from))
    expect(Date.parse(saved.until ?? '')).toBeLessThan(sim.clock.now())
    const resumed = await syncToStore(client, store, { from, key, clock: sim.clock, sliceMs: 4 * HOUR })
    expect(Date.parse(resumed.listedFrom)).toBe(Date.parse(saved.until as string) - 5 * 60_000)
    expect(await storedStatuses(store, 'bsg')).toEqual(truthOf(sim, 'bsg', from))
  })

  it('a repeated sync later refreshes records that were not final (getMany, modifiedSince, relist per vendor)', async () => {
    const clients = await Promise.all(VENDORS.map((vendor) => clientFor(sim, vendor)))
    const before = new Map<Vendor, Map<string, string>>()
    for (const [index, vendor] of VENDORS.entries()) {
      await syncToStore(clients[index] as RcsClient, store, {
        from: sim.truth.window(vendor).from,
        key: `refresh:${vendor}`,
        clock: sim.clock,
      })
      expect(await store.count({ provider: vendor, final: false })).toBeGreaterThan(0)
      before.set(vendor, await storedStatuses(store, vendor))
    }
    // Six hours later, statuses have moved on.
    sim.clock.advance(6 * HOUR)
    for (const [index, vendor] of VENDORS.entries()) {
      const from = sim.truth.window(vendor).from
      const report = await syncToStore(clients[index] as RcsClient, store, {
        from,
        key: `refresh:${vendor}`,
        clock: sim.clock,
      })
      expect(report.refresh.mode).toBe(
        { 'partner-gateway': 'getMany', spacivox: 'modifiedSince', bsg: 'relist' }[vendor],
      )
      expect(report.refresh.open).toBeGreaterThan(0)
      expect(report.refresh.applied.changed).toBeGreaterThan(0)
      expect(await storedStatuses(store, vendor)).toEqual(
        merged(before.get(vendor) as Map<string, string>, truthOf(sim, vendor, from)),
      )
    }
  })
})

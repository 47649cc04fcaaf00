import type { Vendor } from '@rcs-records/simulator'
import { describe, expect, it } from 'vitest'
import { startFrozenSimulator, truthOf } from './support/simulator.js'
import { compareWithTruth, runList } from './support/sync.js'
import { clientFor, FAST_HTTP, LIST_ROUTE, VENDORS } from './support/vendors.js'

const GENERATED: Readonly<Record<Vendor, number>> = { 'partner-gateway': 6_000, bsg: 5_000, spacivox: 5_000 }
const SETTINGS: Readonly<Record<Vendor, Record<string, unknown>>> = {
  'partner-gateway': { pageSize: 100 },
  bsg: { pageSize: 100 },
  spacivox: { sliceHours: 6, concurrency: 2 },
}
/** Every other listing request, three new records appear in the requested window before the answer is built. */
const INSERTS_PER_HIT = 3

describe.each(VENDORS)('%s: records inserted while paging', (vendor) => {
  it('loses none of the records that were there when the sync started, and yields each record once', async () => {
    const sim = await startFrozenSimulator({
      records: { 'partner-gateway': 0, bsg: 0, spacivox: 0, [vendor]: GENERATED[vendor] },
    })
    try {
      const now = sim.clock.now()
      // Up to one second past the simulator's frozen now, so records inserted "now" are inside the window.
      const window = { from: Math.ceil(Date.parse(sim.truth.window(vendor).from) / 1000) * 1000, to: now + 1000 }
      const before = truthOf(sim, vendor, window)
      sim.faults.add(vendor, { kind: 'insert', every: 2, count: INSERTS_PER_HIT, routes: [LIST_ROUTE[vendor]] })
      const client = clientFor(vendor, { config: { ...sim.config[vendor], ...SETTINGS[vendor] }, http: FAST_HTTP })
      const outcome = await runList(client, { from: new Date(window.from), to: new Date(window.to) })
      expect(outcome.error).toBeNull()

      const inserted = sim.stats().inserted[vendor]
      const listRequests = sim.stats().byRoute[`${vendor} ${LIST_ROUTE[vendor]}`] ?? 0
      expect(inserted).toBe(Math.floor(listRequests / 2) * INSERTS_PER_HIT)
      expect(inserted).toBeGreaterThan(0)
      const after = truthOf(sim, vendor, window)
      expect(after.size).toBe(before.size + inserted)

      const fromStart = compareWithTruth(outcome.records, before)
      expect(fromStart.lost).toEqual([])
      expect(fromStart.wrongStatus).toEqual([])
      expect(fromStart.duplicated).toBe(0)
      expect(fromStart.invalid).toEqual([])
      const fromEnd = compareWithTruth(outcome.records, after)
      expect(fromEnd.unexpected).toEqual([])
      expect(fromEnd.wrongStatus).toEqual([])
      if (vendor === 'partner-gateway') {
        // Newest first: each insert lands at the head and pushes what was already read onto the next page, where it
        // is served again and dropped. Records inserted at the head after the first page are behind the reader.
        expect(sim.stats().recordsServed[vendor]).toBeGreaterThan(outcome.records.length)
        expect(outcome.records.length).toBeGreaterThanOrEqual(before.size)
      } else {
        // Stable order by id (BSG) or one answer per time slice (spacivox): every inserted record is reached too.
        expect(fromEnd.lost).toEqual([])
        expect(outcome.records).toHaveLength(after.size)
      }
    } finally {
      await sim.close()
    }
  })
})

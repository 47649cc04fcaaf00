import { openStore, syncToStore } from '@rcs-records/store'
import type { SimulatorProcess } from './simulator-process.js'
import { collectGarbage, median, since } from './stats.js'
import { benchClient } from './sync-bench.js'

/**
 * A sync into the store (PGlite in memory, or a PostgreSQL database) against the same sync without a store (the client's `list()` over the
 * same window, records dropped), BSG, on the simulator process.
 *
 * @example
 * const result = await benchStoreSync(sim, { rounds: 2 })
 */
export interface StoreSyncResult {
  records: number
  oursMs: number
  baselineMs: number
  /** Our records/s ÷ the plain listing's. Target ≥ 0.5. */
  ratio: number
}

/**
 * Alternates the plain listing and `syncToStore` into a fresh store (`rounds` each) and compares medians.
 *
 * @example
 * (await benchStoreSync(sim, { rounds: 2 })).ratio
 */
export const benchStoreSync = async (
  sim: SimulatorProcess,
  options: { rounds: number; url?: string | undefined },
): Promise<StoreSyncResult> => {
  const window = sim.windows.bsg
  const client = benchClient('bsg', sim.config)
  const ours: number[] = []
  const baseline: number[] = []
  let records = 0
  for (let round = 0; round < options.rounds; round++) {
    collectGarbage()
    const baselineStart = performance.now()
    let count = 0
    for await (const _record of client.list({ from: window.from, to: window.to })) count++
    baseline.push(since(baselineStart))
    const store = await openStore(options.url)
    try {
      // A PostgreSQL database is shared between rounds: start each from an empty state.
      if (store.engine === 'postgres') await store.sql('TRUNCATE rcs_records, rcs_changes, rcs_checkpoints')
      collectGarbage()
      const oursStart = performance.now()
      const report = await syncToStore(client, store, { from: window.from, to: window.to, refresh: false })
      ours.push(since(oursStart))
      if (report.listed !== count || (await store.count()) !== count) {
        throw new Error(`store sync: listed ${report.listed}, stored ${await store.count()}, the listing saw ${count}`)
      }
    } finally {
      await store.close()
    }
    records = count
  }
  const oursMs = median(ours)
  const baselineMs = median(baseline)
  return { records, oursMs, baselineMs, ratio: baselineMs / oursMs }
}

import { adapter as bsg } from '@rcs-records/bsg'
import { type AdapterDefinition, createClient, type RcsClient, silentLogger } from '@rcs-records/core'
import { adapter as partnerGateway } from '@rcs-records/partner-gateway'
import type { Simulator, Vendor } from '@rcs-records/simulator'
import { adapter as spacivox } from '@rcs-records/spacivox'
import { bareSync, PAGE_SIZES } from './baseline-sync.js'
import { collectGarbage, median, since } from './stats.js'

/**
 * A client per vendor with the same page sizes as the baseline. Spacivox fetches one slice at a time here
 * (`concurrency: 1`), sequential like the baseline, with its default adaptive slices: over the 200,000-record week
 * the first slice is the baseline's day (~28,600 records) and the next are cut to ~10,000 records, 19 requests to
 * the baseline's 7. They are left so: cutting slices by density is part of what our `list()` costs (and the bare loop
 * is what a user would write), and the extra 12 requests cost nothing measurable on loopback (the same listing with
 * slicing off, `sliceRecords: 1e9`, 7 requests: 1,719 ms vs 1,668 ms adaptive, medians of 5). `memorySliceHours` lets
 * the memory run use smaller slices (the API has no paging, so a slice's whole body is one response).
 *
 * @example
 * const client = benchClient('bsg', sim.config)
 */
export const benchClient = (vendor: Vendor, config: Simulator['config'], memorySliceHours?: number): RcsClient => {
  const common = { logger: silentLogger, http: { timeoutMs: 120_000 } }
  if (vendor === 'partner-gateway') {
    return createClient({
      ...common,
      adapter: partnerGateway as AdapterDefinition<unknown>,
      config: { ...config['partner-gateway'], pageSize: PAGE_SIZES['partner-gateway'] },
    })
  }
  if (vendor === 'bsg') {
    return createClient({
      ...common,
      adapter: bsg as AdapterDefinition<unknown>,
      config: { ...config.bsg, pageSize: PAGE_SIZES.bsg },
    })
  }
  return createClient({
    ...common,
    adapter: spacivox as AdapterDefinition<unknown>,
    config: { ...config.spacivox, sliceHours: memorySliceHours ?? PAGE_SIZES.spacivoxSliceHours, concurrency: 1 },
  })
}

/**
 * Sync throughput of one adapter against the bare baseline, both over the same window of the same simulator.
 *
 * @example
 * const result = await benchSync('bsg', sim, { rounds: 2 })
 */
export interface SyncResult {
  vendor: Vendor
  records: number
  oursMs: number
  baselineMs: number
  /** Our records/s ÷ the baseline's. Target ≥ 0.8. */
  ratio: number
}

/**
 * Alternates baseline and `list()` runs (`rounds` each) and compares the medians.
 *
 * @example
 * (await benchSync('spacivox', sim, { rounds: 2 })).ratio
 */
export const benchSync = async (
  vendor: Vendor,
  sim: { config: Simulator['config']; windows: Record<Vendor, { from: string; to: string }> },
  options: { rounds: number },
): Promise<SyncResult> => {
  const window = sim.windows[vendor]
  const client = benchClient(vendor, sim.config)
  const ours: number[] = []
  const baseline: number[] = []
  let records = 0
  for (let round = 0; round < options.rounds; round++) {
    collectGarbage()
    const baselineStart = performance.now()
    const bare = await bareSync(vendor, sim.config, window)
    baseline.push(since(baselineStart))
    collectGarbage()
    const oursStart = performance.now()
    let count = 0
    for await (const _record of client.list({ from: window.from, to: window.to })) count++
    ours.push(since(oursStart))
    if (count === 0 || Math.abs(count - bare) > bare * 0.001) {
      throw new Error(`${vendor}: list() yielded ${count} records, the baseline saw ${bare}`)
    }
    records = count
  }
  const oursMs = median(ours)
  const baselineMs = median(baseline)
  return { vendor, records, oursMs, baselineMs, ratio: baselineMs / oursMs }
}

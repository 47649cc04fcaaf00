import type { Vendor } from '@rcs-records/simulator'
import { runMemoryChild } from './memory-bench.js'
import { median } from './stats.js'

/**
 * What the scaling benchmark measured for one vendor at one size: medians over fresh child processes.
 *
 * @example
 * const point: ScalingPoint = { vendor: 'bsg', simulated: 100_000, records: 100_000, runs: 3, usPerRecord: 9.5,
 *   peakGrowthMb: 21, maxRssMb: 110 }
 */
export interface ScalingPoint {
  vendor: Vendor
  /** Records per vendor in the simulator (the size of the row). */
  simulated: number
  /** Records `list()` streamed over the vendor's window (partner-gateway's window holds part of them). */
  records: number
  /** Child processes measured (a fresh one each). */
  runs: number
  /** Wall time per record streamed, in microseconds (median). */
  usPerRecord: number
  /** Peak RSS during the stream minus RSS before it (median), as the memory part measures it. */
  peakGrowthMb: number
  /** The child process's whole peak RSS (median), start-up and warm-up included. */
  maxRssMb: number
}

/**
 * Streams a vendor's whole window `runs` times, each in a fresh process (the memory part's child: a warm-up, then
 * the timed stream with RSS sampled), and reports the medians: time per record and peak RSS at this size.
 *
 * @example
 * const point = await measureScaling('spacivox', sim, { simulated: 100_000, runs: 3 })
 */
export const measureScaling = async (
  vendor: Vendor,
  sim: Parameters<typeof runMemoryChild>[1],
  options: { simulated: number; runs: number },
): Promise<ScalingPoint> => {
  const results = []
  for (let run = 0; run < options.runs; run++) results.push(await runMemoryChild(vendor, sim))
  return {
    vendor,
    simulated: options.simulated,
    records: median(results.map((result) => result.records)),
    runs: results.length,
    usPerRecord: median(results.map((result) => (result.ms * 1000) / Math.max(1, result.records))),
    peakGrowthMb: median(results.map((result) => result.peakGrowthMb)),
    maxRssMb: median(results.map((result) => result.maxRssMb)),
  }
}

/**
 * A size as the table names it: `10k`, `1M`.
 *
 * @example
 * sizeLabel(1_000_000) // '1M'
 */
export const sizeLabel = (records: number): string =>
  records >= 1_000_000 && records % 1_000_000 === 0 ? `${records / 1_000_000}M` : `${records / 1_000}k`

import type { Simulator, Vendor } from '@rcs-records/simulator'
import { collectGarbage, since } from './stats.js'
import { benchClient } from './sync-bench.js'

/**
 * What one memory run measured.
 *
 * @example
 * const result: MemoryResult = { vendor: 'bsg', records: 1_000_000, peakGrowthMb: 20, retainedMb: 0.4, ms: 9000 }
 */
export interface MemoryResult {
  vendor: Vendor
  records: number
  /** Peak RSS during the stream minus RSS before it (after warm-up and a full collection). Target < 64 MB. */
  peakGrowthMb: number
  /** Heap still used after the stream and a full collection, minus before it: what the sync kept. */
  retainedMb: number
  ms: number
}

/** Records read by the warm-up `list()` before the baseline is taken. */
const WARM_UP_RECORDS = 20_000

/**
 * Streams a whole window through `list()` in this process (records are counted and dropped, as a sync that writes
 * them elsewhere would) and samples RSS every 20 ms. A warm-up `list()` over the start of the window comes first, so
 * that compiling the code, opening connections and sizing V8's young generation are not counted as growth.
 *
 * @example
 * const result = await measureMemory('bsg', sim.config, sim.windows.bsg)
 */
export const measureMemory = async (
  vendor: Vendor,
  config: Simulator['config'],
  window: { from: string; to: string },
): Promise<MemoryResult> => {
  const client = benchClient(vendor, config, 1)
  let warmed = 0
  for await (const _record of client.list({ from: window.from, to: window.to })) {
    if (++warmed >= WARM_UP_RECORDS) break
  }
  collectGarbage()
  const heapBefore = process.memoryUsage().heapUsed
  const start = process.memoryUsage.rss()
  let peak = start
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 20)
  const started = performance.now()
  let records = 0
  try {
    for await (const _record of client.list({ from: window.from, to: window.to })) {
      records++
      if ((records & 0x3fff) === 0) peak = Math.max(peak, process.memoryUsage.rss())
    }
  } finally {
    clearInterval(sampler)
  }
  peak = Math.max(peak, process.memoryUsage.rss())
  const ms = since(started)
  collectGarbage()
  const retained = process.memoryUsage().heapUsed - heapBefore
  const mb = (bytes: number) => bytes / 1024 / 1024
  return { vendor, records, peakGrowthMb: mb(peak - start), retainedMb: mb(retained), ms }
}

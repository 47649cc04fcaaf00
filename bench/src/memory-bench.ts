import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Simulator, Vendor } from '@rcs-records/simulator'
import type { MemoryResult } from './memory-run.js'
import { median } from './stats.js'

const runChild = promisify(execFile)
const CHILD = fileURLToPath(new URL('./memory-child.js', import.meta.url))

/**
 * The median run of a vendor's memory benchmark, with the spread of peaks over all runs.
 *
 * @example
 * const { peakGrowthMb, peaksMb } = await benchMemory('bsg', sim, { runs: 3 })
 */
export interface MemoryBenchResult extends MemoryResult {
  /** Peak RSS growth of every run, ascending (the median run's is `peakGrowthMb`). */
  peaksMb: number[]
}

/**
 * Peak RSS growth while `list()` streams a whole window, measured `runs` times, each in a fresh Node process (with
 * `--expose-gc`), so that no vendor inherits the heap another left behind and the order of the runs does not matter.
 * Reports the median run: the peak is mostly garbage V8 has not collected yet, and how much it lets pile up varies
 * from run to run on a loaded machine by a factor of two.
 *
 * @example
 * const { peakGrowthMb } = await benchMemory('bsg', sim, { runs: 3 })
 */
export const benchMemory = async (
  vendor: Vendor,
  sim: { config: Simulator['config']; windows: Record<Vendor, { from: string; to: string }> },
  options: { runs: number },
): Promise<MemoryBenchResult> => {
  const input = JSON.stringify({ vendor, config: sim.config, window: sim.windows[vendor] })
  const results: MemoryResult[] = []
  for (let run = 0; run < options.runs; run++) {
    const { stdout } = await runChild(process.execPath, ['--expose-gc', CHILD, input], { maxBuffer: 1024 * 1024 })
    results.push(JSON.parse(stdout) as MemoryResult)
  }
  const peaksMb = results.map((result) => result.peakGrowthMb).sort((a, b) => a - b)
  const middle = median(peaksMb)
  const chosen = results.find((result) => result.peakGrowthMb === middle) ?? (results[0] as MemoryResult)
  return { ...chosen, peakGrowthMb: middle, peaksMb }
}

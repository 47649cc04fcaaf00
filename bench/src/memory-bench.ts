import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Simulator, Vendor } from '@rcs-records/simulator'
import type { MemoryResult } from './memory-run.js'
import { median } from './stats.js'

const runChild = promisify(execFile)
const CHILD = fileURLToPath(new URL('./memory-child.js', import.meta.url))

/**
 * One memory run in a fresh process: the {@link MemoryResult} and the process's whole peak RSS.
 *
 * @example
 * const { peakGrowthMb, maxRssMb } = await runMemoryChild('bsg', sim)
 */
export interface ChildMemoryResult extends MemoryResult {
  /** The child process's peak RSS as the kernel counted it (`maxRSS`), start-up and warm-up included. */
  maxRssMb: number
}

/** The simulator side of a memory run: its configs and each vendor's window. */
type SimulatorWindows = { config: Simulator['config']; windows: Record<Vendor, { from: string; to: string }> }

/**
 * Streams the vendor's whole window through `list()` in a fresh Node process (with `--expose-gc`, see
 * `measureMemory`), so that no run inherits the heap another left behind, and reads back what it measured.
 *
 * @example
 * const { records, ms, maxRssMb } = await runMemoryChild('spacivox', sim)
 */
export const runMemoryChild = async (vendor: Vendor, sim: SimulatorWindows): Promise<ChildMemoryResult> => {
  const input = JSON.stringify({ vendor, config: sim.config, window: sim.windows[vendor] })
  const { stdout } = await runChild(process.execPath, ['--expose-gc', CHILD, input], { maxBuffer: 1024 * 1024 })
  return JSON.parse(stdout) as ChildMemoryResult
}

/**
 * The median run of a vendor's memory benchmark, with the spread of peaks over all runs.
 *
 * @example
 * const { peakGrowthMb, peaksMb } = await benchMemory('bsg', sim, { runs: 3 })
 */
export interface MemoryBenchResult extends ChildMemoryResult {
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
  sim: SimulatorWindows,
  options: { runs: number },
): Promise<MemoryBenchResult> => {
  const results: ChildMemoryResult[] = []
  for (let run = 0; run < options.runs; run++) results.push(await runMemoryChild(vendor, sim))
  const peaksMb = results.map((result) => result.peakGrowthMb).sort((a, b) => a - b)
  const middle = median(peaksMb)
  const chosen = results.find((result) => result.peakGrowthMb === middle) ?? (results[0] as ChildMemoryResult)
  return { ...chosen, peakGrowthMb: middle, peaksMb }
}

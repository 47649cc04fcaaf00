import type { Simulator, Vendor } from '@rcs-records/simulator'
import { CLI_MODES, type CliMode, type CliRun, runCli } from './cli-memory.js'
import { type BenchRow, fmt } from './report.js'
import { median } from './stats.js'

/** The budget: peak RSS of the whole `rcs-records` process, whatever the window's size. */
export const CLI_PEAK_RSS_MB = 150

/**
 * The `cli` part of `pnpm bench`: for one vendor, runs the real `rcs-records` binary over the simulator's whole
 * window in every mode of {@link CLI_MODES} or of `modes` (`runs` fresh processes each) and reports the median peak RSS of the
 * process against the 150 MB budget, with the records written and the throughput.
 *
 * @example
 * rows.push(...(await benchCli('bsg', sim, { runs: 1, log: console.error })))
 */
export const benchCli = async (
  vendor: Vendor,
  sim: { config: Simulator['config']; windows: Record<Vendor, { from: string; to: string; count: number }> },
  options: { runs: number; log: (text: string) => void; modes?: readonly CliMode[]; lastHours?: number },
): Promise<BenchRow[]> => {
  const rows: BenchRow[] = []
  // partner-gateway lists one channel per query (RCS by default), so its window holds more than one listing returns;
  // every mode must still write exactly what the first one did.
  let expected: number | null =
    vendor === 'partner-gateway' || options.lastHours !== undefined ? null : sim.windows[vendor].count
  for (const mode of options.modes ?? CLI_MODES) {
    options.log(`cli ${vendor} ${mode.name}: ${fmt(sim.windows[vendor].count)} records × ${options.runs}`)
    const runs: CliRun[] = []
    for (let run = 0; run < options.runs; run++) {
      runs.push(
        await runCli(vendor, mode, sim, options.lastHours === undefined ? {} : { lastHours: options.lastHours }),
      )
    }
    const peaks = runs.map((run) => run.peakRssMb).sort((a, b) => a - b)
    const peak = median(peaks)
    const ms = median(runs.map((run) => run.ms))
    const records = runs[0]?.records ?? 0
    expected ??= records
    const wrong = runs.find((run) => run.records !== expected)
    if (wrong !== undefined) {
      throw new Error(`rcs-records ${mode.name} (${vendor}) gave ${wrong.records} records instead of ${expected}`)
    }
    rows.push({
      benchmark: `cli ${vendor} ${mode.name}`,
      measured: `${peak.toFixed(1)} MB`,
      target: `≤ ${CLI_PEAK_RSS_MB} MB peak RSS`,
      ok: peak <= CLI_PEAK_RSS_MB,
      detail: `${fmt(records)} records in ${fmt(ms / 1000, 1)} s (${fmt(records / (ms / 1000))} rec/s); peak RSS of the rcs-records process, median of ${runs.length} (${peaks.map((value) => value.toFixed(0)).join(' / ')} MB)`,
    })
  }
  return rows
}

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadClient } from '@rcs-records/core'
import { startSimulator } from '@rcs-records/simulator'
import type { SyncReport } from '@rcs-records/store'
import { syncOnce } from './sync-once.js'

const HOUR = 3_600_000

/**
 * Keeps a local copy of spacivox records in an embedded store (PGlite in a directory): a first full run, then every
 * (simulated) hour a run that lists only the new records and refreshes the ones not final yet. The simulator clock
 * is frozen and moved by hand, and the client and the sync use it, so four hours pass in an instant.
 *
 * @example
 * import { main } from './main.js'
 * const { runs, stored, truth } = await main({ print: console.log, hours: 4 })
 */
export const main = async (options: {
  print: (line: string) => void
  hours?: number
}): Promise<{ runs: SyncReport[]; stored: Map<string, string>; truth: Map<string, string> }> => {
  const simulator = await startSimulator({ seed: 21, records: 1_500, windowMs: 2 * 24 * HOUR, frozen: true })
  const dir = await mkdtemp(join(tmpdir(), 'rcs-incremental-sync-'))
  try {
    const client = await loadClient(
      { provider: 'spacivox', ...simulator.config.spacivox },
      { importModule: (name) => import(name), clock: simulator.clock },
    )
    const storeUrl = `pglite:${join(dir, 'store')}`
    const start = simulator.truth.window('spacivox').from
    const runs: SyncReport[] = []
    let stored = new Map<string, string>()
    for (let hour = 0; hour <= (options.hours ?? 4); hour += 1) {
      if (hour > 0) simulator.clock.advance(HOUR)
      const result = await syncOnce({ client, storeUrl, start, clock: simulator.clock })
      runs.push(result.report)
      stored = result.stored
      const { report } = result
      options.print(
        `${report.to}  listed ${String(report.listed).padStart(5)} from ${report.listedFrom}, ` +
          `${String(report.applied.inserted).padStart(5)} new; refresh (${report.refresh.mode}) of ` +
          `${report.refresh.open} open: ${report.refresh.listed} read, ${report.refresh.applied.changed} changed; ` +
          `stored ${stored.size}`,
      )
    }
    const truth = new Map<string, string>(simulator.truth.expected('spacivox', { from: start }))
    return { runs, stored, truth }
  } finally {
    await rm(dir, { recursive: true, force: true })
    await simulator.close()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main({ print: (line) => console.log(line) })
}

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadClient } from '@rcs-records/core'
import { startSimulator } from '@rcs-records/simulator'
import { createMemoryStore, type MemoryRecordStore, type SyncResult } from '@rcs-records/spacivox'
import { syncOnce } from './sync-once.js'

const HOUR = 3_600_000

/**
 * Keeps a local copy of spacivox records: a first full run, then every (simulated) hour an incremental run that
 * asks only for records modified since the checkpoint. The simulator clock is frozen and moved by hand, and the
 * client and the sync use it, so four hours pass in an instant.
 *
 * @example
 * import { main } from './main.js'
 * const { runs, store } = await main({ print: console.log, hours: 4 })
 */
export const main = async (options: {
  print: (line: string) => void
  hours?: number
}): Promise<{ runs: SyncResult[]; store: MemoryRecordStore; truth: Map<string, string> }> => {
  const simulator = await startSimulator({ seed: 21, records: 1_500, windowMs: 2 * 24 * HOUR, frozen: true })
  const dir = await mkdtemp(join(tmpdir(), 'rcs-incremental-sync-'))
  try {
    const client = await loadClient(
      { provider: 'spacivox', ...simulator.config.spacivox },
      { importModule: (name) => import(name), clock: simulator.clock },
    )
    const store = createMemoryStore()
    const checkpointFile = join(dir, 'spacivox.checkpoint.json')
    const start = simulator.truth.window('spacivox').from
    const runs: SyncResult[] = []
    for (let hour = 0; hour <= (options.hours ?? 4); hour += 1) {
      if (hour > 0) simulator.clock.advance(HOUR)
      const result = await syncOnce({ client, store, checkpointFile, start, now: simulator.clock.now() })
      runs.push(result)
      options.print(
        `${result.checkpoint.syncedAt}  ${result.mode.padEnd(11)} listed ${String(result.seen).padStart(5)}, changed ${String(result.changed.length).padStart(5)}, stored ${store.records.size}`,
      )
    }
    const truth = new Map<string, string>(simulator.truth.expected('spacivox', { from: start }))
    return { runs, store, truth }
  } finally {
    await rm(dir, { recursive: true, force: true })
    await simulator.close()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main({ print: (line) => console.log(line) })
}

import type { RcsClient } from '@rcs-records/core'
import { type RecordStore, type SyncResult, syncIncrementally } from '@rcs-records/spacivox'
import { loadCheckpoint, saveCheckpoint } from './file-checkpoint.js'

/**
 * One sync run: load the checkpoint, list what changed since (spacivox's `modifiedSince`, via the adapter's
 * `syncIncrementally`, which merges every record into the store with core's `mergeRecords`), and save the new
 * checkpoint only after the run succeeded — a failed run is simply repeated next time.
 *
 * @example
 * import { createMemoryStore } from '@rcs-records/spacivox'
 * import { syncOnce } from './sync-once.js'
 * const result = await syncOnce({ client, store: createMemoryStore(), checkpointFile: './cp.json', start: '2026-01-01T00:00:00Z' })
 */
export const syncOnce = async (options: {
  client: RcsClient
  store: RecordStore
  checkpointFile: string
  start: string | Date
  now?: number
}): Promise<SyncResult> => {
  const checkpoint = await loadCheckpoint(options.checkpointFile)
  const result = await syncIncrementally({
    client: options.client,
    store: options.store,
    checkpoint,
    start: options.start,
    ...(options.now === undefined ? {} : { now: options.now }),
  })
  await saveCheckpoint(options.checkpointFile, result.checkpoint)
  return result
}

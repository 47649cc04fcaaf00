import type { Channel } from '@rcs-records/core'
import type { RecordStore } from '../store.js'

/**
 * What `syncToStore` keeps under its checkpoint key (JSON text): the creation-time range its listings have covered,
 * `[from, until)`, and when its last complete run started (what `modifiedSince` asks from on the next run).
 *
 * @example
 * import type { SyncCheckpoint } from '@rcs-records/store'
 * const cp: SyncCheckpoint = { version: 1, from: '2026-01-01T00:00:00.000Z', until: '2026-01-02T00:00:00.000Z', lastRunAt: null }
 */
export interface SyncCheckpoint {
  version: 1
  from: string
  until: string
  lastRunAt: string | null
}

const isIso = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value))

/**
 * Reads a checkpoint's text; null when there is none or it is not one of ours (then the sync starts over, which
 * only repeats work: merging is idempotent).
 */
export const parseCheckpoint = (text: string | null): SyncCheckpoint | null => {
  if (text === null) return null
  try {
    const value = JSON.parse(text) as Partial<SyncCheckpoint>
    if (value.version !== 1 || !isIso(value.from) || !isIso(value.until)) return null
    return {
      version: 1,
      from: value.from,
      until: value.until,
      lastRunAt: isIso(value.lastRunAt) ? value.lastRunAt : null,
    }
  } catch {
    return null
  }
}

/** The text of a checkpoint. */
export const checkpointText = (checkpoint: SyncCheckpoint): string => JSON.stringify(checkpoint)

/**
 * The checkpoint key `syncToStore` uses by default: `sync:<provider>`, or `sync:<provider>:<channel>` for a sync of
 * one channel.
 *
 * @example
 * import { syncCheckpointKey } from '@rcs-records/store'
 * syncCheckpointKey('bsg') // 'sync:bsg'
 */
export const syncCheckpointKey = (provider: string, channel?: Channel): string =>
  channel === undefined ? `sync:${provider}` : `sync:${provider}:${channel}`

/**
 * Where a sync stands: the creation-time range `[from, until)` its listings have committed and when its last
 * complete run started — or null when nothing was synced under `key` yet. A sync continues the range when its `from`
 * lies within it (the command line passes `from` to carry on without repeating the first `--from`).
 *
 * @example
 * import { openStore, readSyncCheckpoint, syncCheckpointKey } from '@rcs-records/store'
 * const store = await openStore('./rcs-records-data')
 * const state = await readSyncCheckpoint(store, syncCheckpointKey('bsg'))
 * console.log(state === null ? 'never synced' : `covered ${state.from} → ${state.until}`)
 * await store.close()
 */
export const readSyncCheckpoint = async (store: RecordStore, key: string): Promise<SyncCheckpoint | null> =>
  parseCheckpoint(await store.checkpoint(key))

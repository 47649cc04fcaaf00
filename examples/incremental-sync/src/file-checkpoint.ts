import { readFile, rename, writeFile } from 'node:fs/promises'
import type { SyncCheckpoint } from '@rcs-records/spacivox'

/**
 * Reads the checkpoint a previous run saved, or null on the first run (no file yet).
 *
 * @example
 * import { loadCheckpoint } from './file-checkpoint.js'
 * const checkpoint = await loadCheckpoint('./spacivox.checkpoint.json')
 */
export const loadCheckpoint = async (path: string): Promise<SyncCheckpoint | null> => {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as { syncedAt?: unknown }
    return typeof value.syncedAt === 'string' ? { syncedAt: value.syncedAt } : null
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null
    throw error
  }
}

/**
 * Saves a checkpoint atomically (write a temporary file, then rename), so a crash never leaves half a file.
 *
 * @example
 * import { saveCheckpoint } from './file-checkpoint.js'
 * await saveCheckpoint('./spacivox.checkpoint.json', result.checkpoint)
 */
export const saveCheckpoint = async (path: string, checkpoint: SyncCheckpoint): Promise<void> => {
  const temporary = `${path}.tmp`
  await writeFile(temporary, `${JSON.stringify(checkpoint)}\n`)
  await rename(temporary, path)
}

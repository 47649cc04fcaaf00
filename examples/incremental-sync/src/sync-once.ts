import type { Clock, RcsClient } from '@rcs-records/core'
import { openStore, type SyncReport, syncToStore } from '@rcs-records/store'

/**
 * One sync run, as a cron job would do it: open the store (a PGlite directory), sync the window into it, close it.
 * The checkpoint lives in the store and commits with the records it covers, so a run that fails or is killed is
 * simply repeated by the next one; later runs list only what is new and refresh what is not final yet (spacivox:
 * `modifiedSince`, within its 48 hours).
 *
 * @example
 * import { syncOnce } from './sync-once.js'
 * const report = await syncOnce({ client, storeUrl: './rcs-records-data', start: '2026-01-01T00:00:00Z' })
 */
export const syncOnce = async (options: {
  client: RcsClient
  storeUrl: string
  start: string | Date
  clock?: Pick<Clock, 'now'>
}): Promise<{ report: SyncReport; stored: Map<string, string> }> => {
  const store = await openStore(options.storeUrl)
  try {
    const report = await syncToStore(options.client, store, {
      from: options.start,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    })
    const stored = new Map<string, string>()
    for await (const record of store.query({ provider: options.client.provider })) stored.set(record.id, record.status)
    return { report, stored }
  } finally {
    await store.close()
  }
}

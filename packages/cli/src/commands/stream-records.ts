import type { ListQuery, RcsClient, RcsRecord } from '@rcs-records/core'
import type { ListFilters } from '../args/command.js'
import { startHeapGovernor } from '../runtime/heap-governor.js'
import { untilAborted } from '../runtime/until-aborted.js'
import type { Session } from './session.js'

/**
 * The filters of `list`/`report` as core's ListQuery.
 */
export const listQueryOf = (filters: ListFilters, signal: AbortSignal): ListQuery => {
  const { status, channel, campaign, reference, modifiedSince, pageSize, strict } = filters
  return {
    from: filters.from,
    to: filters.to,
    ...(status === undefined ? {} : { status }),
    ...(channel === undefined ? {} : { channel }),
    ...(campaign === undefined ? {} : { campaign }),
    ...(reference === undefined ? {} : { reference }),
    ...(modifiedSince === undefined ? {} : { modifiedSince }),
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(strict === undefined ? {} : { strict }),
    signal,
  }
}

/**
 * Lists the window from each client in turn, handing every record to `onRecord` and drawing progress. When
 * `onRecord` returns a promise (the output is behind), the next record is pulled only once it resolves, so a slow
 * reader never makes records pile up. Stops early, quietly, when the session is interrupted or the output closed. Counts the records seen per provider into `counts`
 * as it goes (so they are known even when a list fails half-way) and returns it.
 */
export const streamRecords = async (
  session: Session,
  clients: readonly RcsClient[],
  filters: ListFilters,
  onRecord: (record: RcsRecord) => Promise<void> | null | undefined | void,
  counts: Map<string, number> = new Map(),
): Promise<Map<string, number>> => {
  const { signal } = session.scope
  const stopGovernor = startHeapGovernor()
  try {
    for (const client of clients) {
      if (signal.aborted) break
      counts.set(client.provider, 0)
      session.progress.start(client.provider, filters.from, filters.to)
      try {
        for await (const record of untilAborted(client.list(listQueryOf(filters, signal)), signal)) {
          const wait = onRecord(record)
          if (wait) await wait
          counts.set(client.provider, (counts.get(client.provider) ?? 0) + 1)
          session.progress.tick(record)
        }
      } catch (error) {
        if (!signal.aborted) throw error
      } finally {
        session.progress.stop()
      }
    }
  } finally {
    stopGovernor()
  }
  return counts
}

/**
 * `N records` or `N records (bsg 10, spacivox 5)`.
 */
export const describeCounts = (counts: ReadonlyMap<string, number>): string => {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0)
  const head = `${total.toLocaleString('en-US')} record${total === 1 ? '' : 's'}`
  if (counts.size < 2) return head
  return `${head} (${[...counts].map(([provider, count]) => `${provider} ${count.toLocaleString('en-US')}`).join(', ')})`
}

import { RcsError, type RcsRecord } from '@rcs-records/core'
import type { Queryable } from './driver/driver.js'
import { decodeRow, SELECT_COLUMNS } from './row.js'

/**
 * One entry of the change feed: the record as merged by that change, and the cursor to resume after it.
 *
 * @example
 * import type { StoreChange } from '@rcs-records/store'
 * const describe = (c: StoreChange) => `${c.cursor}: ${c.record.provider}/${c.record.id} is ${c.record.status}`
 */
export interface StoreChange {
  /** Opaque, increasing: pass it as `after` to continue behind this change. */
  cursor: string
  record: RcsRecord
  /** The `source` the change was applied with (`'sync'`, `'webhook'`…), or null. */
  source: string | null
  /** When the change was written (the database's clock), ISO-8601 UTC. */
  committedAt: string
}

/**
 * Options of {@link RecordStore.changes}.
 *
 * @example
 * import type { ChangesOptions } from '@rcs-records/store'
 * declare const savedCursor: string // the cursor of the last change processed
 * const next: ChangesOptions = { after: savedCursor, limit: 1_000 }
 */
export interface ChangesOptions {
  /** A cursor from an earlier change: only changes after it. Default: from the first change. */
  after?: string | null
  /** At most this many changes (default: every change committed so far). */
  limit?: number
}

const PAGE = 500

const cursorOf = (after: string | null | undefined): string => {
  if (after === undefined || after === null || after === '') return '0'
  if (!/^\d{1,19}$/.test(after)) {
    throw new RcsError({
      kind: 'bad_request',
      message: `store: changes: \`after\` is not a cursor of this store: ${JSON.stringify(after).slice(0, 40)}`,
    })
  }
  return after
}

/**
 * Streams the change log in commit order (see `apply.ts`: change numbers are taken under a lock held to commit), a
 * page at a time, up to the changes committed when each page is read; resumable from any cursor.
 */
export async function* streamChanges(db: Queryable, options: ChangesOptions = {}): AsyncGenerator<StoreChange> {
  let after = cursorOf(options.after)
  const limit = options.limit
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw new RcsError({ kind: 'bad_request', message: 'store: changes: `limit` must be a whole number ≥ 0' })
  }
  let left = limit ?? Number.POSITIVE_INFINITY
  while (left > 0) {
    const size = Math.min(PAGE, left)
    const rows = await db.query<Record<string, unknown>>(
      `SELECT t.seq::text AS seq, t.source AS change_source, rcs_ts_to_ms(t.committed_at) AS committed_ms, ${SELECT_COLUMNS}
       FROM rcs_changes t WHERE t.seq > $1::bigint ORDER BY t.seq LIMIT ${size}`,
      [after],
    )
    for (const row of rows) {
      yield {
        cursor: row.seq as string,
        record: decodeRow(row),
        source: row.change_source as string | null,
        committedAt: new Date(Number(row.committed_ms)).toISOString(),
      }
    }
    left -= rows.length
    if (rows.length < size) return
    after = (rows[rows.length - 1] as Record<string, unknown>).seq as string
  }
}

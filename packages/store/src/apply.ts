import { mergeRecords, type RcsRecord } from '@rcs-records/core'
import type { Queryable } from './driver/driver.js'
import { CHANGE_LOG_LOCK, LOCK_NAMESPACE } from './migrations.js'
import {
  COLUMN_LIST,
  decodeRow,
  encodeRow,
  RECORD_COLUMNS,
  RECORDSET_TYPES,
  RECORDSET_VALUES,
  SELECT_COLUMNS,
} from './row.js'
import { sameData } from './same.js'

/**
 * What one `apply` did, per observation: each record given is `inserted` (the first sight of its message),
 * `changed` (the merged record differs from what was stored before it) or `unchanged` (nothing new: a duplicate, a
 * stale or a lower-ranked observation). `received = inserted + changed + unchanged`.
 *
 * @example
 * import type { ApplyResult } from '@rcs-records/store'
 * const summary = (r: ApplyResult) => `${r.inserted} new, ${r.changed} changed of ${r.received}`
 */
export interface ApplyResult {
  received: number
  inserted: number
  changed: number
  unchanged: number
}

/** Adds `b` into `a`. */
export const addResults = (a: ApplyResult, b: ApplyResult): ApplyResult => ({
  received: a.received + b.received,
  inserted: a.inserted + b.inserted,
  changed: a.changed + b.changed,
  unchanged: a.unchanged + b.unchanged,
})

export const emptyResult = (): ApplyResult => ({ received: 0, inserted: 0, changed: 0, unchanged: 0 })

interface Group {
  provider: string
  id: string
  observations: RcsRecord[]
}

/** The observations of a batch per message, messages in a stable order (provider, then id, by code unit). */
const groupByMessage = (records: readonly RcsRecord[]): Group[] => {
  const groups = new Map<string, Group>()
  for (const record of records) {
    const key = `${record.provider.length}:${record.provider}${record.id}`
    const group = groups.get(key)
    if (group === undefined) groups.set(key, { provider: record.provider, id: record.id, observations: [record] })
    else group.observations.push(record)
  }
  return [...groups.values()].sort((a, b) =>
    a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  )
}

/** Folds observations into the stored record (or none) with `mergeRecords`, counting what each one did. */
const fold = (current: RcsRecord | undefined, observations: readonly RcsRecord[], counts: ApplyResult): RcsRecord => {
  let state = current
  for (const observation of observations) {
    const next = mergeRecords(state, observation)
    if (state === undefined) counts.inserted++
    else if (sameData(next, state)) counts.unchanged++
    else counts.changed++
    state = next
  }
  return state as RcsRecord
}

const INSERT_NEW = `INSERT INTO rcs_records (${COLUMN_LIST}, source)
  SELECT ${RECORDSET_VALUES}, $2::text FROM json_to_recordset($1::json) AS r(${RECORDSET_TYPES})
  ON CONFLICT (provider, id) DO NOTHING
  RETURNING provider, id`

// Row locks in one order for every writer (ORDER BY under FOR UPDATE locks rows in output order), so two batches
// touching the same messages wait for each other instead of deadlocking.
const LOCK_EXISTING = `SELECT ${SELECT_COLUMNS} FROM rcs_records t
  JOIN unnest($1::text[], $2::text[]) AS k(provider, id) ON t.provider = k.provider AND t.id = k.id
  ORDER BY t.provider, t.id
  FOR UPDATE OF t`

const UPDATE_COLUMNS = RECORD_COLUMNS.map(([name]) => name).filter((name) => name !== 'provider' && name !== 'id')
const UPDATE_VALUES = RECORDSET_VALUES.split(', ').slice(2).join(', ')
const UPDATE_CHANGED = `UPDATE rcs_records AS t SET (${UPDATE_COLUMNS.join(', ')}) = ROW(${UPDATE_VALUES}),
    changed_at = now(), source = $2::text
  FROM json_to_recordset($1::json) AS r(${RECORDSET_TYPES})
  WHERE t.provider = r.provider AND t.id = r.id`

const APPEND_CHANGES = `INSERT INTO rcs_changes (seq, source, ${COLUMN_LIST})
  SELECT nextval('rcs_changes_seq'), $3::text, ${COLUMN_LIST.split(', ')
    .map((name) => `t.${name}`)
    .join(', ')}
  FROM rcs_records t
  JOIN unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(provider, id, n) ON t.provider = k.provider AND t.id = k.id
  ORDER BY k.n`

const keyOf = (provider: string, id: string) => `${provider.length}:${provider}${id}`

/**
 * Merges one validated batch into the store, inside the caller's transaction:
 * 1. new messages are inserted as the fold of their observations (`INSERT … ON CONFLICT DO NOTHING`, in a stable
 *    key order); a message another writer inserted meanwhile conflicts and is handled as existing;
 * 2. existing messages are locked (`SELECT … FOR UPDATE`, in a stable key order), folded with their observations
 *    by `mergeRecords` in JavaScript (exactly its rules), and written back only when the result differs;
 * 3. every inserted or changed message gets a change-log entry, appended under a transaction-level advisory lock
 *    held until commit: change numbers are then handed out in commit order, so a reader that sees change n has
 *    seen every change before it (a plain sequence would not be: change 11 can commit before change 10).
 * A message's row is locked from its first write (the insert, or the `FOR UPDATE`) to commit, so concurrent
 * batches apply one after the other per message: the result is a sequential `mergeRecords` fold of all of them.
 */
export const applyBatch = async (
  tx: Queryable,
  records: readonly RcsRecord[],
  source: string | null,
): Promise<ApplyResult> => {
  const counts: ApplyResult = { received: records.length, inserted: 0, changed: 0, unchanged: 0 }
  if (records.length === 0) return counts
  let pending = groupByMessage(records)
  const changedKeys: Group[] = []
  for (let round = 0; pending.length > 0; round++) {
    // 1. Insert what is new.
    const candidates = new Map<string, ApplyResult>()
    const rows = pending.map((group) => {
      const local = emptyResult()
      candidates.set(keyOf(group.provider, group.id), local)
      return encodeRow(fold(undefined, group.observations, local))
    })
    const inserted = await tx.query<{ provider: string; id: string }>(INSERT_NEW, [JSON.stringify(rows), source])
    const insertedKeys = new Set(inserted.map((row) => keyOf(row.provider, row.id)))
    const existing: Group[] = []
    for (const group of pending) {
      const key = keyOf(group.provider, group.id)
      if (insertedKeys.has(key)) {
        const local = candidates.get(key) as ApplyResult
        counts.inserted += local.inserted
        counts.changed += local.changed
        counts.unchanged += local.unchanged
        changedKeys.push(group)
      } else {
        existing.push(group)
      }
    }
    if (existing.length === 0) break
    // 2. Lock, merge and update what exists.
    const locked = await tx.query<Record<string, unknown>>(LOCK_EXISTING, [
      existing.map((group) => group.provider),
      existing.map((group) => group.id),
    ])
    const stored = new Map(locked.map((row) => [keyOf(row.provider as string, row.id as string), decodeRow(row)]))
    const updates: ReturnType<typeof encodeRow>[] = []
    const missing: Group[] = []
    for (const group of existing) {
      const current = stored.get(keyOf(group.provider, group.id))
      if (current === undefined) {
        // Not inserted (a conflict) yet not there: only a concurrent delete does that. Insert it again.
        missing.push(group)
        continue
      }
      const merged = fold(current, group.observations, counts)
      if (!sameData(merged, current)) {
        updates.push(encodeRow(merged))
        changedKeys.push(group)
      }
    }
    if (updates.length > 0) await tx.query(UPDATE_CHANGED, [JSON.stringify(updates), source])
    pending = missing
    if (round > 5) throw new Error('store: records keep disappearing while being applied')
  }
  // 3. The change log, in commit order.
  if (changedKeys.length > 0) {
    await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, CHANGE_LOG_LOCK])
    await tx.query(APPEND_CHANGES, [changedKeys.map((g) => g.provider), changedKeys.map((g) => g.id), source])
  }
  return counts
}

import { mergeRecords, type RcsRecord } from '@rcs-records/core'
import { type ApplyResult, applyBatch } from './apply.js'
import type { Queryable } from './driver/driver.js'
import { decodeRow, SELECT_COLUMNS } from './row.js'

/*
 * Ids across channels of one vendor. partner-gateway keys its status API by `customerMessageId`, its DELIVERY
 * callbacks carry that id and the platform's `messageId`, and its READ callbacks carry only the `messageId`. The
 * adapters say which is which through `extra.messageId` (the rule any adapter can follow):
 *
 * - a record whose `extra.messageId` is a string other than its `id` teaches an alias: that vendor message id names
 *   the record kept under `id` (a DELIVERY callback, a status lookup that returns both ids);
 * - a record whose `extra.messageId` equals its `id` is keyed by the vendor message id only (a READ callback, a
 *   callback or history item without `customerMessageId`): it is applied to the record the alias names when the
 *   alias is known, and otherwise under its own id — where it stays visible — until the alias arrives, when that
 *   record is folded into the named one (`mergeRecords`) and removed.
 *
 * Concurrency. Everyone who reads or writes an alias first upserts its `rcs_aliases` row, in one statement for a
 * batch, in key order, before touching any record, so the row is locked to commit: a READ applied under its own id
 * and the DELIVERY that teaches its alias cannot miss each other (whichever commits first, the other sees it), and
 * two batches never wait for each other's alias rows in opposite orders. The records a join removes are locked by
 * their DELETE, before the batch's own records; only this transaction can reach them then, as every writer of a
 * record kept under an alias id goes through the alias row first.
 */

/** The vendor's other id of a record (`extra.messageId`), or null. */
const aliasOf = (record: RcsRecord): string | null => {
  const value = record.extra.messageId
  return typeof value === 'string' && value !== '' ? value : null
}

interface AliasKey {
  provider: string
  alias: string
  /** The id a record of this batch says the alias names (the first one, when several disagree). */
  id: string | null
}

const keyOf = (provider: string, id: string) => `${provider.length}:${provider}${id}`

/** The alias keys a batch touches, or null when none of its records carries a vendor message id (the usual case). */
const aliasKeys = (records: readonly RcsRecord[]): Map<string, AliasKey> | null => {
  let keys: Map<string, AliasKey> | null = null
  for (const record of records) {
    const alias = aliasOf(record)
    if (alias === null) continue
    keys ??= new Map()
    const key = keyOf(record.provider, alias)
    const entry = keys.get(key)
    const id = alias === record.id ? null : record.id
    if (entry === undefined) keys.set(key, { provider: record.provider, alias, id })
    else if (entry.id === null) entry.id = id
  }
  return keys
}

// Rows in key order (the ORDER BY feeds the insert, so conflicting rows are locked in that order by everyone).
// A known target is never replaced (the first alias learned wins); `unjoined` records that a record may be stored
// under the alias itself, and is kept until the target is known.
const UPSERT_ALIASES = `INSERT INTO rcs_aliases AS a (provider, alias, id, unjoined)
  SELECT k.provider, k.alias, k.id, k.id IS NULL
  FROM unnest($1::text[], $2::text[], $3::text[]) AS k(provider, alias, id)
  ORDER BY k.provider, k.alias
  ON CONFLICT (provider, alias) DO UPDATE SET
    id = coalesce(a.id, EXCLUDED.id),
    unjoined = a.unjoined OR (a.id IS NULL AND EXCLUDED.id IS NULL),
    learned_at = CASE WHEN a.id IS NULL AND EXCLUDED.id IS NOT NULL THEN now() ELSE a.learned_at END
  RETURNING a.provider, a.alias, a.id, a.unjoined`

const TAKE_UNJOINED = `DELETE FROM rcs_records t
  USING unnest($1::text[], $2::text[]) AS k(provider, id)
  WHERE t.provider = k.provider AND t.id = k.id
  RETURNING ${SELECT_COLUMNS}`

const MARK_JOINED = `UPDATE rcs_aliases AS a SET unjoined = false
  FROM unnest($1::text[], $2::text[]) AS k(provider, alias)
  WHERE a.provider = k.provider AND a.alias = k.alias`

/**
 * {@link applyBatch} with the alias rule above, inside the caller's transaction: a batch without a vendor message id
 * goes straight through; otherwise its aliases are upserted (and locked) first, observations keyed by a known alias
 * are re-keyed to the record it names, and records kept under an alias that this batch resolves are taken out
 * and merged into the first observation of the record they belong to (so `received` stays the number of
 * observations given, each counted once).
 */
export const applyWithAliases = async (
  tx: Queryable,
  records: readonly RcsRecord[],
  source: string | null,
): Promise<ApplyResult> => {
  const keys = aliasKeys(records)
  if (keys === null) return applyBatch(tx, records, source)
  const all = [...keys.values()]
  // Every alias the batch touches is upserted — those it only reads too — so its row is locked until commit.
  const rows = await tx.query<{ provider: string; alias: string; id: string | null; unjoined: boolean }>(
    UPSERT_ALIASES,
    [all.map((k) => k.provider), all.map((k) => k.alias), all.map((k) => k.id)],
  )
  const targets = new Map<string, string>()
  const joins: { provider: string; alias: string; id: string }[] = []
  for (const row of rows) {
    if (row.id === null) continue
    targets.set(keyOf(row.provider, row.alias), row.id)
    if (row.unjoined) joins.push({ provider: row.provider, alias: row.alias, id: row.id })
  }
  const batch = records.map((record) => {
    const alias = aliasOf(record)
    if (alias !== record.id) return record
    const target = targets.get(keyOf(record.provider, alias))
    return target === undefined || target === record.id ? record : { ...record, id: target }
  })
  if (joins.length > 0) await join(tx, joins, batch)
  return applyBatch(tx, batch, source)
}

/**
 * Takes the records kept under the aliases `joins` resolve out of the store and merges each into the first
 * observation of its target in `batch` (there is one: the observation that taught the alias).
 */
const join = async (
  tx: Queryable,
  joins: readonly { provider: string; alias: string; id: string }[],
  batch: RcsRecord[],
): Promise<void> => {
  const taken = await tx.query<Record<string, unknown>>(TAKE_UNJOINED, [
    joins.map((j) => j.provider),
    joins.map((j) => j.alias),
  ])
  await tx.query(MARK_JOINED, [joins.map((j) => j.provider), joins.map((j) => j.alias)])
  if (taken.length === 0) return
  const targetOf = new Map(joins.map((j) => [keyOf(j.provider, j.alias), j.id]))
  // The first observation of each record of the batch, by key (a lookup per taken record, not a scan).
  const firstIndex = new Map<string, number>()
  batch.forEach((record, index) => {
    const key = keyOf(record.provider, record.id)
    if (!firstIndex.has(key)) firstIndex.set(key, index)
  })
  for (const row of taken) {
    const kept = decodeRow(row)
    const id = targetOf.get(keyOf(kept.provider, kept.id)) as string
    const key = keyOf(kept.provider, id)
    const index = firstIndex.get(key)
    // The target always has an observation here (it taught the alias); were it not so, the record still goes in.
    if (index === undefined) {
      firstIndex.set(key, batch.length)
      batch.push({ ...kept, id })
    } else batch[index] = mergeRecords({ ...kept, id }, batch[index] as RcsRecord)
  }
}

/**
 * The id a vendor message id names for `provider`, or null when the store has not learned it.
 */
export const aliasTarget = async (db: Queryable, provider: string, alias: string): Promise<string | null> => {
  const rows = await db.query<{ id: string | null }>(
    'SELECT id FROM rcs_aliases WHERE provider = $1::text AND alias = $2::text',
    [provider, alias],
  )
  return rows[0]?.id ?? null
}

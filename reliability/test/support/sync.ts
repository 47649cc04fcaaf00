import { type ListQuery, type RcsClient, RcsError, type RcsRecord, RcsRecordCodec } from '@rcs-records/core'

/** What a `list()` produced: every record in order, and the error that ended it (if any). */
export interface SyncOutcome {
  records: RcsRecord[]
  error: unknown
  elapsedMs: number
}

/** Runs `client.list(query)` to its end or its first error, keeping everything it yielded. */
export const runList = async (client: RcsClient, query: ListQuery): Promise<SyncOutcome> => {
  const records: RcsRecord[] = []
  const started = performance.now()
  let error: unknown = null
  try {
    for await (const record of client.list(query)) records.push(record)
  } catch (caught) {
    error = caught
  }
  return { records, error, elapsedMs: performance.now() - started }
}

/** True when a value passes core's record codec (which also checks `final` and `reason` against `status`). */
export const isValidRecord = (value: unknown): boolean => RcsRecordCodec.is(value)

/** How a synced set compares with the ground truth. */
export interface Comparison {
  synced: number
  distinct: number
  duplicated: number
  /** Ids in the truth that were not synced. */
  lost: string[]
  /** Ids synced that the truth does not have. */
  unexpected: string[]
  /** Ids synced with another status than the truth's. */
  wrongStatus: string[]
  /** Ids of records that fail core's record codec or its `final` invariant. */
  invalid: string[]
}

/** Compares synced records with the truth (id → canonical status). */
export const compareWithTruth = (records: readonly RcsRecord[], truth: ReadonlyMap<string, string>): Comparison => {
  const seen = new Set<string>()
  const comparison: Comparison = {
    synced: records.length,
    distinct: 0,
    duplicated: 0,
    lost: [],
    unexpected: [],
    wrongStatus: [],
    invalid: [],
  }
  for (const record of records) {
    if (!isValidRecord(record)) comparison.invalid.push(record.id)
    if (seen.has(record.id)) {
      comparison.duplicated++
      continue
    }
    seen.add(record.id)
    const expected = truth.get(record.id)
    if (expected === undefined) comparison.unexpected.push(record.id)
    else if (expected !== record.status) comparison.wrongStatus.push(record.id)
  }
  comparison.distinct = seen.size
  for (const id of truth.keys()) if (!seen.has(id)) comparison.lost.push(id)
  return comparison
}

/** Narrows an unknown failure to an RcsError (fails the test with the real value otherwise). */
export const asRcsError = (error: unknown): RcsError => {
  if (error instanceof RcsError) return error
  throw new Error(`expected an RcsError, got ${String(error)}`)
}

import { type ListQuery, mergeRecords, type RcsRecord } from '@rcs-records/core'
import { badRequest as kitBadRequest, toEpochMs } from '@rcs-records/core/kit'
import { PROVIDER } from './provider.js'
import { MODIFIED_SINCE_LIMIT_MS } from './slices.js'

/**
 * Where {@link syncIncrementally} keeps what it knows, one merged record per id. Any key-value store fits (a Map,
 * a database table, Redis); both methods may be synchronous or return promises.
 *
 * @example
 * import type { RcsRecord } from '@rcs-records/core'
 * import type { RecordStore } from '@rcs-records/spacivox'
 * declare const db: {
 *   get(table: string, id: string): Promise<RcsRecord | undefined>
 *   put(table: string, id: string, record: RcsRecord): Promise<void>
 * }
 * const store: RecordStore = {
 *   get: (id) => db.get('records', id),
 *   set: (id, record) => db.put('records', id, record),
 * }
 */
export interface RecordStore {
  get(id: string): RcsRecord | undefined | Promise<RcsRecord | undefined>
  set(id: string, record: RcsRecord): void | Promise<void>
}

/**
 * A {@link RecordStore} in memory, with its `Map` exposed for reading.
 *
 * @example
 * import type { MemoryRecordStore } from '@rcs-records/spacivox'
 * const count = (store: MemoryRecordStore) => store.records.size
 */
export interface MemoryRecordStore extends RecordStore {
  readonly records: Map<string, RcsRecord>
}

/**
 * Creates an in-memory {@link RecordStore} (tests, scripts, small volumes), optionally seeded with records.
 *
 * @example
 * import type { RcsRecord } from '@rcs-records/core'
 * import { createMemoryStore } from '@rcs-records/spacivox'
 * declare const record: RcsRecord // e.g. { id: '1', status: 'delivered', … }
 * const store = createMemoryStore()
 * store.set(record.id, record)
 * store.records.get(record.id)?.status // 'delivered'
 */
export const createMemoryStore = (initial: Iterable<RcsRecord> = []): MemoryRecordStore => {
  const records = new Map<string, RcsRecord>()
  for (const record of initial) records.set(record.id, record)
  return {
    records,
    get: (id) => records.get(id),
    set: (id, record) => {
      records.set(id, record)
    },
  }
}

/**
 * Where the last successful sync left off: the instant it started (records changed after it are read next time).
 * Store it as JSON between runs.
 *
 * @example
 * import type { SyncCheckpoint } from '@rcs-records/spacivox'
 * const checkpoint: SyncCheckpoint = { syncedAt: '2026-01-02T03:04:05.000Z' }
 */
export interface SyncCheckpoint {
  syncedAt: string
}

/**
 * Options of {@link syncIncrementally}.
 *
 * @example
 * import type { RcsClient } from '@rcs-records/core'
 * import { createMemoryStore, type SyncOptions } from '@rcs-records/spacivox'
 * declare const client: RcsClient
 * const options: SyncOptions = { client, store: createMemoryStore(), checkpoint: null, start: '2026-01-01T00:00:00Z' }
 */
export interface SyncOptions {
  /** Anything that lists records with `modifiedSince`: an `RcsClient` or an adapter instance. */
  client: { list(query: ListQuery): AsyncIterable<RcsRecord> }
  store: RecordStore
  /** The checkpoint the previous run returned; null or undefined on the first run. */
  checkpoint: SyncCheckpoint | null | undefined
  /** The start of the records you care about: a first run (or one after a long gap) lists from here. */
  start: Date | string
  /** This run's instant; default `Date.now()`. Must agree with the client's clock. */
  now?: Date | number
  /**
   * How long after its `timestamp` a record may still change state. Each run lists from `lookbackMs` before the
   * checkpoint (never before `start`), so a change to a record older than that is not seen. Default 48 hours.
   */
  lookbackMs?: number
  signal?: AbortSignal
}

/**
 * What one run did.
 *
 * @example
 * import type { SyncResult } from '@rcs-records/spacivox'
 * const report = (result: SyncResult) => `${result.mode}: ${result.changed.length} of ${result.seen} changed`
 */
export interface SyncResult {
  /** Save it and pass it to the next run. */
  checkpoint: SyncCheckpoint
  /** The stored records that are new or changed by this run, as merged. */
  changed: RcsRecord[]
  /** `incremental` with `modifiedSince`, `full` without (first run, or a checkpoint older than the API allows). */
  mode: 'full' | 'incremental'
  /** Records the listing returned. */
  seen: number
}

/** Re-read a little before the checkpoint: the vendor's clock and ours may disagree. */
const OVERLAP_MS = 5 * 60_000
/** Stay clear of the 48-hour edge: the vendor checks it when the request arrives, by its own clock. */
const EDGE_MARGIN_MS = 5 * 60_000
const DEFAULT_LOOKBACK_MS = 48 * 3_600_000

const badRequest = (message: string) => kitBadRequest(`syncIncrementally: ${message}`, { provider: PROVIDER })

const SCALAR_FIELDS = [
  'status',
  'final',
  'vendorStatus',
  'vendorDescription',
  'reference',
  'channel',
  'recipient',
  'sender',
  'campaign',
  'createdAt',
  'sentAt',
  'deliveredAt',
  'readAt',
  'updatedAt',
] as const

/** Whether two records say different things (`raw` aside). */
const differs = (a: RcsRecord, b: RcsRecord): boolean =>
  SCALAR_FIELDS.some((field) => a[field] !== b[field]) ||
  JSON.stringify([a.reason, a.cost, a.fallback, a.extra]) !== JSON.stringify([b.reason, b.cost, b.fallback, b.extra])

/**
 * The query of one run: incremental (`modifiedSince` a few minutes before the checkpoint) when the checkpoint is
 * recent enough for the API's 48-hour rule, otherwise a full listing; both from `lookbackMs` before the checkpoint
 * (the first run from `start`) to now.
 */
export const planSync = (
  options: Pick<SyncOptions, 'checkpoint' | 'start' | 'lookbackMs'>,
  now: number,
): { query: { from: Date; to: Date; modifiedSince?: Date }; mode: SyncResult['mode'] } => {
  const start = toEpochMs(options.start)
  if (start === null) throw badRequest('`start` must be a Date or an ISO-8601 timestamp')
  const lookbackMs = options.lookbackMs ?? DEFAULT_LOOKBACK_MS
  if (!(lookbackMs >= 0)) throw badRequest('`lookbackMs` must be a number of milliseconds ≥ 0')
  const checkpoint = options.checkpoint
  if (checkpoint === null || checkpoint === undefined) {
    return { query: { from: new Date(start), to: new Date(now) }, mode: 'full' }
  }
  const syncedAt = toEpochMs(checkpoint.syncedAt)
  if (syncedAt === null) throw badRequest('`checkpoint.syncedAt` must be an ISO-8601 timestamp')
  const from = new Date(Math.min(now, Math.max(start, syncedAt - lookbackMs)))
  const modifiedSince = Math.min(syncedAt, now) - OVERLAP_MS
  if (modifiedSince >= now - MODIFIED_SINCE_LIMIT_MS + EDGE_MARGIN_MS) {
    return { query: { from, to: new Date(now), modifiedSince: new Date(modifiedSince) }, mode: 'incremental' }
  }
  return { query: { from, to: new Date(now) }, mode: 'full' }
}

/**
 * One run of an incremental sync into your store. The first run lists the whole window from `start`; later runs
 * list only records modified since the checkpoint (`modifiedSince`, which the API accepts within the past 48 hours),
 * over the window from `lookbackMs` before the checkpoint. A checkpoint too old for that falls back to a full
 * listing of the same window. Every record is merged into the stored one with core's `mergeRecords`, so a status
 * only moves forward (sent → delivered → read) and duplicates or stale copies change nothing. Returns the new
 * checkpoint (this run's start instant) and the records it changed; on an error nothing is returned, the checkpoint
 * stays where it was, and the next run repeats the work (merging is idempotent).
 *
 * @example
 * import { createClient } from '@rcs-records/core'
 * import { adapter, createMemoryStore, type SyncCheckpoint, syncIncrementally } from '@rcs-records/spacivox'
 * const client = createClient({ adapter, config: { token: process.env.SPACIVOX_TOKEN, baseUrl: 'https://api.example.com' } })
 * const store = createMemoryStore()
 * let checkpoint: SyncCheckpoint | null = null // load it from where the last run saved it
 * for (;;) {
 *   const result = await syncIncrementally({ client, store, checkpoint, start: '2026-01-01T00:00:00Z' })
 *   checkpoint = result.checkpoint
 *   for (const record of result.changed) console.log(record.id, record.status)
 *   await new Promise((resolve) => setTimeout(resolve, 15 * 60_000))
 * }
 */
export const syncIncrementally = async (options: SyncOptions): Promise<SyncResult> => {
  const now = options.now === undefined ? Date.now() : toEpochMs(options.now)
  if (now === null) throw badRequest('`now` must be a Date or epoch milliseconds')
  const { query, mode } = planSync(options, now)
  const listQuery: ListQuery = options.signal === undefined ? query : { ...query, signal: options.signal }
  const changed: RcsRecord[] = []
  let seen = 0
  // A `start` at or after now leaves an empty window: nothing to list (a list query must have `from` before `to`).
  const records = query.from < query.to ? options.client.list(listQuery) : []
  for await (const record of records) {
    seen++
    const current = await options.store.get(record.id)
    const merged = mergeRecords(current, record)
    if (current !== undefined && !differs(current, merged)) continue
    await options.store.set(record.id, merged)
    changed.push(merged)
  }
  return { checkpoint: { syncedAt: new Date(now).toISOString() }, changed, mode, seen }
}

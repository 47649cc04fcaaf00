import { RcsError, type RcsRecord } from '@rcs-records/core'
import { badRequest } from '@rcs-records/core/kit'
import { aliasTarget, applyWithAliases } from './aliases.js'
import { type ApplyResult, addResults, emptyResult } from './apply.js'
import { type ChangesOptions, type StoreChange, streamChanges } from './changes.js'
import type { Driver, Queryable } from './driver/driver.js'
import { openPglite } from './driver/pglite.js'
import { openPostgres, type PoolOptions } from './driver/postgres.js'
import { migrate } from './migrations.js'
import { countQuery, type FunnelOptions, type FunnelRow, funnelQuery, type StoreQuery, streamQuery } from './query.js'
import { decodeRow, SELECT_COLUMNS } from './row.js'
import { parseStoreUrl } from './url.js'
import { recordIssues, refusal } from './validate.js'

/**
 * Options of {@link openStore}.
 *
 * @example
 * import type { StoreOptions } from '@rcs-records/store'
 * const options: StoreOptions = { batchSize: 2_000, pool: { max: 4 } }
 */
export interface StoreOptions {
  /** Records per transaction in `apply` (default 1,000). */
  batchSize?: number
  /** Connection pool of a PostgreSQL store (ignored by PGlite). */
  pool?: PoolOptions
}

/**
 * Options of {@link RecordStore.apply}.
 *
 * @example
 * import type { ApplyOptions } from '@rcs-records/store'
 * const options: ApplyOptions = { source: 'poll', checkpoint: { key: 'my-sync', value: '2026-01-02T00:00:00.000Z' } }
 */
export interface ApplyOptions {
  /** Where the observations come from (`'sync'`, `'webhook'`, `'poll'`…), kept with each change. */
  source?: string
  /** A checkpoint to save in the same transaction as the last batch: it commits exactly when the records do. */
  checkpoint?: { key: string; value: string }
}

/**
 * The persistent delivery state: one row per message, every observation merged in with core's `mergeRecords`.
 * Safe under concurrent writers; see the package README for the schema and the guarantees.
 *
 * @example
 * import type { RcsRecord } from '@rcs-records/core'
 * import { openStore } from '@rcs-records/store'
 * declare const records: RcsRecord[] // e.g. what a client's list() yielded
 * const store = await openStore('./rcs-records-data')
 * await store.apply(records, { source: 'poll' })
 * console.log(await store.count({ final: false }))
 * await store.close()
 */
export interface RecordStore {
  /** Where the store lives: `memory://`, `pglite:<dir>`, or the PostgreSQL URL without its password. */
  readonly location: string
  readonly engine: 'pglite' | 'postgres'
  /**
   * Merges observations into their messages (`mergeRecords`), recording a change only when a merged record differs.
   * Records go in batches of `batchSize`, each one transaction of multi-row statements. A record that is not a valid
   * `RcsRecord` is refused with a `decode` RcsError naming its path, before anything of its batch is written; an
   * array (or other in-memory collection) is checked whole before its first batch.
   */
  apply(records: Iterable<RcsRecord> | AsyncIterable<RcsRecord>, options?: ApplyOptions): Promise<ApplyResult>
  /**
   * The stored record of one message, or undefined. An id the record is not kept under but that the store learned
   * as its vendor message id (partner-gateway's `messageId`) finds it too: the record comes back with its own `id`.
   */
  get(provider: string, id: string): Promise<RcsRecord | undefined>
  /** Streams the matching records (oldest `createdAt` first), a page at a time: constant memory. */
  query(query?: StoreQuery): AsyncIterable<RcsRecord>
  count(query?: StoreQuery): Promise<number>
  /** Counts per provider (and campaign) and canonical status, aggregated in SQL. */
  funnel(query?: StoreQuery, options?: FunnelOptions): Promise<FunnelRow[]>
  /** Every stored change in commit order, up to now; resume with `after: lastChange.cursor`. */
  changes(options?: ChangesOptions): AsyncIterable<StoreChange>
  /** The value last saved under `key` (by `syncToStore`, or `apply`'s `checkpoint` option), or null. */
  checkpoint(key: string): Promise<string | null>
  /**
   * Runs your own SQL on the store's database (one statement, `$1`-style parameters) — reports, joins with your
   * own tables. The tables are documented in the package README; write to them only through `apply`.
   */
  sql<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>
  /** Closes the database (PGlite) or the pool (PostgreSQL), and releases a PGlite directory. */
  close(): Promise<void>
}

const DEFAULT_BATCH_SIZE = 1_000

const isAsync = (value: object): value is AsyncIterable<RcsRecord> => Symbol.asyncIterator in value

const checkText = (value: unknown, name: string): string => {
  if (typeof value !== 'string') throw badRequest(`store: \`${name}\` must be a string`)
  return value
}

/** Validates a batch; the first refused record is thrown (its index in the whole input as the path prefix). */
const validate = (batch: readonly unknown[], offset: number): RcsRecord[] => {
  for (let index = 0; index < batch.length; index++) {
    const issues = recordIssues(batch[index], String(offset + index))
    if (issues !== null) throw refusal(batch[index], issues)
  }
  return batch as RcsRecord[]
}

async function* batchesOf(
  records: Iterable<RcsRecord> | AsyncIterable<RcsRecord>,
  size: number,
): AsyncGenerator<RcsRecord[]> {
  let batch: RcsRecord[] = []
  for await (const record of records as AsyncIterable<RcsRecord>) {
    batch.push(record)
    if (batch.length >= size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

const saveCheckpoint = (tx: Queryable, key: string, value: string) =>
  tx.query(
    `INSERT INTO rcs_checkpoints (key, value) VALUES ($1::text, $2::text)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [key, value],
  )

/**
 * Opens (and, when new, creates) a store, applying the schema migrations it lacks:
 * - no URL, or `memory://` → PGlite in memory (gone when closed);
 * - `pglite:./dir`, `pglite://./dir`, `file:./dir`, or a plain directory path → PGlite on disk (kept across runs;
 *   one process at a time: a directory open elsewhere is a `config` RcsError);
 * - `postgres://…` / `postgresql://…` → a PostgreSQL server, through a pool (its password never shows in errors).
 * A database that cannot be reached is a `transport` RcsError.
 *
 * @example
 * import { openStore } from '@rcs-records/store'
 * const store = await openStore(process.env.DATABASE_URL ?? './rcs-records-data')
 * try {
 *   for await (const record of store.query({ status: 'undeliverable' })) console.log(record.id)
 * } finally {
 *   await store.close()
 * }
 */
export const openStore = async (url?: string, options: StoreOptions = {}): Promise<RecordStore> => {
  const location = parseStoreUrl(url)
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
  if (!(Number.isInteger(batchSize) && batchSize > 0)) {
    throw new RcsError({ kind: 'config', message: 'store: `batchSize` must be a positive whole number' })
  }
  const driver: Driver =
    location.kind === 'postgres'
      ? openPostgres(location.url, location.display, options.pool)
      : await openPglite(location.kind === 'memory' ? null : location.dataDir)
  try {
    await migrate(driver)
  } catch (error) {
    await driver.close().catch(() => {})
    throw error
  }
  const where =
    location.kind === 'postgres'
      ? location.display
      : location.kind === 'memory'
        ? 'memory://'
        : `pglite:${location.dataDir}`
  let closed = false
  const open = () => {
    if (closed) throw badRequest(`store: ${where} is closed`)
  }

  const apply = async (
    records: Iterable<RcsRecord> | AsyncIterable<RcsRecord>,
    applyOptions: ApplyOptions = {},
  ): Promise<ApplyResult> => {
    open()
    if (records === null || typeof records !== 'object')
      throw badRequest('store: apply: `records` must be an iterable of records')
    const source = applyOptions.source === undefined ? null : checkText(applyOptions.source, 'source')
    const checkpoint = applyOptions.checkpoint
    if (checkpoint !== undefined) {
      checkText(checkpoint.key, 'checkpoint.key')
      checkText(checkpoint.value, 'checkpoint.value')
    }
    // An in-memory collection is checked whole first: a bad record anywhere writes nothing.
    const input = !isAsync(records) && !Array.isArray(records) ? [...records] : records
    if (Array.isArray(input)) validate(input, 0)
    let total = emptyResult()
    let offset = 0
    let previous: RcsRecord[] | null = null
    const write = async (batch: RcsRecord[], last: boolean) =>
      driver.transaction(async (tx) => {
        const result = await applyWithAliases(tx, batch, source)
        if (last && checkpoint !== undefined) await saveCheckpoint(tx, checkpoint.key, checkpoint.value)
        return result
      })
    // One batch behind, so the checkpoint goes with the last one.
    for await (const batch of batchesOf(input, batchSize)) {
      if (!Array.isArray(input)) validate(batch, offset)
      offset += batch.length
      if (previous !== null) total = addResults(total, await write(previous, false))
      previous = batch
    }
    if (previous !== null) total = addResults(total, await write(previous, true))
    else if (checkpoint !== undefined) await write([], true)
    return total
  }

  return {
    location: where,
    engine: driver.engine,
    apply,
    get: async (provider, id) => {
      open()
      checkText(provider, 'provider')
      checkText(id, 'id')
      const read = (key: string) =>
        driver.query<Record<string, unknown>>(
          `SELECT ${SELECT_COLUMNS} FROM rcs_records t WHERE t.provider = $1::text AND t.id = $2::text`,
          [provider, key],
        )
      let rows = await read(id)
      // Not kept under this id: it may be a vendor message id the store knows another id for (see aliases.ts).
      const target = rows[0] === undefined ? await aliasTarget(driver, provider, id) : null
      if (target !== null) rows = await read(target)
      return rows[0] === undefined ? undefined : decodeRow(rows[0])
    },
    query: (query) => {
      open()
      return streamQuery(driver, query)
    },
    count: async (query) => {
      open()
      return countQuery(driver, query)
    },
    funnel: async (query, funnelOptions) => {
      open()
      return funnelQuery(driver, query, funnelOptions)
    },
    changes: (changesOptions) => {
      open()
      return streamChanges(driver, changesOptions)
    },
    checkpoint: async (key) => {
      open()
      const rows = await driver.query<{ value: string }>('SELECT value FROM rcs_checkpoints WHERE key = $1::text', [
        checkText(key, 'key'),
      ])
      return rows[0]?.value ?? null
    },
    sql: async <Row>(text: string, params?: readonly unknown[]) => {
      open()
      return driver.query<Row>(checkText(text, 'sql'), params)
    },
    close: async () => {
      if (closed) return
      closed = true
      await driver.close()
    },
  }
}

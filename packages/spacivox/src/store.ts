import type { RcsRecord } from '@rcs-records/core'

/**
 * Where {@link syncIncrementally} keeps what it knows, one merged record per id. Any key-value store fits (a Map,
 * a database table, Redis); both methods may be synchronous or return promises.
 *
 * @example
 * import type { RecordStore } from '@rcs-records/spacivox'
 * const store: RecordStore = {
 *   get: async (id) => rowToRecord(await db.get('records', id)),
 *   set: async (id, record) => db.put('records', id, record),
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
 * import { createMemoryStore } from '@rcs-records/spacivox'
 * const store = createMemoryStore()
 * store.set('1', record)
 * store.records.get('1')?.status
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

/**
 * Records added while the simulator runs ("inserted at the head while a client pages"). They continue the index
 * sequence after the generated ones, carry an explicit creation instant inside the window a client is listing,
 * and exist from the moment they were inserted. Only these are held in memory.
 */
export interface InsertedStore {
  /** Index the next inserted record gets (the generated count, then one more per insert). */
  readonly nextIndex: number
  /** Adds one record and returns its index. */
  add(entry: InsertedEntry): number
  /** The entry of an inserted index, if any. */
  get(index: number): InsertedEntry | undefined
  /** Every inserted entry, oldest insert first. */
  all(): readonly (InsertedEntry & { index: number })[]
}

/**
 * One inserted record: when it claims to have been created and when it appeared.
 */
export interface InsertedEntry {
  createdAt: number
  insertedAt: number
}

/**
 * Creates the store of one vendor; indexes start at `generatedCount`.
 */
export const createInsertedStore = (generatedCount: number): InsertedStore => {
  const entries: (InsertedEntry & { index: number })[] = []
  return {
    get nextIndex() {
      return generatedCount + entries.length
    },
    add: (entry) => {
      const index = generatedCount + entries.length
      entries.push({ ...entry, index })
      return index
    },
    get: (index) => {
      const entry = entries[index - generatedCount]
      return entry === undefined ? undefined : entry
    },
    all: () => entries,
  }
}

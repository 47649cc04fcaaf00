import type { RcsRecord } from '@rcs-records/core'
import type { RecordStore } from '../store.js'

/** The most records one grouped `apply` takes (the rest wait for the next one). */
const MAX_GROUP_RECORDS = 1_000

/** How long a group waits for more callbacks before its transaction starts. */
const LINGER_MS = 2

interface Waiting {
  records: readonly RcsRecord[]
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * Group commit for callbacks: the records of requests that arrive while an `apply` is running are applied together
 * by the next one, in one transaction, and each request is answered when the transaction holding its records
 * commits (or fails). One `apply` runs at a time, so under load a callback waits for one transaction instead of
 * queueing behind one transaction per callback (PGlite runs one at a time anyway). The result is the same as
 * applying them one by one: `apply` folds a batch with `mergeRecords`, in any order.
 */
export const groupApply = (store: RecordStore, source: string): ((records: readonly RcsRecord[]) => Promise<void>) => {
  let queue: Waiting[] = []
  let running = false
  const drain = async () => {
    running = true
    try {
      while (queue.length > 0) {
        // Linger a moment, so that the callbacks being read and parsed right now join this transaction (PGlite
        // runs in this thread: while it writes, no other request gets that far).
        await new Promise((resolve) => setTimeout(resolve, LINGER_MS))
        let size = 0
        let taken = 0
        while (
          taken < queue.length &&
          (taken === 0 || size + (queue[taken] as Waiting).records.length <= MAX_GROUP_RECORDS)
        ) {
          size += (queue[taken] as Waiting).records.length
          taken++
        }
        const group = queue.slice(0, taken)
        queue = queue.slice(taken)
        try {
          await store.apply(
            group.flatMap((waiting) => waiting.records),
            { source },
          )
          for (const waiting of group) waiting.resolve()
        } catch (error) {
          for (const waiting of group) waiting.reject(error)
        }
      }
    } finally {
      running = false
    }
  }
  return (records) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ records, resolve, reject })
      if (!running) void drain()
    })
}

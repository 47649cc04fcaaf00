import type { RcsRecord } from '@rcs-records/core'
import type { RecordStore } from '../store.js'

/** The most records one grouped `apply` takes (the rest wait for the next one). */
const MAX_GROUP_RECORDS = 1_000

interface Waiting {
  records: readonly RcsRecord[]
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * Group commit for callbacks: the records of requests that arrive while an `apply` is running are applied together
 * by the next one, in one transaction, and each request is answered when the transaction holding its records
 * commits (or fails). One `apply` runs at a time, so under load a callback waits for one transaction instead of
 * queueing behind one transaction per callback (PGlite runs one at a time anyway, on its own thread). The result is
 * the same as applying them one by one: `apply` folds a batch with `mergeRecords`, in any order.
 */
export const groupApply = (store: RecordStore, source: string): ((records: readonly RcsRecord[]) => Promise<void>) => {
  let queue: Waiting[] = []
  let running = false
  const drain = async () => {
    running = true
    try {
      while (queue.length > 0) {
        // Let the callbacks already received join this transaction (their reading and parsing is queued behind this
        // turn of the event loop). No timer: the database works off this thread (PGlite on its own, a server in its
        // process), so callbacks arriving while a transaction runs are read and queued meanwhile, and a timer would
        // only leave the database idle.
        await new Promise((resolve) => setImmediate(resolve))
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

import { DELIVERY_STATUSES, type RcsRecord } from '@rcs-records/core'

/**
 * Up to `n` records that show as many different statuses as possible: one of each status in turn (progress order,
 * then failures, then unknown), returned in their original order. Deterministic.
 *
 * @example
 * import { sampleRecords } from '@rcs-records/cli'
 * sampleRecords(records, 10).map((record) => record.status) // e.g. ['sent', 'delivered', 'read', 'undeliverable', …]
 */
export const sampleRecords = (records: readonly RcsRecord[], n: number): RcsRecord[] => {
  const queues = DELIVERY_STATUSES.map((status) =>
    records.map((record, index) => ({ record, index })).filter((entry) => entry.record.status === status),
  )
  const picked: { record: RcsRecord; index: number }[] = []
  for (let round = 0; picked.length < Math.min(n, records.length); round += 1) {
    for (const queue of queues) {
      const entry = queue[round]
      if (entry !== undefined && picked.length < n) picked.push(entry)
    }
  }
  return picked.sort((a, b) => a.index - b.index).map((entry) => entry.record)
}

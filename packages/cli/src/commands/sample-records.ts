import type { DeliveryStatus, RcsRecord } from '@rcs-records/core'

/** The order statuses are shown in: the common outcomes first, so that even a short sample shows success and failure. */
const SHOWCASE: readonly DeliveryStatus[] = [
  'delivered',
  'undeliverable',
  'read',
  'sent',
  'rejected',
  'expired',
  'pending',
  'unknown',
  'canceled',
]

/**
 * Up to `n` records that show as many different statuses as possible: one of each status in turn (delivered,
 * undeliverable, read, sent, rejected, expired, pending, unknown, canceled), returned oldest first (by creation
 * time, then id) whatever order the vendor listed them in. Deterministic.
 */
export const sampleRecords = (records: readonly RcsRecord[], n: number): RcsRecord[] => {
  const queues = SHOWCASE.map((status) =>
    records.map((record, index) => ({ record, index })).filter((entry) => entry.record.status === status),
  )
  const picked: { record: RcsRecord; index: number }[] = []
  for (let round = 0; picked.length < Math.min(n, records.length); round += 1) {
    for (const queue of queues) {
      const entry = queue[round]
      if (entry !== undefined && picked.length < n) picked.push(entry)
    }
  }
  return picked
    .sort(
      (a, b) =>
        (a.record.createdAt ?? '').localeCompare(b.record.createdAt ?? '') ||
        a.record.id.localeCompare(b.record.id, 'en', { numeric: true }) ||
        a.index - b.index,
    )
    .map((entry) => entry.record)
}

import type { RcsRecord } from '@rcs-records/core'

/**
 * One column of record output: a name and how to read the value as text.
 */
export interface RecordColumn {
  name: string
  value(record: RcsRecord): string
}

const text = (value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined ? '' : String(value)

/**
 * Every canonical field as a flat column, in the order of the CSV header. `raw` and `extra` are left out (use json
 * or ndjson for them); `fallbackIds` are joined with `;`.
 */
export const CSV_COLUMNS: readonly RecordColumn[] = [
  { name: 'provider', value: (r) => r.provider },
  { name: 'id', value: (r) => r.id },
  { name: 'reference', value: (r) => text(r.reference) },
  { name: 'channel', value: (r) => r.channel },
  { name: 'recipient', value: (r) => text(r.recipient) },
  { name: 'sender', value: (r) => text(r.sender) },
  { name: 'campaign', value: (r) => text(r.campaign) },
  { name: 'status', value: (r) => r.status },
  { name: 'final', value: (r) => text(r.final) },
  { name: 'reason', value: (r) => text(r.reason?.code) },
  { name: 'permanent', value: (r) => text(r.reason?.permanent) },
  { name: 'vendorStatus', value: (r) => text(r.vendorStatus) },
  { name: 'vendorDescription', value: (r) => text(r.vendorDescription) },
  { name: 'createdAt', value: (r) => text(r.createdAt) },
  { name: 'sentAt', value: (r) => text(r.sentAt) },
  { name: 'deliveredAt', value: (r) => text(r.deliveredAt) },
  { name: 'readAt', value: (r) => text(r.readAt) },
  { name: 'updatedAt', value: (r) => text(r.updatedAt) },
  { name: 'costAmount', value: (r) => text(r.cost?.amount) },
  { name: 'costCurrency', value: (r) => text(r.cost?.currency) },
  { name: 'fallbackChannel', value: (r) => text(r.fallback?.channel) },
  { name: 'fallbackIds', value: (r) => (r.fallback?.ids ?? []).join(';') },
]

/**
 * A column of the records table: besides its value, how narrow it may get (`min`) and how much it matters when the
 * terminal is too narrow for all of them (`priority`: the lowest is dropped first; 10 is never dropped).
 */
export interface TableColumn extends RecordColumn {
  min: number
  priority: number
}

/**
 * An ISO timestamp as `yyyy-mm-dd hh:mm:ss` (UTC), or empty.
 */
export const compactTime = (iso: string | null): string => (iso === null ? '' : iso.slice(0, 19).replace('T', ' '))

/**
 * The latest instant a record carries (created, sent, delivered, read or updated), or null: when its status last
 * moved, as far as the vendor says.
 */
export const latestTime = (record: RcsRecord): string | null => {
  let latest: string | null = null
  for (const time of [record.createdAt, record.sentAt, record.deliveredAt, record.readAt, record.updatedAt]) {
    if (time !== null && (latest === null || time > latest)) latest = time
  }
  return latest
}

/**
 * The columns of the records table, most useful first.
 */
export const TABLE_COLUMNS: readonly TableColumn[] = [
  { name: 'provider', min: 8, priority: 6, value: (r) => r.provider },
  { name: 'id', min: 8, priority: 10, value: (r) => r.id },
  { name: 'status', min: 13, priority: 10, value: (r) => r.status },
  { name: 'reason', min: 8, priority: 8, value: (r) => text(r.reason?.code) },
  { name: 'recipient', min: 8, priority: 8, value: (r) => text(r.recipient) },
  { name: 'channel', min: 7, priority: 4, value: (r) => r.channel },
  { name: 'campaign', min: 6, priority: 5, value: (r) => text(r.campaign) },
  { name: 'reference', min: 6, priority: 3, value: (r) => text(r.reference) },
  { name: 'last change (UTC)', min: 19, priority: 7, value: (r) => compactTime(latestTime(r)) },
  { name: 'delivered (UTC)', min: 19, priority: 2, value: (r) => compactTime(r.deliveredAt) },
  { name: 'read (UTC)', min: 19, priority: 1, value: (r) => compactTime(r.readAt) },
  { name: 'vendor status', min: 6, priority: 4, value: (r) => text(r.vendorStatus) },
  {
    name: 'cost',
    min: 6,
    priority: 1,
    value: (r) => (r.cost === null ? '' : `${r.cost.amount} ${r.cost.currency}`),
  },
]

import type { RcsRecord } from '@rcs-records/core'
import { boundedJson } from './bounded-json.js'
import type { Palette } from './colors.js'
import { compactTime, TABLE_COLUMNS, type TableColumn } from './record-columns.js'
import { type Cell, renderTable } from './table.js'

/**
 * The columns of the records table, less those named in `omit`.
 */
export const recordTableColumns = (omit: readonly string[] = []): TableColumn[] =>
  TABLE_COLUMNS.filter((column) => !omit.includes(column.name))

/**
 * One record as the cells of a records-table row (the status coloured when the palette is).
 */
export const recordCells = (record: RcsRecord, columns: readonly TableColumn[], palette: Palette): Cell[] =>
  columns.map((column) =>
    column.name === 'status'
      ? { text: record.status, style: (text: string) => palette.status(record.status, text) }
      : { text: column.value(record) },
  )

/**
 * The records table: one row per record, fitted to `width`, statuses coloured when the palette is; columns empty in
 * every row are left out. `omit` leaves columns out by name (e.g. `provider` under a per-provider heading). For a
 * listing of unknown length use the streaming table of `createRecordWriter('table', …)` instead.
 */
export const recordsTable = (
  records: readonly RcsRecord[],
  width: number,
  palette: Palette,
  options: { omit?: readonly string[] } = {},
): string[] => {
  const columns = recordTableColumns(options.omit)
  return renderTable(
    columns,
    records.map((record) => recordCells(record, columns, palette)),
    width,
    palette,
    { dropEmpty: true },
  )
}

const detailValue = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  return boundedJson(value).text
}

/**
 * One record as a two-column field/value table (what `get` prints on a terminal). `raw` is left out; `extra`
 * fields are shown one per row.
 */
export const recordDetail = (record: RcsRecord, width: number, palette: Palette): string[] => {
  const rows: [string, string][] = [
    ['provider', record.provider],
    ['id', record.id],
    ['status', record.status],
    ['final', String(record.final)],
    ['reason', record.reason === null ? '' : `${record.reason.code}${record.reason.permanent ? ' (permanent)' : ''}`],
    ['vendor status', String(record.vendorStatus)],
    ['vendor description', record.vendorDescription ?? ''],
    ['channel', record.channel],
    ['recipient', record.recipient ?? ''],
    ['sender', record.sender ?? ''],
    ['campaign', record.campaign ?? ''],
    ['reference', record.reference ?? ''],
    ['created (UTC)', compactTime(record.createdAt)],
    ['sent (UTC)', compactTime(record.sentAt)],
    ['delivered (UTC)', compactTime(record.deliveredAt)],
    ['read (UTC)', compactTime(record.readAt)],
    ['updated (UTC)', compactTime(record.updatedAt)],
    ['cost', record.cost === null ? '' : `${record.cost.amount} ${record.cost.currency}`],
    ['fallback', record.fallback === null ? '' : `${record.fallback.channel} ${record.fallback.ids.join(', ')}`.trim()],
    ...Object.entries(record.extra).map(([key, value]): [string, string] => [`extra.${key}`, detailValue(value)]),
  ]
  return renderTable(
    [
      { name: 'field', min: 8, priority: 10 },
      { name: 'value', min: 10, priority: 10 },
    ],
    rows.map(([field, value]) => [
      field,
      field === 'status' ? { text: value, style: (text: string) => palette.status(record.status, text) } : value,
    ]),
    width,
    palette,
  )
}

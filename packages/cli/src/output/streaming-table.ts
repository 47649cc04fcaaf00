import type { RcsRecord } from '@rcs-records/core'
import type { Palette } from './colors.js'
import { recordCells, recordTableColumns } from './records-table.js'
import type { LineSink } from './sink.js'
import { type Cell, type TableLayout, tableLayout } from './table.js'

/**
 * How the streaming records table is drawn.
 */
export interface StreamingTableOptions {
  width: number
  palette: Palette
  /** Rows that decide the column widths before anything is drawn (the first screenful). */
  sampleRows: number
  /** The table stops after this many rows (null: never); see {@link StreamingTable.full}. */
  limit: number | null
  omit?: readonly string[]
  /** A line after the table, given the rows drawn. */
  footer?: (count: number) => string | null
}

/**
 * A records table of any length in constant memory: the first `sampleRows` records decide the widths (columns empty
 * in all of them are left out), then every row is drawn as its record arrives; values wider than their column
 * are truncated with `…`.
 */
export interface StreamingTable {
  write(record: RcsRecord): void
  end(): void
  /** Rows drawn or waiting to be. */
  readonly count: number
  /**
   * True once `limit` rows were written: further records are ignored. A caller that receives another record after
   * that knows the listing holds more than the table shows, and should stop listing.
   */
  readonly full: boolean
}

/**
 * Creates a streaming records table writing to `sink`.
 */
export const createStreamingTable = (sink: LineSink, options: StreamingTableOptions): StreamingTable => {
  const columns = recordTableColumns(options.omit)
  const sampleRows = Math.max(1, options.sampleRows)
  let sample: Cell[][] | null = []
  let layout: TableLayout | null = null
  let count = 0
  let ended = false
  const full = () => options.limit !== null && count >= options.limit
  const start = () => {
    if (layout !== null || sample === null) return
    const rows = sample
    sample = null
    if (rows.length === 0) return
    layout = tableLayout(columns, rows, options.width, options.palette, { dropEmpty: true })
    const drawn = layout
    sink.writeLines([...drawn.head(), ...rows.map((row) => drawn.row(row))])
  }
  return {
    get count() {
      return count
    },
    get full() {
      return full()
    },
    write(record) {
      if (ended || full()) return
      count += 1
      const cells = recordCells(record, columns, options.palette)
      if (layout !== null) sink.writeLines([layout.row(cells)])
      else {
        sample?.push(cells)
        if ((sample?.length ?? 0) >= sampleRows || full()) start()
      }
    },
    end() {
      if (ended) return
      ended = true
      start()
      const footer = options.footer?.(count) ?? null
      const lines = layout === null ? [] : [layout.foot()]
      sink.writeLines(footer === null ? lines : [...lines, footer])
    },
  }
}

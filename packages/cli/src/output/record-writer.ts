import type { RcsRecord } from '@rcs-records/core'
import { boundedJson } from './bounded-json.js'
import type { Palette } from './colors.js'
import { csvLine } from './csv.js'
import type { OutputFormat } from './format.js'
import { CSV_COLUMNS } from './record-columns.js'
import { recordForJson } from './record-json.js'
import { terminalSafe, terminalSafeJson } from './sanitize.js'
import type { LineSink } from './sink.js'
import { createStreamingTable } from './streaming-table.js'

/**
 * Writes records in one output format. `write` emits complete lines as records arrive (the table once its first
 * screenful has decided the column widths, then row by row); `end` completes the document (closes the JSON array or
 * the table), so stopping early still leaves valid output. Memory stays constant whatever the number of records.
 */
export interface RecordWriter {
  write(record: RcsRecord): void
  end(): void
  /** Records written so far. */
  readonly count: number
  /** True once the table format reached its row limit (never for the other formats). */
  readonly full: boolean
}

/**
 * How records are shown: `raw` keeps the vendor payload in json/ndjson; `width` and `palette` shape the table.
 */
export interface RecordWriterOptions {
  raw: boolean
  width: number
  palette: Palette
  /** A line after the table (e.g. the record count); table format only. */
  tableFooter?: (count: number) => string | null
  /** Table format: rows that decide the column widths (the first screenful). Default 100. */
  tableSampleRows?: number
  /** Table format: stop after this many rows (a terminal); default never. */
  tableLimit?: number | null
  /**
   * Called for a record written with part of it cut (json/ndjson: a value nested deeper than 64 levels, which
   * `JSON.stringify` cannot write without overflowing the stack). The record is still written, bounded.
   */
  onCut?: (record: RcsRecord) => void
  /**
   * The output is a terminal: csv cells lose their control characters and json escapes the ones `JSON.stringify`
   * leaves (DEL, C1), so a vendor value cannot drive the terminal. Files and pipes get the data as it is.
   */
  terminal?: boolean
}

/**
 * Creates the writer for a format.
 */
export const createRecordWriter = (
  format: OutputFormat,
  sink: LineSink,
  options: RecordWriterOptions,
): RecordWriter => {
  let count = 0
  const json = (record: RcsRecord) => {
    const { text, cut } = boundedJson(recordForJson(record, options))
    if (cut) options.onCut?.(record)
    return options.terminal === true ? terminalSafeJson(text) : text
  }
  const cell = options.terminal === true ? terminalSafe : (text: string) => text
  switch (format) {
    case 'ndjson':
      return {
        get count() {
          return count
        },
        full: false,
        write(record) {
          sink.writeLines([json(record)])
          count += 1
        },
        end() {},
      }
    case 'csv':
      sink.writeLines([csvLine(CSV_COLUMNS.map((column) => column.name))])
      return {
        get count() {
          return count
        },
        full: false,
        write(record) {
          sink.writeLines([csvLine(CSV_COLUMNS.map((column) => cell(column.value(record))))])
          count += 1
        },
        end() {},
      }
    case 'json': {
      let held: string | null = null
      sink.writeLines(['['])
      return {
        get count() {
          return count
        },
        full: false,
        write(record) {
          if (held !== null) sink.writeLines([`  ${held},`])
          held = json(record)
          count += 1
        },
        end() {
          sink.writeLines(held === null ? [']'] : [`  ${held}`, ']'])
          held = null
        },
      }
    }
    default:
      return createStreamingTable(sink, {
        width: options.width,
        palette: options.palette,
        sampleRows: options.tableSampleRows ?? 100,
        limit: options.tableLimit ?? null,
        ...(options.tableFooter === undefined ? {} : { footer: options.tableFooter }),
      })
  }
}

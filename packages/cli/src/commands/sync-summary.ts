import type { SyncReport } from '@rcs-records/store'
import { csvLine } from '../output/csv.js'
import type { OutputFormat } from '../output/format.js'
import { compactTime } from '../output/record-columns.js'
import type { LineSink } from '../output/sink.js'
import { wrapWords } from '../output/wrap.js'
import { formatElapsed } from '../progress/describe-progress.js'
import { formatCount } from '../report/numbers.js'

/**
 * One line for people about one provider's sync run: the part listed, what it did to the store, the refresh of
 * records not final yet, and how long it took.
 */
export const describeSyncReport = (report: SyncReport, elapsedMs: number): string => {
  const applied = report.applied
  const resumed = report.listedFrom === report.from ? '' : ' (carried on from the checkpoint)'
  const parts = [
    `${report.provider}: listed ${compactTime(report.listedFrom)} → ${compactTime(report.to)} UTC${resumed}: ${formatCount(report.listed)} records (${formatCount(applied.inserted)} new, ${formatCount(applied.changed)} changed, ${formatCount(applied.unchanged)} unchanged)`,
  ]
  if (report.invalid > 0) parts.push(`${formatCount(report.invalid)} skipped as invalid`)
  const refresh = report.refresh
  parts.push(
    refresh.mode === 'none'
      ? 'nothing to refresh'
      : `refreshed ${formatCount(refresh.open)} not final yet by ${refresh.mode}: ${formatCount(refresh.listed)} read, ${formatCount(refresh.applied.changed)} changed`,
  )
  parts.push(`in ${formatElapsed(elapsedMs)}`)
  return parts.join(' · ')
}

const CSV_HEADER = [
  'provider',
  'key',
  'from',
  'to',
  'listedFrom',
  'listed',
  'invalid',
  'inserted',
  'changed',
  'unchanged',
  'refreshMode',
  'refreshOpen',
  'refreshListed',
  'refreshChanged',
  'elapsedMs',
]

const csvRow = (report: SyncReport, elapsedMs: number): string =>
  csvLine(
    [
      report.provider,
      report.key,
      report.from,
      report.to,
      report.listedFrom,
      report.listed,
      report.invalid,
      report.applied.inserted,
      report.applied.changed,
      report.applied.unchanged,
      report.refresh.mode,
      report.refresh.open,
      report.refresh.listed,
      report.refresh.applied.changed,
      Math.round(elapsedMs),
    ].map(String),
  )

/**
 * Writes `sync`'s summaries as runs finish: table → one line per provider and run (fitted to the width); ndjson →
 * the `SyncReport` with `elapsedMs`, one per line; json → an array of them (closed by `end`); csv → a header, then one
 * row each. Table lines are wrapped at `width`.
 */
export const syncSummaryWriter = (format: OutputFormat, sink: LineSink, width: number) => {
  let held: string | null = null
  if (format === 'csv') sink.writeLines([csvLine(CSV_HEADER)])
  if (format === 'json') sink.writeLines(['['])
  return {
    write(report: SyncReport, elapsedMs: number): void {
      const json = JSON.stringify({ ...report, elapsedMs: Math.round(elapsedMs) })
      if (format === 'table') sink.writeLines(wrapWords(describeSyncReport(report, elapsedMs), width))
      else if (format === 'csv') sink.writeLines([csvRow(report, elapsedMs)])
      else if (format === 'ndjson') sink.writeLines([json])
      else {
        if (held !== null) sink.writeLines([`  ${held},`])
        held = json
      }
    },
    end(): void {
      if (format === 'json') sink.writeLines(held === null ? [']'] : [`  ${held}`, ']'])
      held = null
    },
  }
}

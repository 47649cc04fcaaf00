import type { ListFilters } from '../args/command.js'
import type { ExitCode } from '../exit-codes.js'
import { EXIT } from '../exit-codes.js'
import type { Palette } from '../output/colors.js'
import type { OutputFormat } from '../output/format.js'
import { FunnelAccumulator, type FunnelReport } from '../report/funnel.js'
import { funnelCsvLines, funnelRows } from '../report/funnel-rows.js'
import { renderFunnelReport } from '../report/render-funnel.js'
import type { Session } from './session.js'
import { describeCounts, streamRecords } from './stream-records.js'

/**
 * A funnel report in an output format: the terminal rendering (table), the report object (json), one funnel per
 * line (ndjson) or one funnel per row (csv).
 */
export const funnelReportLines = (
  report: FunnelReport,
  format: OutputFormat,
  width: number,
  palette: Palette,
): string[] => {
  switch (format) {
    case 'json':
      return [JSON.stringify(report, null, 2)]
    case 'ndjson':
      return funnelRows(report).map((row) => JSON.stringify(row))
    case 'csv':
      return funnelCsvLines(report)
    default:
      return renderFunnelReport(report, width, palette)
  }
}

/**
 * `rcs-records report --from --to`: lists the window (from one provider or several) and prints the delivery funnel
 * overall, per provider and per campaign (`--top` largest). Ctrl-C prints the report of what was read so far and
 * exits 130.
 */
export const runReport = async (session: Session, filters: ListFilters, top: number): Promise<ExitCode> => {
  const clients = await session.openClients({ many: true })
  const { sink, format, palette } = session.openOutput()
  const funnel = new FunnelAccumulator()
  const counts = await streamRecords(session, clients, filters, (record) => funnel.add(record))
  const report = funnel.report({ from: filters.from, to: filters.to, top, unreadable: session.unreadable })
  sink.writeLines(funnelReportLines(report, format, session.width, palette))
  if (session.scope.interrupted) {
    session.note(`rcs-records: interrupted after ${describeCounts(counts)}; the report covers those only`)
    return EXIT.interrupted
  }
  session.noteWritten(`the funnel of ${describeCounts(counts)}`)
  return EXIT.ok
}

import type { ListFilters } from '../args/command.js'
import type { ExitCode } from '../exit-codes.js'
import { EXIT } from '../exit-codes.js'
import { createRecordWriter } from '../output/record-writer.js'
import { formatCount } from '../report/numbers.js'
import type { Session } from './session.js'
import { describeCounts, streamRecords } from './stream-records.js'

/**
 * `rcs-records list --from --to [filters]`: every record of a window, streamed to the output as it arrives, from
 * one provider or several (`--provider bsg,spacivox` or `all`). Ctrl-C stops it with the output complete line by
 * line (a json array is closed) and exit 130.
 */
export const runList = async (session: Session, filters: ListFilters): Promise<ExitCode> => {
  const clients = await session.openClients({ many: true })
  const { sink, format, palette } = session.openOutput()
  const counts = new Map<string, number>()
  let more = false
  const writer = createRecordWriter(format, sink, {
    ...session.writerOptions(palette),
    tableFooter: (count) =>
      palette.dim(more ? `the first ${formatCount(count)} records; the window holds more` : describeCounts(counts)),
  })
  try {
    await streamRecords(
      session,
      clients,
      filters,
      (record) => {
        if (writer.full) {
          // A table on a terminal is for reading: it stops at its limit rather than download what nobody will see.
          more = true
          session.scope.abort()
          return null
        }
        writer.write(record)
        return sink.ready()
      },
      counts,
    )
  } finally {
    writer.end()
  }
  if (session.scope.interrupted) {
    session.note(`rcs-records: interrupted after ${describeCounts(counts)}`)
    return EXIT.interrupted
  }
  session.noteWritten(describeCounts(counts))
  if (more) {
    session.note(
      `rcs-records: a table on a terminal stops at ${formatCount(writer.count)} records; for every record of the window use --format ndjson --out records.ndjson (or --format csv)`,
    )
  }
  return EXIT.ok
}

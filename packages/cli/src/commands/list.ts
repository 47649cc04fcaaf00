import type { ListFilters } from '../args/command.js'
import type { ExitCode } from '../exit-codes.js'
import { EXIT } from '../exit-codes.js'
import { createRecordWriter } from '../output/record-writer.js'
import type { Session } from './session.js'
import { describeCounts, streamRecords } from './stream-records.js'

/**
 * `rcs-records list --from --to [filters]`: every record of a window, streamed to the output as it arrives, from
 * one provider or several (`--provider bsg,spacivox` or `all`). Ctrl-C stops it with the output complete line by
 * line (a json array is closed) and exit 130.
 *
 * @example
 * import { runList } from '@rcs-records/cli'
 * const code = await runList(session, { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' })
 */
export const runList = async (session: Session, filters: ListFilters): Promise<ExitCode> => {
  const clients = await session.openClients({ many: true })
  const { sink, format, palette } = session.openOutput()
  const counts = new Map<string, number>()
  const writer = createRecordWriter(format, sink, {
    raw: session.common.raw,
    width: session.width,
    palette,
    tableFooter: () => palette.dim(describeCounts(counts)),
  })
  try {
    await streamRecords(session, clients, filters, (record) => writer.write(record), counts)
  } finally {
    writer.end()
  }
  if (session.scope.interrupted) {
    session.note(`rcs-records: interrupted after ${describeCounts(counts)}`)
    return EXIT.interrupted
  }
  return EXIT.ok
}

import type { StoreFilters } from '../args/command.js'
import type { ExitCode } from '../exit-codes.js'
import { EXIT } from '../exit-codes.js'
import { createRecordWriter } from '../output/record-writer.js'
import { formatCount } from '../report/numbers.js'
import { untilAborted } from '../runtime/until-aborted.js'
import { storeQueryOf } from './report-store.js'
import type { Session } from './session.js'
import { openCommandStore, storeLocation } from './store-target.js'

const plural = (n: number) => `${formatCount(n)} record${n === 1 ? '' : 's'}`

/**
 * `rcs-records query [--store DIR|URL] [filters] [--limit N]`: the records kept in a store, streamed to the output in
 * the store's order (creation time, provider, id). The store reads a page of 500 at a time and the next page only
 * when the output has taken the last one (a pipe whose reader is behind holds it back), so memory stays constant
 * whatever the number of records. Ctrl-C stops it with the output complete line by line and exit 130.
 */
export const runQuery = async (
  session: Session,
  options: { store?: string; query: StoreFilters; limit?: number },
): Promise<ExitCode> => {
  const store = await openCommandStore(session, storeLocation(options.store, session.io.env))
  let more = false
  try {
    const { sink, format, palette } = session.openOutput()
    const writer = createRecordWriter(format, sink, {
      ...session.writerOptions(palette),
      tableFooter: (count) =>
        palette.dim(more ? `the first ${formatCount(count)} records; the store holds more` : plural(count)),
    })
    const limit = options.limit ?? Number.POSITIVE_INFINITY
    try {
      for await (const record of untilAborted(store.query(storeQueryOf(options.query)), session.scope.signal)) {
        if (writer.full) {
          // A table on a terminal is for reading: it stops at its limit, and says how to get everything.
          more = true
          break
        }
        writer.write(record)
        if (writer.count >= limit) break
        const wait = sink.ready()
        if (wait) await wait
      }
    } finally {
      writer.end()
    }
    if (session.scope.interrupted) {
      session.note(`rcs-records: interrupted after ${plural(writer.count)}`)
      return EXIT.interrupted
    }
    session.noteWritten(plural(writer.count))
    if (more) {
      session.note(
        `rcs-records: a table on a terminal stops at ${formatCount(writer.count)} records; for every record use --format ndjson --out records.ndjson (or --format csv)`,
      )
    }
    return EXIT.ok
  } finally {
    await store.close()
  }
}

import type { CallOptions, RcsRecord } from '@rcs-records/core'
import type { LookupOptions } from '../args/command.js'
import type { ExitCode } from '../exit-codes.js'
import { EXIT } from '../exit-codes.js'
import { boundedJson } from '../output/bounded-json.js'
import { recordForJson } from '../output/record-json.js'
import { createRecordWriter } from '../output/record-writer.js'
import { recordDetail } from '../output/records-table.js'
import { terminalSafeJson } from '../output/sanitize.js'
import { settleOrAbort } from '../runtime/until-aborted-promise.js'
import type { Session } from './session.js'

/**
 * The lookup options of a command as core's CallOptions, with the session's abort signal.
 */
export const callOptionsOf = (lookup: LookupOptions, signal: AbortSignal): CallOptions => ({
  ...(lookup.channel === undefined ? {} : { channel: lookup.channel }),
  ...(lookup.from === undefined ? {} : { from: lookup.from }),
  signal,
})

/**
 * Writes records in the session's format; with `detail` (one record asked for), the table format shows it as a
 * field/value table and json as one object rather than an array.
 */
export const writeRecords = (session: Session, records: readonly RcsRecord[], options: { detail: boolean }): void => {
  const { sink, format, palette } = session.openOutput()
  const [only] = records
  if (options.detail && format === 'table' && records.length === 1 && only !== undefined) {
    sink.writeLines(recordDetail(only, session.width, palette))
    return
  }
  if (options.detail && format === 'json' && only !== undefined) {
    const { text, cut } = boundedJson(recordForJson(only, session.common), { indent: 2 })
    if (cut) session.noteCut(only)
    sink.writeLines([session.toTerminal ? terminalSafeJson(text) : text])
    return
  }
  const writer = createRecordWriter(format, sink, {
    ...session.writerOptions(palette),
    tableLimit: null,
    tableFooter: (count) => palette.dim(`${count} record${count === 1 ? '' : 's'}`),
  })
  for (const record of records) writer.write(record)
  writer.end()
}

/**
 * `rcs-records get <id>`: one message's record. Not found is exit 4.
 */
export const runGet = async (session: Session, id: string, lookup: LookupOptions): Promise<ExitCode> => {
  const [client] = await session.openClients({ many: false })
  if (client === undefined) return EXIT.config
  session.openOutput()
  const { signal } = session.scope
  const record = await settleOrAbort(client.get(id, callOptionsOf(lookup, signal)), signal)
  writeRecords(session, [record], { detail: true })
  return EXIT.ok
}

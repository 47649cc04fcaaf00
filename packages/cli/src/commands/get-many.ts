import type { LookupOptions } from '../args/command.js'
import { CliError } from '../cli-error.js'
import type { ExitCode } from '../exit-codes.js'
import { EXIT } from '../exit-codes.js'
import { createRecordWriter } from '../output/record-writer.js'
import { terminalSafe } from '../output/sanitize.js'
import { formatCount } from '../report/numbers.js'
import { settleOrAbort } from '../runtime/until-aborted-promise.js'
import { callOptionsOf } from './get.js'
import { idsFromText, readAllText } from './read-ids.js'
import type { Session } from './session.js'

const MAX_LISTED = 10
/**
 * Ids looked up per call of the client's `getMany` (which splits them into the vendor's batches and runs those
 * concurrently): the records of one chunk are written before the next is asked for, so memory does not grow with
 * the number of ids.
 */
export const GET_MANY_CHUNK = 1_000

/**
 * `rcs-records get-many <ids…|->`: records of many messages (ids from the arguments, or from stdin with `-`),
 * looked up a chunk of ids at a time and written as each chunk comes back, in the order asked. Records found are
 * written; when some ids are unknown they are listed on stderr and the exit code is 4.
 */
export const runGetMany = async (
  session: Session,
  source: string[] | 'stdin',
  lookup: LookupOptions,
): Promise<ExitCode> => {
  const [client] = await session.openClients({ many: false })
  if (client === undefined) return EXIT.config
  const { signal } = session.scope
  const ids = [
    ...new Set(source === 'stdin' ? idsFromText(await settleOrAbort(readAllText(session.io.stdin), signal)) : source),
  ]
  if (ids.length === 0) throw CliError.usage('get-many: no message ids on stdin')
  const { sink, format, palette } = session.openOutput()
  const writer = createRecordWriter(format, sink, {
    ...session.writerOptions(palette),
    tableLimit: null,
    tableFooter: (count) => palette.dim(`${formatCount(count)} record${count === 1 ? '' : 's'}`),
  })
  const missing: string[] = []
  let missingCount = 0
  try {
    for (let at = 0; at < ids.length && !signal.aborted; at += GET_MANY_CHUNK) {
      const chunk = ids.slice(at, at + GET_MANY_CHUNK)
      const found = await settleOrAbort(client.getMany(chunk, callOptionsOf(lookup, signal)), signal)
      for (const record of found.records) writer.write(record)
      missingCount += found.missing.length
      for (const id of found.missing) if (missing.length < MAX_LISTED) missing.push(id)
      await sink.ready()
    }
  } finally {
    writer.end()
  }
  session.noteWritten(`${formatCount(writer.count)} record${writer.count === 1 ? '' : 's'}`)
  if (missingCount === 0) return EXIT.ok
  const listed = missing.map(terminalSafe).join(', ')
  const more = missingCount > MAX_LISTED ? ` and ${formatCount(missingCount - MAX_LISTED)} more` : ''
  session.note(
    `rcs-records: ${client.provider}: ${formatCount(missingCount)} of ${formatCount(ids.length)} ids not found: ${listed}${more}`,
  )
  return EXIT.notFound
}

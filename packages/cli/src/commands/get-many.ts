import type { LookupOptions } from '../args/command.js'
import { CliError } from '../cli-error.js'
import type { ExitCode } from '../exit-codes.js'
import { EXIT } from '../exit-codes.js'
import { terminalSafe } from '../output/sanitize.js'
import { settleOrAbort } from '../runtime/until-aborted-promise.js'
import { callOptionsOf, writeRecords } from './get.js'
import { idsFromText, readAllText } from './read-ids.js'
import type { Session } from './session.js'

const MAX_LISTED = 10

/**
 * `rcs-records get-many <ids…|->`: records of many messages (ids from the arguments, or from stdin with `-`).
 * Records found are written; when some ids are unknown they are listed on stderr and the exit code is 4.
 *
 * @example
 * import { runGetMany } from '@rcs-records/cli'
 * const code = await runGetMany(session, ['26130', '26131'], {})
 */
export const runGetMany = async (
  session: Session,
  source: string[] | 'stdin',
  lookup: LookupOptions,
): Promise<ExitCode> => {
  const [client] = await session.openClients({ many: false })
  if (client === undefined) return EXIT.config
  const { signal } = session.scope
  const ids = source === 'stdin' ? idsFromText(await settleOrAbort(readAllText(session.io.stdin), signal)) : source
  if (ids.length === 0) throw CliError.usage('get-many: no message ids on stdin')
  session.openOutput()
  const { records, missing } = await settleOrAbort(client.getMany(ids, callOptionsOf(lookup, signal)), signal)
  writeRecords(session, records, { detail: false })
  if (missing.length === 0) return EXIT.ok
  const listed = missing.slice(0, MAX_LISTED).map(terminalSafe).join(', ')
  const more = missing.length > MAX_LISTED ? ` and ${missing.length - MAX_LISTED} more` : ''
  session.note(`rcs-records: ${client.provider}: ${missing.length} of ${ids.length} ids not found: ${listed}${more}`)
  return EXIT.notFound
}

import type { RcsRecord } from '@rcs-records/core'
import type { LookupOptions } from '../args/command.js'
import type { ExitCode } from '../exit-codes.js'
import { EXIT } from '../exit-codes.js'
import type { Palette } from '../output/colors.js'
import { createRecordWriter } from '../output/record-writer.js'
import { terminalSafe } from '../output/sanitize.js'
import { formatCount } from '../report/numbers.js'
import { untilAborted } from '../runtime/until-aborted.js'
import { callOptionsOf } from './get.js'
import type { Session } from './session.js'

/**
 * One line describing a change seen by `watch` (the table format of watch):
 * `12:00:05  bsg 26130  sent → delivered`. Vendor text (provider, id, reason) is made terminal-safe first and the
 * colours are applied after, so they reach the terminal intact.
 */
export const describeChange = (
  previous: RcsRecord | undefined,
  next: RcsRecord,
  atMs: number,
  palette: Palette,
): string => {
  const time = new Date(atMs).toISOString().slice(11, 19)
  const status =
    previous === undefined || previous.status === next.status
      ? palette.status(next.status)
      : `${palette.status(previous.status)} → ${palette.status(next.status)}`
  const reason = next.reason === null ? '' : ` (${terminalSafe(next.reason.code)})`
  const final = next.final ? palette.dim('  final') : ''
  return `${palette.dim(time)}  ${terminalSafe(next.provider)} ${terminalSafe(next.id)}  ${status}${reason}${final}`
}

/**
 * `rcs-records watch <ids…>`: polls until every message is final (exit 0), `--timeout` passes (exit 6; 5 when the
 * vendor's last answer was a failure — an outage, not a slow message; 4 when the vendor answered and an id was
 * never in its answers), or Ctrl-C (exit 130). The timeout is kept even while a poll is in flight. Each change is written as it happens: a record per line (ndjson/csv),
 * a line per change (table), or an array of every change (json).
 */
export const runWatch = async (
  session: Session,
  ids: readonly string[],
  lookup: LookupOptions,
  timing: { intervalMs?: number; timeoutMs?: number },
): Promise<ExitCode> => {
  const [client] = await session.openClients({ many: false })
  if (client === undefined) return EXIT.config
  const { sink, format, palette } = session.openOutput()
  const { signal } = session.scope
  const latest = new Map<string, RcsRecord>()
  let changed = 0
  const writer = format === 'table' ? null : createRecordWriter(format, sink, session.writerOptions(palette))
  const changes = client.watch(ids, {
    ...callOptionsOf(lookup, signal),
    ...(timing.intervalMs === undefined ? {} : { intervalMs: timing.intervalMs, maxIntervalMs: timing.intervalMs * 4 }),
    ...(timing.timeoutMs === undefined ? {} : { timeoutMs: timing.timeoutMs }),
  })
  try {
    for await (const record of untilAborted(changes, signal)) {
      if (writer === null) sink.writeLines([describeChange(latest.get(record.id), record, session.io.now(), palette)])
      else writer.write(record)
      latest.set(record.id, record)
      changed += 1
    }
  } catch (error) {
    if (!signal.aborted) throw error
  } finally {
    writer?.end()
    session.noteWritten(`${formatCount(changed)} change${changed === 1 ? '' : 's'}`)
  }
  if (session.scope.interrupted) return EXIT.interrupted
  if (signal.aborted) return EXIT.ok
  const unique = [...new Set(ids)]
  const unseen = unique.filter((id) => !latest.has(id))
  const pending = unique.filter((id) => latest.get(id)?.final === false)
  const waitingFor = [...unseen, ...pending]
  if (waitingFor.length === 0) return EXIT.ok
  const { lastFailure, answered } = session.activity
  if (lastFailure !== null) {
    session.note(
      `rcs-records: ${client.provider}: the vendor is failing; watch stopped at --timeout with ${waitingFor.length} not final (${lastFailure.message})`,
    )
    return EXIT.vendor
  }
  if (unseen.length > 0 && answered) {
    session.note(`rcs-records: ${client.provider}: never found: ${unseen.join(', ')}`)
    return EXIT.notFound
  }
  const why = answered ? 'not final yet' : 'no answer from the vendor in time for'
  session.note(`rcs-records: ${client.provider}: timed out; ${why}: ${waitingFor.join(', ')}`)
  return EXIT.watchTimeout
}

import { readFileSync } from 'node:fs'
import type { Command } from './args/command.js'
import { helpText } from './args/help.js'
import { parseCommandLine } from './args/parse-command-line.js'
import { CliError } from './cli-error.js'
import { runDemo } from './commands/demo.js'
import { runGet } from './commands/get.js'
import { runGetMany } from './commands/get-many.js'
import { runList } from './commands/list.js'
import { runQuery } from './commands/query.js'
import { runReport } from './commands/report.js'
import { runStoreReport } from './commands/report-store.js'
import { runServe } from './commands/serve.js'
import { openSession, type Session } from './commands/session.js'
import { runSimulate } from './commands/simulate.js'
import { runSync } from './commands/sync.js'
import { runWatch } from './commands/watch.js'
import { describeFailure } from './describe-failure.js'
import { EXIT, type ExitCode } from './exit-codes.js'
import type { CliIo } from './runtime/cli-io.js'

const version = (): string => {
  try {
    const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8')
    return (JSON.parse(text) as { version?: string }).version ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

const runCommand = (session: Session, command: Exclude<Command, { name: 'help' | 'version' }>): Promise<ExitCode> => {
  switch (command.name) {
    case 'get':
      return runGet(session, command.id, command.lookup)
    case 'get-many':
      return runGetMany(session, command.ids, command.lookup)
    case 'list':
      return runList(session, command.filters)
    case 'watch':
      return runWatch(session, command.ids, command.lookup, {
        ...(command.intervalMs === undefined ? {} : { intervalMs: command.intervalMs }),
        ...(command.timeoutMs === undefined ? {} : { timeoutMs: command.timeoutMs }),
      })
    case 'report':
      if (command.store !== undefined) return runStoreReport(session, command.store, command.query, command.top)
      return runReport(session, command.filters, command.top)
    case 'sync':
      return runSync(session, command)
    case 'query':
      return runQuery(session, command)
    case 'simulate':
      return runSimulate(session, command)
    case 'demo':
      return runDemo(session, command)
    case 'serve':
      return runServe(session, command)
  }
}

/**
 * Runs `rcs-records` with `argv` (without `node` and the script) and returns the exit code. Never throws: every
 * failure becomes one line on stderr (no stack trace, secrets redacted) and its documented exit code.
 *
 * @example
 * import { nodeIo, runCli } from '@rcs-records/cli'
 * process.exitCode = await runCli(['list', '--provider', 'bsg', '--from', 'now-1d'], nodeIo())
 */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  let command: Command
  try {
    command = parseCommandLine(argv, io.now())
  } catch (error) {
    const failure = describeFailure(error)
    io.stderr.write(`${failure.line}\n`)
    return failure.exitCode
  }
  if (command.name === 'version') {
    io.stdout.write(`${version()}\n`)
    return EXIT.ok
  }
  if (command.name === 'help') {
    const text = helpText(command.topic)
    if (text === null) {
      io.stderr.write(`${describeFailure(CliError.usage(`no help for "${command.topic}"`)).line}\n`)
      return EXIT.usage
    }
    io.stdout.write(`${text}\n`)
    return EXIT.ok
  }
  const session = openSession(io, command.common)
  let code: number
  try {
    code = await runCommand(session, command)
  } catch (error) {
    if (session.scope.interrupted) {
      session.note('rcs-records: interrupted')
      code = EXIT.interrupted
    } else {
      const failure = describeFailure(error)
      session.note(failure.line)
      code = failure.exitCode
    }
  }
  try {
    await session.close()
  } catch (error) {
    session.note(describeFailure(error).line)
    if (code === EXIT.ok) code = EXIT.internal
  }
  return code
}

/**
 * @rcs-records/cli — the `rcs-records` command. The bin is `dist/bin.js`; this entry is what a program embedding
 * the CLI needs: `runCli` with the process it talks to (`CliIo`, `nodeIo`), the argument parser and help text (to
 * check a command line before running it), the exit codes and the error a failing command line is reported with.
 * Everything else (commands, formatters, the funnel report, config resolution) is internal.
 *
 * @packageDocumentation
 */

export type { Command } from './args/command.js'
export { helpText } from './args/help.js'
export { parseCommandLine } from './args/parse-command-line.js'
export { CliError } from './cli-error.js'
export { EXIT, type ExitCode } from './exit-codes.js'
export { runCli } from './run-cli.js'
export { type CliIo, nodeIo } from './runtime/cli-io.js'

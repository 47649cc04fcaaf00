#!/usr/bin/env node
/**
 * The `rcs-records` executable: runs the CLI and exits with its code. Anything that escapes (a module that fails to
 * load, a stray rejection) is still one line on stderr and exit 1, never a stack trace.
 */

/** Core's redaction once core has loaded (it knows the registered secrets). */
let redact = (text: string): string => text

/** The CLI's sanitiser (`terminalSafe`) inlined: this line must print even when no module could load. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const safe = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')

const fail = (error: unknown): void => {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`rcs-records: internal error: ${safe(redact(message.split('\n')[0] ?? ''))}\n`)
  process.exit(1)
}

process.on('uncaughtException', fail)
process.on('unhandledRejection', fail)

try {
  redact = (await import('@rcs-records/core/kit')).redact
  const { nodeIo } = await import('./runtime/cli-io.js')
  const { runCli } = await import('./run-cli.js')
  const code = await runCli(process.argv.slice(2), nodeIo())
  // Exit once stdout is flushed: idle keep-alive sockets must not hold the process open.
  process.stdout.write('', () => process.exit(code))
} catch (error) {
  fail(error)
}

import type { RcsErrorKind } from '@rcs-records/core'

/**
 * The exit codes of `rcs-records`, stable and documented in the README.
 *
 * @example
 * import { EXIT, nodeIo, runCli } from '@rcs-records/cli'
 * const code = await runCli(['get', '26130', '--provider', 'bsg'], nodeIo())
 * if (code === EXIT.notFound) console.log('no such message')
 */
export const EXIT = {
  /** Everything went as asked. */
  ok: 0,
  /** A bug: something the CLI did not expect (reported as one line, never a stack trace). */
  internal: 1,
  /** Bad arguments, or a query the vendor refused (`bad_request`) or cannot do (`unsupported`). */
  usage: 2,
  /** Bad or missing config, an unreadable config file, or credentials the vendor refused (`auth`). */
  config: 3,
  /** The message (or one of the messages) does not exist at the vendor. */
  notFound: 4,
  /** The vendor failed, throttled, timed out, sent something undecodable, or the network failed. */
  vendor: 5,
  /** `watch` reached its `--timeout` before every message was final. */
  watchTimeout: 6,
  /** Stopped by Ctrl-C (SIGINT); the output written so far is complete line by line. */
  interrupted: 130,
} as const

/**
 * One of the values of {@link EXIT}.
 *
 * @example
 * import { EXIT, type ExitCode } from '@rcs-records/cli'
 * const failed = (code: ExitCode): boolean => code !== EXIT.ok && code !== EXIT.interrupted
 */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

const EXIT_OF_KIND: Readonly<Record<RcsErrorKind, ExitCode>> = {
  config: EXIT.config,
  auth: EXIT.config,
  not_found: EXIT.notFound,
  bad_request: EXIT.usage,
  unsupported: EXIT.usage,
  rate_limited: EXIT.vendor,
  provider: EXIT.vendor,
  transport: EXIT.vendor,
  timeout: EXIT.vendor,
  decode: EXIT.vendor,
}

/**
 * The exit code for an RcsError kind.
 */
export const exitCodeOfKind = (kind: RcsErrorKind): ExitCode => EXIT_OF_KIND[kind]

import type { ExitCode } from './exit-codes.js'
import { EXIT } from './exit-codes.js'

/**
 * A failure of the command line itself (bad arguments, unreadable config file, unwritable output). Its message is
 * the one line printed on stderr.
 *
 * @example
 * import { CliError, parseCommandLine } from '@rcs-records/cli'
 * try {
 *   parseCommandLine(['lsit'], Date.now())
 * } catch (error) {
 *   if (error instanceof CliError) console.error(error.message, error.exitCode)
 *   // unknown command "lsit"; did you mean "list"? (see rcs-records --help) 2
 * }
 */
export class CliError extends Error {
  override readonly name = 'CliError'
  readonly exitCode: ExitCode

  constructor(message: string, exitCode: ExitCode) {
    super(message)
    this.exitCode = exitCode
  }

  /**
   * A usage error (exit 2).
   *
   * @example
   * import { CliError } from '@rcs-records/cli'
   * throw CliError.usage('unknown command: lsit')
   */
  static usage(message: string): CliError {
    return new CliError(message, EXIT.usage)
  }

  /**
   * A config error (exit 3).
   *
   * @example
   * import { CliError } from '@rcs-records/cli'
   * throw CliError.config('no provider: pass --provider or set "provider" in the config file')
   */
  static config(message: string): CliError {
    return new CliError(message, EXIT.config)
  }
}

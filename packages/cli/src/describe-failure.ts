import { RcsError } from '@rcs-records/core'
import { redact } from '@rcs-records/core/kit'
import { forCommandLine } from './cli-advice.js'
import { CliError } from './cli-error.js'
import type { ExitCode } from './exit-codes.js'
import { EXIT, exitCodeOfKind } from './exit-codes.js'
import { terminalSafe } from './output/sanitize.js'

/**
 * What the CLI prints and returns for a failure.
 */
export interface Failure {
  /** One line, prefixed with `rcs-records: `, with every registered secret redacted. */
  line: string
  exitCode: ExitCode
}

/** The id an adapter flagged as one its vendor can never have (`details.invalidId`), or null. */
const invalidId = (error: RcsError): string | null => {
  const id = (error.details as { invalidId?: unknown } | null | undefined)?.invalidId
  return typeof id === 'string' ? id : null
}

/** Collapses a message onto one line, every control character gone (vendor text reaches these messages). */
const oneLine = (text: string): string => terminalSafe(text.replace(/\s*[\r\n]+\s*/g, ' ')).trim()

/**
 * Turns anything thrown into one clear stderr line and an exit code: `RcsError` by kind, `CliError` by its own code,
 * anything else an internal error (exit 1). Never a stack trace; registered secrets are redacted, control characters
 * removed, and the library's advice rewritten as flags (`pass { from }` → `pass --from`). A `not_found` for an id
 * the vendor can never have (`details.invalidId`, e.g. `abc` on BSG) is a usage error (exit 2).
 */
export const describeFailure = (error: unknown): Failure => {
  if (error instanceof CliError)
    return { line: `rcs-records: ${redact(oneLine(error.message))}`, exitCode: error.exitCode }
  if (error instanceof RcsError) {
    if (error.kind === 'not_found' && invalidId(error) !== null) {
      // The vendor's ids cannot look like this (BSG's are integers): a mistyped argument, not a missing message.
      return { line: `rcs-records: ${redact(oneLine(forCommandLine(error.message)))}`, exitCode: EXIT.usage }
    }
    return {
      line: `rcs-records: ${redact(oneLine(forCommandLine(error.message)))}`,
      exitCode: exitCodeOfKind(error.kind),
    }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { line: `rcs-records: internal error: ${redact(oneLine(message))}`, exitCode: EXIT.internal }
}

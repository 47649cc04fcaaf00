import type { Logger } from '@rcs-records/core'
import { redact } from '@rcs-records/core/kit'
import { terminalSafe } from '../output/sanitize.js'

const describeFields = (fields: Record<string, unknown> | undefined): string => {
  if (fields === undefined) return ''
  const parts = Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`
}

/**
 * The library's logger for the CLI: one line per message on stderr, registered secrets redacted, control characters
 * removed. Warnings and errors always; info and debug only with `--verbose`. On a terminal each line first erases
 * the progress line.
 */
export const stderrLogger = (
  stream: { write(text: string): unknown },
  options: { verbose: boolean; terminal: boolean },
): Logger => {
  const emit = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    const line = terminalSafe(redact(`rcs-records: ${level}: ${message}${describeFields(fields)}`))
    stream.write(`${options.terminal ? '\r\u001b[K' : ''}${line}\n`)
  }
  const drop = () => {}
  return {
    debug: options.verbose ? emit('debug') : drop,
    info: options.verbose ? emit('info') : drop,
    warn: emit('warning'),
    error: emit('error'),
  }
}

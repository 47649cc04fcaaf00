import { inspect } from 'node:util'
import type { Logger } from '@rcs-records/core'

/** One call to a captured logger. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error'
  message: string
  fields: Record<string, unknown> | undefined
}

/** A logger that keeps every call, and the whole output as text (for secret scans). */
export interface CapturedLogger {
  logger: Logger
  entries: LogEntry[]
  warnings(): LogEntry[]
  text(): string
}

/** Creates a {@link CapturedLogger}. */
export const captureLogger = (): CapturedLogger => {
  const entries: LogEntry[] = []
  const at =
    (level: LogEntry['level']) =>
    (message: string, fields?: Record<string, unknown>): void => {
      entries.push({ level, message, fields })
    }
  return {
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    entries,
    warnings: () => entries.filter((entry) => entry.level === 'warn'),
    text: () =>
      entries.map((entry) => `${entry.level} ${entry.message} ${inspect(entry.fields, { depth: 20 })}`).join('\n'),
  }
}

/**
 * Where the library reports what it does not throw (skipped records, retries). Any console-like object fits.
 *
 * @example
 * import type { Logger } from '@rcs-records/core'
 * const logger: Logger = { debug() {}, info() {}, warn: console.warn, error: console.error }
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

const noop = (): void => {}

/**
 * The default logger: warnings and errors to the console, debug and info dropped.
 *
 * @example
 * import { consoleLogger } from '@rcs-records/core'
 * consoleLogger.warn('skipped a record', { id: '42' })
 */
export const consoleLogger: Logger = {
  debug: noop,
  info: noop,
  warn: (message, fields) => console.warn(`[rcs-records] ${message}`, fields ?? ''),
  error: (message, fields) => console.error(`[rcs-records] ${message}`, fields ?? ''),
}

/**
 * A logger that drops everything.
 *
 * @example
 * import { adapter } from '@rcs-records/bsg'
 * import { createClient, silentLogger } from '@rcs-records/core'
 * createClient({ adapter, config: { apiKey: 'live_0123456789' }, logger: silentLogger })
 */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop }

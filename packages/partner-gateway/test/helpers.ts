import { type Clock, createClient, type Logger, type RcsClient, silentLogger } from '@rcs-records/core'
import { adapter } from '../src/index.js'
import { API_KEY, BASE_URL } from './fixtures.js'

/** The origin and path prefix nock intercepts. */
export const ORIGIN = 'https://lora-api.agiletelecom.com'
export const STATUS_PATH = '/api/partner-gateway/v1/messages/status'
export const HISTORY_PATH = '/api/partner-gateway/v1/messages/history'

/** A clock whose sleeps return at once and are recorded (retry delays become observable). */
export const recordingClock = (now = Date.parse('2025-01-02T00:00:00Z')): Clock & { sleeps: number[] } => {
  const sleeps: number[] = []
  return { sleeps, now: () => now, sleep: async (ms) => void sleeps.push(ms) }
}

/** A logger that keeps what it is told. */
export const recordingLogger = (): Logger & { warnings: Array<[string, Record<string, unknown> | undefined]> } => {
  const warnings: Array<[string, Record<string, unknown> | undefined]> = []
  return { ...silentLogger, warnings, warn: (message, fields) => void warnings.push([message, fields]) }
}

/** A client on the vendor's base URL with fast retries. */
export const makeClient = (
  config: Record<string, unknown> = {},
  options: { clock?: Clock; logger?: Logger; concurrency?: number } = {},
): RcsClient =>
  createClient({
    adapter,
    config: { apiKey: API_KEY, baseUrl: BASE_URL, ...config },
    http: {
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    },
    logger: options.logger ?? silentLogger,
    clock: options.clock ?? recordingClock(),
  })

/** Drains an async iterable into an array. */
export const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

/** The rejection of a promise (fails when it resolves). */
export const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

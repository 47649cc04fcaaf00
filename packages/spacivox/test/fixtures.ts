import { type Clock, createClient, type Logger, type RcsClient, type RcsRecord, systemClock } from '@rcs-records/core'
import { adapter } from '../src/index.js'

export const BASE = 'https://api.spacivox.test'
/** The token of the vendor's example request. */
export const TOKEN = '0a1b2c3d4e5f'

/** Seed 004's example response body, verbatim. */
export const SEED_RESPONSE = `[
   {
      "campaign": 1,
      "id": 1,
      "job": 1,
      "number": "+33612345678",
      "portal": null,
      "reference": "123456",
      "state": 0,
      "team": 1,
      "timestamp": "2015-01-06T10:21:14.243Z"
    }
]`

/** The one record of {@link SEED_RESPONSE}. */
export const SEED_RECORD = (JSON.parse(SEED_RESPONSE) as Record<string, unknown>[])[0] as Record<string, unknown>

/** A record like the seed's, with fields replaced. */
export const item = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({ ...SEED_RECORD, ...fields })

/** A clock whose time the test moves. */
export const manualClock = (start: number): Clock & { set(ms: number): void } => {
  let now = start
  return { now: () => now, sleep: systemClock.sleep, set: (ms) => (now = ms) }
}

/** Collects log calls. */
export const recordingLogger = (): Logger & { warnings: unknown[][] } => {
  const warnings: unknown[][] = []
  const noop = () => {}
  return { debug: noop, info: noop, warn: (...args) => warnings.push(args), error: noop, warnings }
}

/** A client through core's createClient, with fast retries. */
export const makeClient = (
  config: Record<string, unknown> = {},
  options: { clock?: Clock; logger?: Logger; fetch?: typeof fetch } = {},
): RcsClient =>
  createClient({
    adapter,
    config: { token: TOKEN, baseUrl: BASE, ...config },
    http: {
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    },
    clock: options.clock ?? systemClock,
    logger: options.logger ?? recordingLogger(),
  })

/** Every record of an async iterable. */
export const collect = async (records: AsyncIterable<RcsRecord>): Promise<RcsRecord[]> => {
  const out: RcsRecord[] = []
  for await (const record of records) out.push(record)
  return out
}

/** The rejection of a promise (fails the test when it resolves). */
export const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

export const DAY = 86_400_000
export const HOUR = 3_600_000

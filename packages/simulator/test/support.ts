import nock from 'nock'
import { afterEach, beforeEach } from 'vitest'
import { type Simulator, type SimulatorOptions, startSimulator } from '../src/index.js'

/** A fixed "now" so generated data does not depend on when the tests run. */
export const NOW = Date.parse('2026-03-02T12:00:00.000Z')
export const HOUR = 3_600_000
export const DAY = 24 * HOUR

/**
 * Starts a simulator per test (frozen at NOW unless told otherwise) and closes it afterwards; loopback only.
 */
export const useSimulator = (): { start: (options?: SimulatorOptions) => Promise<Simulator> } => {
  const started: Simulator[] = []
  beforeEach(() => {
    nock.disableNetConnect()
    nock.enableNetConnect('127.0.0.1')
  })
  afterEach(async () => {
    await Promise.all(started.splice(0).map((sim) => sim.close()))
    nock.cleanAll()
    nock.enableNetConnect()
  })
  return {
    start: async (options = {}) => {
      const sim = await startSimulator({ now: NOW, frozen: true, records: 300, ...options })
      started.push(sim)
      return sim
    },
  }
}

/** GET against partner-gateway with its API key (or the given headers). */
export const pgGet = (sim: Simulator, path: string, headers?: Record<string, string>): Promise<Response> =>
  fetch(`${sim.config['partner-gateway'].baseUrl}/partner-gateway/v1/messages${path}`, {
    headers: headers ?? { 'X-Api-Key': sim.config['partner-gateway'].apiKey },
  })

/** A BSG bearer token from the login endpoint. */
export const bsgLogin = async (sim: Simulator): Promise<string> => {
  const response = await fetch(`${sim.config.bsg.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ api_key: sim.config.bsg.apiKey }),
  })
  const body = (await response.json()) as { bearer: string }
  return body.bearer
}

/** GET /api/messages with a query string (already encoded) and a token. */
export const bsgMessages = (sim: Simulator, query: string, token: string): Promise<Response> =>
  fetch(`${sim.config.bsg.baseUrl}/api/messages?${query}`, { headers: { authorization: `Bearer ${token}` } })

/** GET /j/rcs_records with a query string and the simulator's token (or the given headers). */
export const spacivoxGet = (sim: Simulator, query: string, headers?: Record<string, string>): Promise<Response> =>
  fetch(`${sim.config.spacivox.baseUrl}/j/rcs_records?${query}`, {
    headers: headers ?? { authorization: `Bearer ${sim.config.spacivox.token}` },
  })

/** Encodes an instant as ISO-8601 UTC, ready for a query string. */
export const iso = (ms: number): string => encodeURIComponent(new Date(ms).toISOString())

/** BSG's `yyyy-mm-dd hh:mm:ss` in Europe/Kyiv, URL-encoded. */
export const kyiv = (ms: number): string => {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Kyiv',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms))
  return encodeURIComponent(parts)
}

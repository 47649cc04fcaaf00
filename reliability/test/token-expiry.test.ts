import { describe, expect, it } from 'vitest'
import { captureLogger } from './support/logger.js'
import { startFrozenSimulator, truthOf, windowOfExactly } from './support/simulator.js'
import { compareWithTruth, runList } from './support/sync.js'
import { clientFor, FAST_HTTP } from './support/vendors.js'

const RECORDS = 5_000
/** Logins one request tries while fresh tokens keep being refused as revoked (BSG's `RELOGINS`). */
const RELOGINS = 5

const setUp = async () => {
  const sim = await startFrozenSimulator({ records: { 'partner-gateway': 0, bsg: RECORDS, spacivox: 0 } })
  const window = windowOfExactly(sim, 'bsg', RECORDS)
  const captured = captureLogger()
  const client = clientFor('bsg', {
    config: { ...sim.config.bsg, pageSize: 100 },
    http: FAST_HTTP,
    logger: captured.logger,
  })
  return { sim, window, client, captured }
}

describe('bsg: the token expires mid-sync', () => {
  it('recovers with exactly one re-login and loses nothing', async () => {
    const { sim, window, client } = await setUp()
    try {
      sim.faults.add('bsg', { kind: 'token-expiry', on: 20 })
      const outcome = await runList(client, { from: new Date(window.from), to: new Date(window.to) })
      expect(outcome.error).toBeNull()
      const comparison = compareWithTruth(outcome.records, truthOf(sim, 'bsg', window))
      expect(comparison.lost).toEqual([])
      expect(comparison.duplicated).toBe(0)
      expect(comparison.wrongStatus).toEqual([])
      expect(comparison.synced).toBe(RECORDS)
      const stats = sim.stats()
      expect(stats.tokenInvalidations).toBe(1)
      expect(stats.unauthorized.bsg).toBe(1)
      expect(stats.logins).toBe(2)
      expect(stats.refreshes).toBe(0)
      // 50 pages, plus the one request that was refused and sent again with the new token.
      expect(stats.byRoute['bsg messages']).toBe(RECORDS / 100 + 1)
    } finally {
      await sim.close()
    }
  })

  it('logs in once per expiry when the token is lost twice', async () => {
    const { sim, window, client } = await setUp()
    try {
      sim.faults.add('bsg', { kind: 'token-expiry', on: [10, 30] })
      const outcome = await runList(client, { from: new Date(window.from), to: new Date(window.to) })
      expect(outcome.error).toBeNull()
      expect(outcome.records).toHaveLength(RECORDS)
      expect(sim.stats().logins).toBe(3)
      expect(sim.stats().unauthorized.bsg).toBe(2)
    } finally {
      await sim.close()
    }
  })

  it('concurrent lookups share one re-login (no login storm)', async () => {
    const { sim, window, client } = await setUp()
    try {
      const ids = sim.truth.ids('bsg', window).slice(0, 40)
      await client.getMany(ids.slice(0, 1), { from: new Date(window.from) })
      expect(sim.stats().logins).toBe(1)
      sim.expireTokens()
      const { records, missing } = await client.getMany(ids, { from: new Date(window.from) })
      expect(missing).toEqual([])
      expect(records.map((record) => record.id)).toEqual(ids)
      expect(sim.stats().logins).toBe(2)
    } finally {
      await sim.close()
    }
  })

  it('every token revoked on every request: a bounded number of re-logins, then one auth error', async () => {
    const { sim, window, client } = await setUp()
    try {
      sim.faults.add('bsg', { kind: 'token-expiry' })
      const outcome = await runList(client, { from: new Date(window.from), to: new Date(window.to) })
      expect(outcome.records).toEqual([])
      expect(outcome.error).toMatchObject({ kind: 'auth', httpStatus: 401, provider: 'bsg' })
      expect((outcome.error as Error).message).toContain(`refused ${RELOGINS} freshly issued tokens in a row`)
      // The first token, and one per re-login: each refused once.
      expect(sim.stats().logins).toBe(RELOGINS + 1)
      expect(sim.stats().byRoute['bsg messages']).toBe(RELOGINS + 1)
    } finally {
      await sim.close()
    }
  })

  it('a token revoked right after each of 3 re-logins: logs in again with backoff and loses nothing', async () => {
    const { sim, window, client } = await setUp()
    try {
      // Requests 20–23: the page's first try and its first three re-tries after fresh logins are all refused.
      sim.faults.add('bsg', { kind: 'token-expiry', on: [20, 21, 22, 23] })
      const outcome = await runList(client, { from: new Date(window.from), to: new Date(window.to) })
      expect(outcome.error).toBeNull()
      const comparison = compareWithTruth(outcome.records, truthOf(sim, 'bsg', window))
      expect(comparison.lost).toEqual([])
      expect(comparison.duplicated).toBe(0)
      expect(comparison.synced).toBe(RECORDS)
      expect(sim.stats().tokenInvalidations).toBe(4)
      expect(sim.stats().logins).toBe(5)
      expect(sim.stats().byRoute['bsg messages']).toBe(RECORDS / 100 + 4)
    } finally {
      await sim.close()
    }
  })
})

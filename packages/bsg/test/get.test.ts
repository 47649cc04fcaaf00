import { RcsError, type RcsRecord, silentLogger } from '@rcs-records/core'
import { createHttpTransport } from '@rcs-records/core/kit'
import nock from 'nock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConfigCodec } from '../src/config.js'
import { adapter, normalize, resolveFallback } from '../src/index.js'
import { API_KEY, BASE, makeClient, makeJwt, manualClock, message, page, SEED_EXAMPLE } from './fixtures.js'

const NOW = Date.parse('2024-08-15T12:00:00.400Z')
const TOKEN = makeJwt({ iat: Math.floor(NOW / 1000), exp: Math.floor(NOW / 1000) + 86_400 })

const seen: Record<string, string>[] = []

/** Logs in, then answers `filter[id]` lookups from `known` (by id), recording every query. */
const serve = (known: Record<string, Record<string, unknown>>, delayMs = 0) => {
  nock(BASE)
    .post('/api/auth/login')
    .times(10)
    .reply(200, { bearer: TOKEN })
    .get('/api/messages')
    .query(true)
    .times(1000)
    .delay(delayMs)
    .reply((uri) => {
      const params = Object.fromEntries(new URL(uri, BASE).searchParams)
      seen.push(params)
      const item = known[params['filter[id]'] ?? '']
      return [200, page(item === undefined ? [] : [item], item === undefined ? 0 : 1, 0, 15)]
    })
}

const client = (config: Record<string, unknown> = {}) => makeClient(config, { clock: manualClock(NOW) })

beforeEach(() => {
  nock.disableNetConnect()
  seen.length = 0
})
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

describe('get', () => {
  it('looks a message up by filter[id] over the last 3 months, up to the current second', async () => {
    serve({ '26130': message(26130, { status: 'not_rcs_user' }) })
    const record = await client().get('26130')
    expect(record).toMatchObject({ id: '26130', status: 'undeliverable', reason: { code: 'not_rcs_capable' } })
    expect(seen).toEqual([
      {
        'filter[id]': '26130',
        'filter[from]': '2024-05-15 12:00:01',
        'filter[to]': '2024-08-15 12:00:00',
        'page[limit]': '15',
      },
    ])
  })

  it('searches windows newest first back to `from`, in the configured zone', async () => {
    serve({})
    const error = await client({ timeZone: 'Europe/Kyiv' })
      .get('26130', { from: '2024-01-01T00:00:00Z' })
      .catch((e: unknown) => e)
    expect(RcsError.is(error, 'not_found')).toBe(true)
    expect((error as RcsError).message).toContain('pass { from } to search further back')
    expect(seen.map((q) => [q['filter[from]'], q['filter[to]']])).toEqual([
      ['2024-07-01 02:00:00', '2024-08-15 15:00:00'],
      ['2024-04-01 02:00:00', '2024-07-01 01:59:59'],
      ['2024-01-01 02:00:00', '2024-04-01 01:59:59'],
    ])
  })

  it('stops at the first window that has the message', async () => {
    serve({ '7': message(7) })
    await client().get('7', { from: '2024-01-01T00:00:00Z' })
    expect(seen).toHaveLength(1)
  })

  it('is not_found without a request for an id that cannot be a BSG id, and ignores other ids in the answer', async () => {
    serve({ '5': message(6) })
    for (const id of ['abc', '-1', '1.5']) {
      expect(
        RcsError.is(
          await client()
            .get(id)
            .catch((e: unknown) => e),
          'not_found',
        ),
      ).toBe(true)
    }
    expect(seen).toEqual([])
    expect(
      RcsError.is(
        await client()
          .get('5')
          .catch((e: unknown) => e),
        'not_found',
      ),
    ).toBe(true)
  })

  it('returns the decode error of a found record that is not a record', async () => {
    serve({ '9': { id: 9, status: null } })
    const error = await client()
      .get('9')
      .catch((e: unknown) => e)
    expect(RcsError.is(error, 'decode')).toBe(true)
  })

  it('refuses an unusable from', async () => {
    serve({})
    expect(
      RcsError.is(
        await client()
          .get('1', { from: 'soon' })
          .catch((e: unknown) => e),
        'bad_request',
      ),
    ).toBe(true)
    expect(seen).toEqual([])
  })
})

describe('getMany (emulated)', () => {
  it('reports unknown ids as missing through the client', async () => {
    serve({ '1': message(1), '2': message(2) })
    const result = await client().getMany(['1', '999', '2', '1'])
    expect(result.records.map((r) => r.id)).toEqual(['1', '2'])
    expect(result.missing).toEqual(['999'])
  })

  it("runs at most `concurrency` lookups at once in the adapter's own getMany", async () => {
    const known = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), message(i + 1)]))
    let inFlight = 0
    let peak = 0
    nock(BASE)
      .post('/api/auth/login')
      .reply(200, { bearer: TOKEN })
      .get('/api/messages')
      .query(true)
      .times(12)
      .reply(async (uri) => {
        inFlight++
        peak = Math.max(peak, inFlight)
        await new Promise((resolve) => setTimeout(resolve, 15))
        inFlight--
        const id = new URL(uri, BASE).searchParams.get('filter[id]') ?? ''
        return [200, page([known[id]], 1)]
      })
    const config = ConfigCodec.decode({ apiKey: API_KEY, concurrency: 3 })
    if (config._tag === 'Left') throw new Error('config')
    const instance = adapter.create(config.right, {
      http: createHttpTransport({ provider: 'bsg', retry: { baseDelayMs: 1 } }),
      clock: manualClock(NOW),
      logger: silentLogger,
    })
    const result = await instance.getMany(Object.keys(known))()
    expect(result._tag === 'Right' && result.right.records).toHaveLength(12)
    expect(peak).toBe(3)
  })
})

describe('resolveFallback', () => {
  const rcs = (overrides: Record<string, unknown>): RcsRecord => {
    const result = normalize(message(100, { status: 'expired', created_at: '2024-08-10 09:00:00', ...overrides }))
    if (result._tag === 'Left') throw result.left
    return result.right
  }

  it('fetches the SMS fallback records, normalised, and reports the ids BSG does not know', async () => {
    serve({ '4419393338': message(4419393338, { type: 'sms', status: 'delivered', alternative_channels: null }) })
    const record = rcs({ alternative_channels: { sms: { parts: 1, id: [4419393338, 0] } } })
    const result = await resolveFallback(client(), record)()
    expect(result._tag).toBe('Right')
    if (result._tag === 'Right') {
      expect(result.right.records.map((r) => [r.id, r.channel, r.status])).toEqual([['4419393338', 'sms', 'delivered']])
      expect(result.right.missing).toEqual(['0'])
    }
    // Searched from a day before the RCS message was created.
    expect(seen.every((q) => q['filter[from]'] === '2024-08-09 09:00:00')).toBe(true)
  })

  it('works with an adapter instance as well', async () => {
    serve({ '5': message(5, { type: 'sms' }) })
    const config = ConfigCodec.decode({ apiKey: API_KEY })
    if (config._tag === 'Left') throw new Error('config')
    const instance = adapter.create(config.right, {
      http: createHttpTransport({ provider: 'bsg', retry: { baseDelayMs: 1 } }),
      clock: manualClock(NOW),
      logger: silentLogger,
    })
    const result = await resolveFallback(instance, rcs({ alternative_channels: { sms: { id: [5] } } }))()
    expect(result._tag === 'Right' && result.right.records.map((r) => r.id)).toEqual(['5'])
  })

  it('resolves the seed example (placeholder id 0) to a missing id', async () => {
    serve({})
    const result = normalize(SEED_EXAMPLE.data[0])
    if (result._tag === 'Left') throw result.left
    const resolved = await resolveFallback(client(), result.right, { from: '2024-08-01T00:00:00Z' })()
    expect(resolved._tag === 'Right' && resolved.right).toEqual({ records: [], missing: ['0'] })
  })

  it('makes no request for a record without a fallback', async () => {
    serve({})
    const result = await resolveFallback(client(), rcs({ alternative_channels: null }))()
    expect(result._tag === 'Right' && result.right).toEqual({ records: [], missing: [] })
    expect(seen).toEqual([])
  })
})

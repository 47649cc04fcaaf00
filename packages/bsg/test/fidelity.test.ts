/**
 * Issue 14 for BSG: one ListQuery contract (checked in core), `[from, to)` on the record's parsed creation time,
 * ids that never reach the request path, and `concurrency` honoured by the client's getMany.
 */
import { createClient, RcsError, silentLogger } from '@rcs-records/core'
import nock from 'nock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { adapter } from '../src/index.js'
import { API_KEY, BASE, collect, makeClient, makeJwt, manualClock, message, page } from './fixtures.js'

const NOW = Date.parse('2024-08-15T12:00:00Z')
const TOKEN = makeJwt({ iat: NOW / 1000, exp: NOW / 1000 + 86_400 })

const paths: string[] = []
const serve = (answer: (params: Record<string, string>) => unknown) =>
  nock(BASE)
    .post('/api/auth/login')
    .times(10)
    .reply(200, { bearer: TOKEN })
    .get(() => true)
    .query(true)
    .times(1000)
    .reply(function (uri) {
      paths.push(this.req.path.split('?')[0] ?? '')
      return [200, answer(Object.fromEntries(new URL(uri, BASE).searchParams))]
    })

const client = () => makeClient({ timeZone: 'UTC' }, { clock: manualClock(NOW) })

beforeEach(() => {
  nock.disableNetConnect()
  paths.length = 0
})
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

describe('bsg list: one ListQuery contract', () => {
  const window = { from: '2024-05-01T00:00:00Z', to: '2024-05-02T00:00:00Z' }

  it('a misspelt status is a bad_request before any request (it used to list nothing)', async () => {
    serve(() => page([message(1)], 1))
    const error = await collect(client().list({ ...window, status: 'delivred' as never })).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'bad_request', details: { field: 'status' } })
    expect(paths).toEqual([])
  })

  it('an inverted range is a bad_request before any request (it used to list nothing)', async () => {
    serve(() => page([message(1)], 1))
    const error = await collect(client().list({ from: window.to, to: window.from })).catch((e: unknown) => e)
    expect(RcsError.is(error, 'bad_request')).toBe(true)
    expect(paths).toEqual([])
  })

  it('an unknown channel is a bad_request (it used to list nothing)', async () => {
    serve(() => page([message(1)], 1))
    const error = await collect(client().list({ ...window, channel: 'fax' as never })).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'bad_request', details: { field: 'channel' } })
  })

  it('yields only records whose parsed created_at lies in [from, to): the windows BSG answers may be wider', async () => {
    serve(() =>
      page(
        [
          message(1, { created_at: '2024-04-30 23:59:59' }),
          message(2, { created_at: '2024-05-01 00:00:00' }),
          message(3, { created_at: '2024-05-01 23:59:59' }),
          message(4, { created_at: '2024-05-02 00:00:00' }),
          message(5, { created_at: 'not a date' }),
        ],
        5,
      ),
    )
    const records = await collect(client().list(window))
    expect(records.map((r) => r.id)).toEqual(['2', '3', '5'])
  })
})

describe('bsg: an id never changes the request path', () => {
  it.each(['..', '.', '../auth/login', '%2e%2e'])('get(%j) asks /api/messages or nothing', async (id) => {
    serve(() => page([], 0))
    const error = await client()
      .get(id)
      .catch((e: unknown) => e)
    expect(RcsError.is(error)).toBe(true)
    expect(paths.every((path) => path === '/api/messages' || path === '/api/auth/login')).toBe(true)
  })
})

describe('bsg: the client honours the adapter `concurrency` in getMany', () => {
  it('runs at most `concurrency` lookups at once, whatever http.concurrency allows', async () => {
    let inFlight = 0
    let peak = 0
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input))
      if (url.pathname === '/api/auth/login') {
        return new Response(JSON.stringify({ bearer: TOKEN }), { headers: { 'content-type': 'application/json' } })
      }
      inFlight++
      peak = Math.max(peak, inFlight)
      await new Promise((resolve) => setTimeout(resolve, 10))
      inFlight--
      void init
      const id = Number(url.searchParams.get('filter[id]'))
      return new Response(JSON.stringify(page([message(id)], 1, 0, 15)), {
        headers: { 'content-type': 'application/json' },
      })
    }
    const c = createClient({
      adapter,
      config: { apiKey: API_KEY, concurrency: 2 },
      http: { fetch, concurrency: 16, retry: { limit: 0 } },
      clock: manualClock(NOW),
      logger: silentLogger,
    })
    const ids = Array.from({ length: 10 }, (_, i) => String(i + 1))
    const result = await c.getMany(ids)
    expect(result.records.map((r) => r.id)).toEqual(ids)
    expect(peak).toBe(2)
  })
})

describe('bsg error messages name the provider once', () => {
  it('a refused login reads `bsg: login refused …`, not `bsg: bsg: login refused …`', async () => {
    nock(BASE).post('/api/auth/login').reply(401, { message: 'Unauthenticated.' })
    const error = (await client()
      .get('1')
      .catch((e: unknown) => e)) as RcsError
    expect(error.message).toMatch(/^bsg: login refused/)
    expect(error.message.match(/bsg: /g)).toHaveLength(1)
  })
})

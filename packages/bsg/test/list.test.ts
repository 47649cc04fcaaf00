import { RcsError } from '@rcs-records/core'
import nock from 'nock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BASE, message as bsgMessage, collect, makeClient, makeJwt, manualClock, page } from './fixtures.js'

const NOW = Date.parse('2024-08-15T12:00:00Z')
const TOKEN = makeJwt({ iat: NOW / 1000, exp: NOW / 1000 + 86_400 })

/** A message created inside the listings below (`[2024-08-01, now)`): only those are in a listing's `[from, to)`. */
const message = (id: number, overrides: Record<string, unknown> = {}) =>
  bsgMessage(id, { created_at: '2024-08-02 10:00:00', ...overrides })

interface Seen {
  params: Record<string, string>
  path: string
}

const logins: string[] = []

/** Logs in, then answers /api/messages with `answer(params)`, recording every query. */
const serve = (answer: (params: Record<string, string>) => [number, unknown] | unknown, seen: Seen[] = []) => {
  nock(BASE)
    .post('/api/auth/login')
    .times(10)
    .reply(function () {
      logins.push(this.req.path)
      return [200, { bearer: TOKEN }]
    })
    .get('/api/messages')
    .query(true)
    .times(1000)
    .reply(function (uri) {
      const params = Object.fromEntries(new URL(uri, BASE).searchParams)
      seen.push({ params, path: this.req.path })
      const result = answer(params)
      return Array.isArray(result) && typeof result[0] === 'number' ? (result as [number, unknown]) : [200, result]
    })
  return seen
}

const client = (config: Record<string, unknown> = {}) => makeClient(config, { clock: manualClock(NOW) })

beforeEach(() => {
  nock.disableNetConnect()
  logins.length = 0
})
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

describe('list: the query BSG receives', () => {
  it('sends the exact filter format, in the configured zone, across the spring DST change', async () => {
    const seen = serve(() => page([], 0))
    await collect(
      client({ timeZone: 'Europe/Kyiv' }).list({ from: '2024-03-31T00:30:00Z', to: new Date('2024-03-31T01:30:00Z') }),
    )
    expect(seen.map((s) => s.params)).toEqual([
      {
        'filter[from]': '2024-03-31 02:30:00',
        'filter[to]': '2024-03-31 04:29:59',
        sort: 'id',
        way: 'asc',
        'page[limit]': '500',
        'page[offset]': '0',
      },
    ])
    expect(seen[0]?.path).toContain('filter%5Bfrom%5D=2024-03-31+02%3A30%3A00&filter%5Bto%5D=2024-03-31+04%3A29%3A59')
  })

  it('splits a 7-month range into 3 windows, none over 3 months, the last clamped to now', async () => {
    const seen = serve(() => page([], 0))
    await collect(client().list({ from: '2024-01-15T00:00:00Z', to: '2024-09-01T00:00:00Z' }))
    expect(seen.map((s) => [s.params['filter[from]'], s.params['filter[to]']])).toEqual([
      ['2024-01-15 00:00:00', '2024-04-14 23:59:59'],
      ['2024-04-15 00:00:00', '2024-07-14 23:59:59'],
      ['2024-07-15 00:00:00', '2024-08-15 11:59:59'],
    ])
  })

  it('passes campaign and reference as filters and clamps the page size', async () => {
    const seen = serve(() => page([], 0))
    await collect(
      client().list({ from: '2024-08-01T00:00:00Z', campaign: '53651994', reference: 'abc123', pageSize: 5 }),
    )
    expect(seen[0]?.params).toMatchObject({
      'filter[campaign_id]': '53651994',
      'filter[reference_id]': 'abc123',
      'page[limit]': '15',
    })
  })

  it('sends nothing for a range that lies in the future', async () => {
    const seen = serve(() => page([], 0))
    expect(await collect(client().list({ from: '2024-09-01T00:00:00Z', to: '2024-10-01T00:00:00Z' }))).toEqual([])
    expect(seen).toEqual([])
  })
})

describe('list: bad queries fail before any request', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a campaign that is not an integer', { campaign: 'spring-sale' }, 'bad_request'],
    ['an unusable from', { from: 'last tuesday' }, 'bad_request'],
    ['an unusable to', { to: '2024-13-45' }, 'bad_request'],
    ['modifiedSince', { modifiedSince: '2024-08-01T00:00:00Z' }, 'unsupported'],
    ['a page size that is not a number', { pageSize: Number.NaN }, 'bad_request'],
  ]
  it.each(cases)('%s', async (_, overrides, kind) => {
    const seen = serve(() => page([], 0))
    const error = await collect(client().list({ from: '2024-08-01T00:00:00Z', ...overrides })).catch((e: unknown) => e)
    expect(RcsError.is(error, kind as RcsError['kind'])).toBe(true)
    expect(seen).toEqual([])
    expect(logins).toEqual([]) // not even a login
  })
})

describe('list: paging', () => {
  const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => message(from + i))

  it('pages by offset until offset + limit >= total', async () => {
    const seen = serve((q) => {
      const offset = Number(q['page[offset]'])
      return page(ids(offset + 1, Math.min(500, 1200 - offset)), 1200, offset)
    })
    const records = await collect(client().list({ from: '2024-08-01T00:00:00Z' }))
    expect(seen.map((s) => s.params['page[offset]'])).toEqual(['0', '500', '1000'])
    expect(records).toHaveLength(1200)
    expect(records.map((r) => r.id)).toEqual(Array.from({ length: 1200 }, (_, i) => String(i + 1)))
  })

  it('reaches records added while paging and drops the repeat a shifted page brings', async () => {
    // Page 1 sees 1000 records; a record is inserted before offset 500 (shifting #500 onto page 2) and one at the end.
    const seen = serve((q) => {
      const offset = Number(q['page[offset]'])
      if (offset === 0) return page(ids(1, 500), 1000)
      if (offset === 500) return page([message(500), ...ids(501, 499)], 1002, 500)
      return page([message(1000), message(1001), message(1002)], 1002, 1000)
    })
    const records = await collect(client().list({ from: '2024-08-01T00:00:00Z' }))
    expect(seen.map((s) => s.params['page[offset]'])).toEqual(['0', '500', '1000'])
    const got = records.map((r) => r.id)
    expect(new Set(got).size).toBe(got.length)
    expect(got).toEqual(Array.from({ length: 1002 }, (_, i) => String(i + 1)))
  })

  it('does not repeat a record that two windows both return', async () => {
    const atEnd = { created_at: '2024-03-31 23:59:59' } // the last second of the first window
    serve((q) =>
      q['filter[from]']?.startsWith('2024-01')
        ? page([message(1, { created_at: '2024-02-01 10:00:00' }), message(2, atEnd)], 2)
        : page([message(2, atEnd), message(3, { created_at: '2024-04-02 10:00:00' })], 2),
    )
    const records = await collect(client().list({ from: '2024-01-01T00:00:00Z', to: '2024-05-01T00:00:00Z' }))
    expect(records.map((r) => r.id)).toEqual(['1', '2', '3'])
  })

  it('pages until a short page when meta.page.total is missing', async () => {
    const seen = serve((q) => {
      const offset = Number(q['page[offset]'])
      return { data: offset === 0 ? ids(1, 15) : ids(16, 3) }
    })
    const records = await collect(client({ pageSize: 15 }).list({ from: '2024-08-01T00:00:00Z' }))
    expect(records).toHaveLength(18)
    expect(seen).toHaveLength(2)
  })

  it('fails with decode when a page is not an envelope', async () => {
    serve(() => ({ items: [] }))
    const error = await collect(client().list({ from: '2024-08-01T00:00:00Z' })).catch((e: unknown) => e)
    expect(RcsError.is(error, 'decode')).toBe(true)
    expect((error as RcsError).message).toContain('data')
  })
})

describe('list: client-side filters and bad records', () => {
  const mixed = [
    message(1, { status: 'delivered', type: 'rcs' }),
    message(2, { status: 'not_rcs_user', type: 'rcs' }),
    message(3, { status: 'expired', type: 'rcs' }),
    message(4, { status: 'delivered', type: 'sms' }),
    message(5, { status: 'sent', type: 'rcs', campaign_id: 7, reference_id: 'other' }),
  ]

  it('filters by status (one or many) and channel', async () => {
    serve(() => page(mixed, mixed.length))
    const byStatus = await collect(
      client().list({ from: '2024-08-01T00:00:00Z', status: ['undeliverable', 'expired'] }),
    )
    expect(byStatus.map((r) => r.id)).toEqual(['2', '3'])
    const one = await collect(client().list({ from: '2024-08-01T00:00:00Z', status: 'delivered', channel: 'sms' }))
    expect(one.map((r) => r.id)).toEqual(['4'])
  })

  it('double-checks campaign and reference client-side', async () => {
    serve(() => page(mixed, mixed.length))
    const byCampaign = await collect(client().list({ from: '2024-08-01T00:00:00Z', campaign: '7' }))
    expect(byCampaign.map((r) => r.id)).toEqual(['5'])
    const byReference = await collect(client().list({ from: '2024-08-01T00:00:00Z', reference: 'ref1' }))
    expect(byReference.map((r) => r.id)).toEqual(['1'])
  })

  it('skips and reports a record that fails to decode, or throws it when strict', async () => {
    const bad = { id: 'not-an-id', status: 'delivered' }
    serve(() => page([message(1), bad, message(3)], 3))
    const invalid: RcsError[] = []
    const records = await collect(
      client().list({ from: '2024-08-01T00:00:00Z', onInvalid: (error) => invalid.push(error) }),
    )
    expect(records.map((r) => r.id)).toEqual(['1', '3'])
    expect(invalid).toHaveLength(1)
    expect(invalid[0]?.kind).toBe('decode')
    expect((invalid[0]?.details as { raw: unknown } | undefined)?.raw).toEqual(bad)
    const error = await collect(client().list({ from: '2024-08-01T00:00:00Z', strict: true })).catch((e: unknown) => e)
    expect(RcsError.is(error, 'decode')).toBe(true)
  })
})

describe('list: vendor errors', () => {
  it('maps 422 to bad_request carrying the vendor errors', async () => {
    const body = {
      message: 'The given data was invalid.',
      errors: { 'filter.from': ['Future dates are not allowed.'] },
    }
    serve(() => [422, body])
    const error = await collect(client().list({ from: '2024-08-01T00:00:00Z' })).catch((e: unknown) => e)
    expect(RcsError.is(error, 'bad_request')).toBe(true)
    expect((error as RcsError).httpStatus).toBe(422)
    expect((error as RcsError).details).toEqual({ message: body.message, errors: body.errors })
    expect((error as RcsError).message).toContain('The given data was invalid.')
  })

  it('maps a persistent 429 to rate_limited after the transport retries', async () => {
    const seen = serve(() => [429, { message: 'Too many requests' }])
    const error = await collect(client().list({ from: '2024-08-01T00:00:00Z' })).catch((e: unknown) => e)
    expect(RcsError.is(error, 'rate_limited')).toBe(true)
    expect(seen.length).toBeGreaterThan(1)
  })

  it('stops when the caller aborts', async () => {
    serve(() => page([message(1)], 1))
    const controller = new AbortController()
    controller.abort()
    const error = await collect(client().list({ from: '2024-08-01T00:00:00Z', signal: controller.signal })).catch(
      (e: unknown) => e,
    )
    expect(RcsError.is(error)).toBe(true)
    expect((error as RcsError).message).toContain('aborted')
  })
})

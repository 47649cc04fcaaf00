import { type RcsError, type RcsRecord, silentLogger } from '@rcs-records/core'
import nock from 'nock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { planList, vendorStatusFilter } from '../src/list.js'
import { WRAPPED_HISTORY } from './fixtures.js'
import { collect, HISTORY_PATH, makeClient, ORIGIN, recordingClock, rejection } from './helpers.js'

beforeEach(() => {
  nock.disableNetConnect()
  nock.enableNetConnect('127.0.0.1')
})
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

const START = Date.parse('2025-01-01T00:00:00Z')
const STATUSES = ['SENT', 'RECEIVED', 'DELIVERED', 'ERROR', 'EXPIRED', 'UNKNOWN'] as const

interface Item {
  customerMessageId: string
  deliveryStatus: string
  channel: string
  sendDate: string
}

/** `count` history items, one a minute from START, statuses in turn. */
const dataset = (count: number, channel = 'RCS'): Item[] =>
  Array.from({ length: count }, (_, i) => ({
    customerMessageId: `msg-${String(i).padStart(5, '0')}`,
    deliveryStatus: STATUSES[i % STATUSES.length] as string,
    channel,
    sendDate: new Date(START + i * 60_000).toISOString().replace('.000Z', 'Z'),
  }))

/** A history endpoint serving `items` in pages (filtered by `status` when `honourStatus`); records every query. */
const historyServer = (
  items: readonly unknown[],
  options: { honourStatus?: boolean; wrap?: boolean; page?: (page: number, limit: number) => unknown[] } = {},
) => {
  const queries: Array<Record<string, string>> = []
  const rawQueries: string[] = []
  nock(ORIGIN)
    .get((uri) => uri.startsWith(`${HISTORY_PATH}?`))
    .times(Number.MAX_SAFE_INTEGER)
    .reply((uri) => {
      const url = new URL(`${ORIGIN}${uri}`)
      rawQueries.push(url.search)
      const query = Object.fromEntries(url.searchParams)
      queries.push(query)
      const page = Number(query.page)
      const limit = Number(query.limit)
      let body: unknown[]
      if (options.page !== undefined) body = options.page(page, limit)
      else {
        const wanted = options.honourStatus === false ? undefined : query.status
        const filtered = items.filter((item) => wanted === undefined || (item as Item).deliveryStatus === wanted)
        body = filtered.slice(page * limit, page * limit + limit)
      }
      return [200, options.wrap === true ? { messages: body } : body]
    })
  return { queries, rawQueries }
}

const window = { from: '2025-01-01T00:00:00Z', to: '2025-01-02T00:00:00Z' }

describe('list: paging the history endpoint', () => {
  it('walks 0-based pages until an empty page and yields every record once', async () => {
    const items = dataset(250)
    const server = historyServer(items)
    const records = await collect(makeClient().list(window))
    expect(records.map((r) => r.id)).toEqual(items.map((item) => item.customerMessageId))
    expect(server.queries.map((q) => [q.page, q.limit])).toEqual([
      ['0', '100'],
      ['1', '100'],
      ['2', '100'],
      ['3', '100'],
    ])
    expect(server.queries[0]).toEqual({
      channel: 'RCS',
      from: '2025-01-01T00:00:00Z',
      to: '2025-01-02T00:00:00Z',
      page: '0',
      limit: '100',
    })
  })

  it('stops after an empty page when the total is a multiple of the page size', async () => {
    const server = historyServer(dataset(200))
    expect(await collect(makeClient().list(window))).toHaveLength(200)
    expect(server.queries.map((q) => q.page)).toEqual(['0', '1', '2'])
  })

  it('uses query.pageSize (clamped to 1000) and config.pageSize', async () => {
    const server = historyServer(dataset(30))
    expect(await collect(makeClient({ pageSize: 20 }).list(window))).toHaveLength(30)
    expect(await collect(makeClient().list({ ...window, pageSize: 7 }))).toHaveLength(30)
    expect(await collect(makeClient().list({ ...window, pageSize: 5000 }))).toHaveLength(30)
    // 30 of 1000 asked on the first page: the next asks for 30 (what the vendor served), and finds the end.
    expect(server.queries.map((q) => q.limit)).toEqual(['20', '20', '20', '7', '7', '7', '7', '7', '7', '1000', '30'])
  })

  it('accepts wrapped { messages: [...] } pages', async () => {
    const wrapped = dataset(5).map((item) => ({
      messageId: item.customerMessageId,
      status: item.deliveryStatus,
      sendDate: item.sendDate,
    }))
    historyServer(wrapped, { wrap: true, honourStatus: false })
    expect((await collect(makeClient().list(window))).map((r) => r.id)).toEqual(wrapped.map((w) => w.messageId))
  })

  it('de-duplicates records repeated across pages', async () => {
    const items = dataset(150)
    historyServer([], {
      page: (page) => (page === 0 ? items.slice(0, 100) : page === 1 ? items.slice(99, 150) : []),
    })
    const ids = (await collect(makeClient().list(window))).map((r) => r.id)
    expect(ids).toHaveLength(150)
    expect(new Set(ids).size).toBe(150)
  })
})

describe('list: stop conditions', () => {
  it('stops with a clear error after maxPages pages without an empty one', async () => {
    let next = 0
    const server = historyServer([], {
      page: (_page, limit) =>
        Array.from({ length: limit }, () => ({ customerMessageId: `n-${next++}`, deliveryStatus: 'SENT' })),
    })
    const client = makeClient({ maxPages: 3, pageSize: 10 })
    const seen: RcsRecord[] = []
    const error = (await rejection(
      (async () => {
        for await (const record of client.list(window)) seen.push(record)
      })(),
    )) as RcsError
    expect(error.kind).toBe('provider')
    expect(error.message).toContain('3 pages of up to 10 records without an empty page')
    expect(server.queries).toHaveLength(3)
    expect(seen).toHaveLength(30)
  })

  it('stops when the vendor ignores `page` and keeps returning the same full page', async () => {
    const page = dataset(10)
    const server = historyServer([], { page: () => page })
    const error = (await rejection(collect(makeClient({ pageSize: 10 }).list(window)))) as RcsError
    expect(error.kind).toBe('provider')
    expect(error.message).toContain('ignore `page`')
    expect(server.queries).toHaveLength(4)
  })

  it('a failing page throws after the earlier pages were yielded', async () => {
    const items = dataset(10)
    nock(ORIGIN)
      .get(HISTORY_PATH)
      .query({ channel: 'RCS', from: window.from, to: window.to, page: 0, limit: 5 })
      .reply(200, items.slice(0, 5))
    nock(ORIGIN).get(HISTORY_PATH).query(true).times(5).reply(500, { message: 'boom' })
    const seen: string[] = []
    const error = (await rejection(
      (async () => {
        for await (const record of makeClient({ pageSize: 5 }).list(window)) seen.push(record.id)
      })(),
    )) as RcsError
    expect(error).toMatchObject({ kind: 'provider', httpStatus: 500 })
    expect(seen).toHaveLength(5)
  })

  it('a page that is neither an array nor { messages } is a decode error', async () => {
    nock(ORIGIN).get(HISTORY_PATH).query(true).reply(200, { content: [] })
    expect(((await rejection(collect(makeClient().list(window)))) as RcsError).kind).toBe('decode')
  })
})

describe('list: dates', () => {
  it('sends ISO-8601 UTC to the second, widened to cover [from, to), and drops records outside', async () => {
    const items = dataset(10)
    const server = historyServer(items)
    const from = '2025-01-01T01:02:30.500+01:00' // 00:02:30.5Z
    const to = new Date(START + 7 * 60_000) // records 0..6 are before it; record 7 is at it
    const records = await collect(makeClient().list({ from, to }))
    expect(server.queries[0]).toMatchObject({ from: '2025-01-01T00:02:30Z', to: '2025-01-01T00:07:00Z' })
    expect(server.rawQueries[0]).toContain('from=2025-01-01T00%3A02%3A30Z')
    expect(server.rawQueries[0]).not.toContain('+')
    expect(records.map((r) => r.id)).toEqual(['msg-00003', 'msg-00004', 'msg-00005', 'msg-00006'])
  })

  it('to defaults to now', async () => {
    const server = historyServer([])
    const clock = recordingClock(Date.parse('2025-03-04T05:06:07.250Z'))
    await collect(makeClient({}, { clock }).list({ from: '2025-03-01T00:00:00Z' }))
    expect(server.queries[0]?.to).toBe('2025-03-04T05:06:08Z')
  })

  it.each([
    [{ from: 'not a date', to: window.to }],
    [{ from: window.from, to: '2025-13-45' }],
    [{ from: new Date(Number.NaN) }],
  ])('%j is a bad_request before any request', async (query) => {
    const server = historyServer(dataset(3))
    const error = (await rejection(collect(makeClient().list(query)))) as RcsError
    expect(error.kind).toBe('bad_request')
    expect(server.queries).toHaveLength(0)
  })

  it('modifiedSince is unsupported', async () => {
    const error = (await rejection(collect(makeClient().list({ ...window, modifiedSince: window.from })))) as RcsError
    expect(error.kind).toBe('unsupported')
  })
})

describe('list: filters', () => {
  const items = dataset(60)

  it('one status with exactly one native value is filtered vendor-side (and client-side)', async () => {
    const server = historyServer(items)
    const records = await collect(makeClient({ pageSize: 100 }).list({ ...window, status: 'delivered' }))
    expect(server.queries[0]?.status).toBe('DELIVERED')
    expect(records).toHaveLength(10)
    expect(records.every((r) => r.status === 'delivered')).toBe(true)
  })

  it('still filters client-side when the vendor ignores status', async () => {
    historyServer(items, { honourStatus: false })
    const records = await collect(makeClient().list({ ...window, status: ['undeliverable'] }))
    expect(records.map((r) => r.vendorStatus)).toEqual(Array(10).fill('ERROR'))
  })

  it('sent (SENT or RECEIVED) and several statuses are filtered client-side only', async () => {
    const server = historyServer(items)
    const sent = await collect(makeClient().list({ ...window, status: 'sent' }))
    expect(new Set(sent.map((r) => r.vendorStatus))).toEqual(new Set(['SENT', 'RECEIVED']))
    expect(sent).toHaveLength(20)
    const failed = await collect(makeClient().list({ ...window, status: ['undeliverable', 'expired'] }))
    expect(failed).toHaveLength(20)
    const unknown = await collect(makeClient().list({ ...window, status: 'unknown' }))
    expect(unknown).toHaveLength(10)
    expect(server.queries.every((q) => q.status === undefined)).toBe(true)
  })

  it('statuses no history record can have need no request', async () => {
    const server = historyServer(items)
    expect(await collect(makeClient().list({ ...window, status: ['pending', 'rejected'] }))).toEqual([])
    expect(server.queries).toHaveLength(0)
  })

  it('an unknown status value is a bad_request', async () => {
    const error = (await rejection(collect(makeClient().list({ ...window, status: 'done' as never })))) as RcsError
    expect(error.kind).toBe('bad_request')
  })

  it('channel scopes the request and records on other channels are dropped', async () => {
    const mixed = [...dataset(3, 'SMS'), { ...dataset(1, 'RCS')[0], customerMessageId: 'stray' }]
    const server = historyServer(mixed)
    const records = await collect(makeClient().list({ ...window, channel: 'sms' }))
    expect(server.queries[0]?.channel).toBe('SMS')
    expect(records.map((r) => r.channel)).toEqual(['sms', 'sms', 'sms'])
  })

  it('campaign and reference match nothing on partner-gateway, without a request', async () => {
    const server = historyServer(items)
    expect(await collect(makeClient().list({ ...window, campaign: 'spring' }))).toEqual([])
    expect(await collect(makeClient().list({ ...window, reference: 'msg-00001' }))).toEqual([])
    expect(server.queries).toHaveLength(0)
  })

  it('plans the vendor filter (pure)', () => {
    expect(vendorStatusFilter(new Set(['expired']))).toEqual({ status: 'EXPIRED', natives: 1 })
    expect(vendorStatusFilter(new Set(['sent']))).toEqual({ status: undefined, natives: 2 })
    expect(vendorStatusFilter(new Set(['delivered', 'pending']))).toEqual({ status: 'DELIVERED', natives: 1 })
    // WhatsApp reports READ through the history and status endpoints.
    expect(vendorStatusFilter(new Set(['read']))).toEqual({ status: 'READ', natives: 1 })
    expect(vendorStatusFilter(new Set(['delivered', 'read']))).toEqual({ status: undefined, natives: 2 })
    const plan = planList(
      { from: window.from, status: 'expired' },
      { channel: 'rcs', pageSize: 100, maxPages: 10 },
      START + 1,
    )
    expect(plan.query).toEqual({
      channel: 'RCS',
      from: '2025-01-01T00:00:00Z',
      to: '2025-01-01T00:00:01Z',
      status: 'EXPIRED',
    })
  })
})

describe('list: invalid records', () => {
  const page = [...dataset(2), { customerMessageId: 'bad', deliveryStatus: { code: 1 } }, ...dataset(3).slice(2)]

  it('skips a record that fails to decode and reports it to onInvalid', async () => {
    historyServer(page)
    const invalid: RcsError[] = []
    const records = await collect(makeClient().list({ ...window, onInvalid: (error) => invalid.push(error) }))
    expect(records.map((r) => r.id)).toEqual(['msg-00000', 'msg-00001', 'msg-00002'])
    expect(invalid).toHaveLength(1)
    expect(invalid[0]?.kind).toBe('decode')
    expect(invalid[0]?.details).toMatchObject({ id: 'bad', issues: [{ path: 'deliveryStatus' }] })
  })

  it('throws the decode error with strict', async () => {
    historyServer(page)
    const error = (await rejection(collect(makeClient().list({ ...window, strict: true })))) as RcsError
    expect(error.kind).toBe('decode')
  })
})

describe('list: abort', () => {
  it('passes the signal to every request', async () => {
    historyServer(dataset(300))
    const controller = new AbortController()
    const seen: string[] = []
    const error = (await rejection(
      (async () => {
        for await (const record of makeClient().list({ ...window, signal: controller.signal })) {
          seen.push(record.id)
          if (seen.length === 100) controller.abort()
        }
      })(),
    )) as RcsError
    expect(error.kind).toBe('transport')
    expect(error.message).toContain('aborted')
    expect(seen).toHaveLength(100)
  })
})

describe('list: a server that caps `limit` (issue 14)', () => {
  /** A history endpoint that serves at most `cap` items per page whatever `limit` asks, Spring-style. */
  const cappedServer = (items: readonly unknown[], cap: number, offsetBy: 'served' | 'asked' = 'served') => {
    const queries: Array<Record<string, string>> = []
    nock(ORIGIN)
      .get((uri) => uri.startsWith(`${HISTORY_PATH}?`))
      .times(Number.MAX_SAFE_INTEGER)
      .reply((uri) => {
        const query = Object.fromEntries(new URL(`${ORIGIN}${uri}`).searchParams)
        queries.push(query)
        const limit = Math.min(cap, Number(query.limit))
        const offset = Number(query.page) * (offsetBy === 'served' ? limit : Number(query.limit))
        return [200, items.slice(offset, offset + limit)]
      })
    return { queries }
  }

  it('a 250-record listing from a server capping limit at 50 returns all 250, ending on the empty page', async () => {
    const items = dataset(250)
    const server = cappedServer(items, 50)
    const ids = (await collect(makeClient().list(window))).map((r) => r.id)
    expect(ids).toEqual(items.map((item) => item.customerMessageId))
    expect(server.queries.map((q) => q.page)).toEqual(['0', '1', '2', '3', '4', '5'])
  })

  it('also when the server counts its offset in the `limit` asked: the limit follows the first page served', async () => {
    const items = dataset(250)
    const server = cappedServer(items, 50, 'asked')
    const ids = (await collect(makeClient().list(window))).map((r) => r.id)
    expect(ids).toEqual(items.map((item) => item.customerMessageId))
    expect(server.queries.map((q) => q.limit)).toEqual(['100', '50', '50', '50', '50', '50'])
  })

  it('a vendor that repeats its last (short) page instead of an empty one: the repeat ends the listing', async () => {
    const items = dataset(130)
    const server = historyServer([], { page: (page) => (page === 0 ? items.slice(0, 100) : items.slice(100, 130)) })
    expect(await collect(makeClient().list(window))).toHaveLength(130)
    expect(server.queries.map((q) => q.page)).toEqual(['0', '1', '2'])
  })

  it('a short page in the middle does not end the listing', async () => {
    const items = dataset(30)
    historyServer([], {
      page: (page) => [items.slice(0, 10), items.slice(10, 13), items.slice(13, 30), []][page] ?? [],
    })
    expect((await collect(makeClient({ pageSize: 10 }).list(window))).map((r) => r.id)).toEqual(
      items.map((item) => item.customerMessageId),
    )
  })
})

describe('list: history items that are not plain delivery records (issue 14)', () => {
  const documented = WRAPPED_HISTORY.messages[0] as Record<string, unknown>

  it('an item on an undocumented channel (RCS_BUSINESS) is yielded with channel `other`, raw kept', async () => {
    const business = { ...documented, messageId: 'biz-1', channel: 'RCS_BUSINESS' }
    historyServer([documented, business], { wrap: true, honourStatus: false })
    const records = await collect(makeClient().list({ from: '2025-01-01T00:00:00Z', to: '2025-01-02T00:00:00Z' }))
    expect(records.map((r) => [r.id, r.channel])).toEqual([
      [documented.messageId, 'rcs'],
      ['biz-1', 'other'],
    ])
    expect(records[1]?.raw).toEqual(business)
  })

  it('…also when the query names the channel', async () => {
    historyServer([{ ...documented, messageId: 'biz-1', channel: 'RCS_BUSINESS' }], { wrap: true, honourStatus: false })
    const records = await collect(
      makeClient().list({ from: '2025-01-01T00:00:00Z', to: '2025-01-02T00:00:00Z', channel: 'rcs' }),
    )
    expect(records.map((r) => [r.id, r.channel])).toEqual([['biz-1', 'other']])
  })

  it('a `direction: INBOUND` item is a reply, not a delivery record: skipped with a debug log', async () => {
    const reply = { ...documented, messageId: 'reply-1', direction: 'INBOUND', body: 'STOP' }
    historyServer([reply, documented], { wrap: true, honourStatus: false })
    const debug: Array<[string, Record<string, unknown> | undefined]> = []
    const logger = {
      ...silentLogger,
      debug: (message: string, fields?: Record<string, unknown>) => void debug.push([message, fields]),
    }
    const invalid: RcsError[] = []
    const records = await collect(
      makeClient({}, { logger }).list({
        from: '2025-01-01T00:00:00Z',
        to: '2025-01-02T00:00:00Z',
        onInvalid: (error) => invalid.push(error),
      }),
    )
    expect(records.map((r) => r.id)).toEqual([documented.messageId])
    expect(invalid).toEqual([])
    expect(debug).toContainEqual([
      'partner-gateway: skipped a history item that is a reply (direction INBOUND), not a delivery record',
      { id: 'reply-1' },
    ])
  })
})

describe('list: one ListQuery contract (issue 14)', () => {
  it('an inverted or empty range is a bad_request before any request', async () => {
    const server = historyServer(dataset(3))
    for (const query of [
      { from: window.to, to: window.from },
      { from: window.from, to: window.from },
    ]) {
      const error = (await rejection(collect(makeClient().list(query)))) as RcsError
      expect(error.kind).toBe('bad_request')
      expect(error.message).toMatch(/^partner-gateway: invalid list query: `from` /)
    }
    expect(server.queries).toHaveLength(0)
  })

  it('a pageSize that is not a positive integer is a bad_request; a large one is clamped to 1000', async () => {
    const server = historyServer(dataset(3))
    for (const pageSize of [0, 7.9, -1]) {
      const error = (await rejection(collect(makeClient().list({ ...window, pageSize })))) as RcsError
      expect(error).toMatchObject({ kind: 'bad_request', details: { field: 'pageSize' } })
    }
    expect(server.queries).toHaveLength(0)
    await collect(makeClient().list({ ...window, pageSize: 5000 }))
    expect(server.queries[0]?.limit).toBe('1000')
  })

  it('a canonical channel partner-gateway does not serve (viber, other) lists nothing, without a request', async () => {
    const server = historyServer(dataset(3))
    expect(await collect(makeClient().list({ ...window, channel: 'viber' }))).toEqual([])
    expect(await collect(makeClient().list({ ...window, channel: 'other' }))).toEqual([])
    expect(server.queries).toHaveLength(0)
  })

  it('a record sent exactly at `to` is not in [from, to); one sent exactly at `from` is', async () => {
    historyServer(dataset(10))
    const from = new Date(START + 2 * 60_000)
    const to = new Date(START + 5 * 60_000)
    expect((await collect(makeClient().list({ from, to }))).map((r) => r.id)).toEqual([
      'msg-00002',
      'msg-00003',
      'msg-00004',
    ])
  })

  it('a record without a usable sendDate is kept (the vendor put it in the window; dropping it would lose it)', async () => {
    historyServer([{ customerMessageId: 'undated', deliveryStatus: 'SENT', sendDate: 'soon' }, ...dataset(1)])
    expect((await collect(makeClient().list(window))).map((r) => r.id)).toEqual(['undated', 'msg-00000'])
  })
})

describe('list: the next pages are asked for ahead (issue 21)', () => {
  /**
   * A history endpoint serving `items` (100 a page) that holds every page after the first until `gate` requests are
   * waiting (or a second has passed, so a broken limit fails the assertions instead of hanging).
   */
  const gatedServer = (items: readonly unknown[], gate: number) => {
    const state = { inFlight: 0, maxInFlight: 0, pages: [] as number[] }
    let waiting: Array<() => void> = []
    const release = () => {
      for (const go of waiting) go()
      waiting = []
    }
    nock(ORIGIN)
      .get((uri) => uri.startsWith(`${HISTORY_PATH}?`))
      .times(Number.MAX_SAFE_INTEGER)
      .reply(async (uri) => {
        const query = Object.fromEntries(new URL(`${ORIGIN}${uri}`).searchParams)
        const pageIndex = Number(query.page)
        const limit = Number(query.limit)
        state.pages.push(pageIndex)
        state.inFlight++
        state.maxInFlight = Math.max(state.maxInFlight, state.inFlight)
        if (pageIndex > 0) {
          await new Promise<void>((resolve) => {
            waiting.push(resolve)
            if (waiting.length >= gate) release()
            else setTimeout(release, 1000)
          })
        }
        state.inFlight--
        return [200, items.slice(pageIndex * limit, pageIndex * limit + limit)]
      })
    return state
  }

  it('keeps `listConcurrency` pages in flight, never more, and yields every record once, in order', async () => {
    const items = dataset(1000)
    const state = gatedServer(items, 4)
    const ids = (await collect(makeClient({ listConcurrency: 4 }).list(window))).map((r) => r.id)
    expect(ids).toEqual(items.map((item) => item.customerMessageId))
    expect(state.maxInFlight).toBe(4)
  })

  it('asks at most `listConcurrency` pages past the last one (the empty page included)', async () => {
    const items = dataset(250)
    const state = gatedServer(items, 4)
    const ids = (await collect(makeClient({ listConcurrency: 4 }).list(window))).map((r) => r.id)
    expect(ids).toEqual(items.map((item) => item.customerMessageId))
    // Pages 0–2 hold the records, page 3 is the empty one; at most 3 more may have been asked while it was on its way.
    expect(new Set(state.pages).size).toBe(state.pages.length)
    expect(Math.max(...state.pages)).toBeLessThanOrEqual(2 + 4)
    expect([...state.pages].sort((a, b) => a - b).slice(0, 4)).toEqual([0, 1, 2, 3])
  })

  it('a failing page throws in order after the earlier pages were yielded; the pages ahead are dropped', async () => {
    const items = dataset(1000)
    nock(ORIGIN)
      .get((uri) => uri.startsWith(`${HISTORY_PATH}?`))
      .times(Number.MAX_SAFE_INTEGER)
      .reply((uri) => {
        const pageIndex = Number(new URL(`${ORIGIN}${uri}`).searchParams.get('page'))
        return pageIndex === 3 ? [500, { message: 'boom' }] : [200, items.slice(pageIndex * 100, pageIndex * 100 + 100)]
      })
    const seen: string[] = []
    const error = (await rejection(
      (async () => {
        for await (const record of makeClient({ listConcurrency: 4 }).list(window)) seen.push(record.id)
      })(),
    )) as RcsError
    expect(error).toMatchObject({ kind: 'provider', httpStatus: 500 })
    expect(seen).toEqual(items.slice(0, 300).map((item) => item.customerMessageId))
  })
})

import { RcsError } from '@rcs-records/core'
import nock from 'nock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BASE, collect, DAY, HOUR, item, makeClient, manualClock, rejection, SEED_RESPONSE, TOKEN } from './fixtures.js'

const NOW = Date.parse('2015-01-20T12:00:00Z')

interface Seen {
  params: Record<string, string>
  path: string
  authorization: string | undefined
}

type Answer = [number, unknown, Record<string, string>?]

/** Answers /j/rcs_records with `answer(params)` (a body, or [status, body]), recording every query. */
const serve = (answer: (params: Record<string, string>) => unknown, seen: Seen[] = []) => {
  nock(BASE)
    .get('/j/rcs_records')
    .query(true)
    .times(1000)
    .reply(function (uri) {
      const params = Object.fromEntries(new URL(uri, BASE).searchParams)
      const header = this.req.headers.authorization
      seen.push({
        params,
        path: decodeURIComponent(this.req.path),
        authorization: Array.isArray(header) ? header[0] : header,
      })
      const result = answer(params)
      return Array.isArray(result) && typeof result[0] === 'number' ? (result as Answer) : [200, result]
    })
  return seen
}

/** One record per day-slice, its id the day of the month of `start`. */
const oneRecordPerDay = (params: Record<string, string>) => [
  item({ id: new Date(params.start as string).getUTCDate(), timestamp: params.start }),
]

const client = (config: Record<string, unknown> = {}, now = NOW) => makeClient(config, { clock: manualClock(now) })

beforeEach(() => {
  nock.disableNetConnect()
})
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

describe('list: the requests', () => {
  it('sends the vendor example request and reads its example response verbatim', async () => {
    const seen = serve(() => [200, SEED_RESPONSE, { 'content-type': 'application/json' }])
    const records = await collect(
      client({ team: 1 }).list({ from: '2015-01-06T00:00:00Z', to: new Date('2015-01-07T00:00:00Z') }),
    )
    expect(seen).toEqual([
      {
        path: '/j/rcs_records?start=2015-01-06T00:00:00Z&end=2015-01-07T00:00:00Z&team=1',
        params: { start: '2015-01-06T00:00:00Z', end: '2015-01-07T00:00:00Z', team: '1' },
        authorization: `Bearer ${TOKEN}`,
      },
    ])
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ provider: 'spacivox', id: '1', status: 'sent', recipient: '+33612345678' })
  })

  it('splits a 10-day range into 10 day requests with exact start/end and nothing outside the range', async () => {
    const seen = serve(oneRecordPerDay)
    const records = await collect(client().list({ from: '2015-01-01T00:00:00Z', to: '2015-01-11T00:00:00Z' }))
    const expected = Array.from({ length: 10 }, (_, day) => ({
      start: new Date(Date.parse('2015-01-01T00:00:00Z') + day * DAY).toISOString().replace('.000Z', 'Z'),
      end: new Date(Date.parse('2015-01-02T00:00:00Z') + day * DAY).toISOString().replace('.000Z', 'Z'),
    }))
    expect(seen.map((s) => s.params).sort((a, b) => (a.start as string).localeCompare(b.start as string))).toEqual(
      expected,
    )
    expect(records.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
  })

  it('honours sliceHours, sends team, and ends the last slice at `to` (default now, with milliseconds)', async () => {
    const now = Date.parse('2015-01-20T12:00:00.250Z')
    const seen = serve(() => [])
    await collect(client({ sliceHours: 12, team: 7 }, now).list({ from: new Date(now - 30 * HOUR) }))
    expect(seen.map((s) => s.params)).toEqual([
      { start: '2015-01-19T06:00:00.250Z', end: '2015-01-19T18:00:00.250Z', team: '7' },
      { start: '2015-01-19T18:00:00.250Z', end: '2015-01-20T06:00:00.250Z', team: '7' },
      { start: '2015-01-20T06:00:00.250Z', end: '2015-01-20T12:00:00.250Z', team: '7' },
    ])
  })

  it('clamps `to` to now and sends nothing for an empty range', async () => {
    const seen = serve(() => [])
    await collect(client().list({ from: '2015-01-20T00:00:00Z', to: '2015-01-25T00:00:00Z' }))
    expect(seen.map((s) => s.params)).toEqual([{ start: '2015-01-20T00:00:00Z', end: '2015-01-20T12:00:00Z' }])
    seen.length = 0
    expect(await collect(client().list({ from: '2015-02-01T00:00:00Z' }))).toEqual([])
    expect(seen).toEqual([])
    const inverted = await rejection(
      collect(client().list({ from: '2015-02-01T00:00:00Z', to: '2015-01-01T00:00:00Z' })),
    )
    expect(RcsError.is(inverted, 'bad_request')).toBe(true)
    expect((inverted as RcsError).message).toContain('must be before `to`')
  })

  it('adds include=content_message and puts the content in extra.content', async () => {
    const content = { type: 'text', text: 'Bonjour' }
    const seen = serve(() => [item({ content_message: content })])
    const records = await collect(
      client({ includeContent: true }).list({ from: '2015-01-06T00:00:00Z', to: '2015-01-07T00:00:00Z' }),
    )
    expect(seen[0]?.params).toEqual({
      start: '2015-01-06T00:00:00Z',
      end: '2015-01-07T00:00:00Z',
      include: 'content_message',
    })
    expect(records[0]?.extra.content).toEqual(content)
  })

  it('refuses unusable queries before any request', async () => {
    const seen = serve(() => [])
    const c = client()
    for (const query of [
      { from: 'last week' },
      { from: '2015-01-06T00:00:00Z', to: 'soon' },
      { from: '2015-01-07T00:00:00Z', to: '2015-01-06T00:00:00Z' },
      { from: '2015-01-06T00:00:00Z', campaign: '' },
    ]) {
      expect(RcsError.is(await rejection(collect(c.list(query))), 'bad_request')).toBe(true)
    }
    expect(seen).toEqual([])
  })
})

describe('list: order, concurrency and de-duplication', () => {
  it('fetches slices ahead concurrently (at most `concurrency`) but yields them in time order', async () => {
    let inFlight = 0
    let maxInFlight = 0
    const countingFetch: typeof fetch = async (input, init) => {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      try {
        return await globalThis.fetch(input, init)
      } finally {
        inFlight--
      }
    }
    // Earlier days answer later, so within a batch the answers arrive in reverse time order.
    for (let day = 1; day <= 6; day++) {
      const start = `2015-01-0${day}T00:00:00Z`
      nock(BASE)
        .get('/j/rcs_records')
        .query((q) => q.start === start)
        .delay((7 - day) * 15)
        .reply(200, oneRecordPerDay({ start }))
    }
    const c = makeClient({ concurrency: 3 }, { clock: manualClock(NOW), fetch: countingFetch })
    const records = await collect(c.list({ from: '2015-01-01T00:00:00Z', to: '2015-01-07T00:00:00Z' }))
    expect(records.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6'])
    expect(maxInFlight).toBe(3)
    expect(nock.isDone()).toBe(true)
  })

  it('yields strictly in time order when a later slice answers first', async () => {
    const scope = nock(BASE)
    scope
      .get('/j/rcs_records')
      .query((q) => q.start === '2015-01-01T00:00:00Z')
      .delay(120)
      .reply(200, [
        item({ id: 1, timestamp: '2015-01-01T10:00:00.000Z' }),
        item({ id: 2, timestamp: '2015-01-01T11:00:00.000Z' }),
      ])
    scope
      .get('/j/rcs_records')
      .query((q) => q.start === '2015-01-02T00:00:00Z')
      .reply(200, [item({ id: 3, timestamp: '2015-01-02T10:00:00.000Z' })])
    const records = await collect(client().list({ from: '2015-01-01T00:00:00Z', to: '2015-01-03T00:00:00Z' }))
    expect(records.map((r) => r.id)).toEqual(['1', '2', '3'])
    expect(scope.isDone()).toBe(true)
  })

  it('yields a record returned by two neighbouring slices once (the first copy), and duplicates within a slice once', async () => {
    // Each record stamped at the end of a slice: the API's inclusive `end` returns it in the next slice too.
    const at = (day: number) => `2015-01-0${day}T00:00:00.000Z`
    serve((params) => {
      if (params.start === '2015-01-01T00:00:00Z')
        return [item({ id: 1, timestamp: at(1) }), item({ id: 2, timestamp: at(2) }), item({ id: 2, timestamp: at(2) })]
      if (params.start === '2015-01-02T00:00:00Z')
        return [item({ id: 2, state: 1, timestamp: at(2) }), item({ id: 3, timestamp: at(3) })]
      return [item({ id: 3, state: 4, timestamp: at(3) }), item({ id: 4, timestamp: at(3) })]
    })
    const records = await collect(client().list({ from: '2015-01-01T00:00:00Z', to: '2015-01-04T00:00:00Z' }))
    expect(records.map((r) => [r.id, r.status])).toEqual([
      ['1', 'sent'],
      ['2', 'sent'],
      ['3', 'sent'],
      ['4', 'sent'],
    ])
  })

  it('stops cleanly when the consumer breaks early', async () => {
    const seen = serve(oneRecordPerDay)
    const ids: string[] = []
    for await (const record of client().list({ from: '2015-01-01T00:00:00Z', to: '2015-01-11T00:00:00Z' })) {
      ids.push(record.id)
      if (ids.length === 2) break
    }
    expect(ids).toEqual(['1', '2'])
    // Two slices consumed, at most three more started ahead: the other five days are never requested.
    expect(seen.length).toBeLessThanOrEqual(5)
  })

  it('fails with the caller’s abort', async () => {
    serve(oneRecordPerDay)
    const controller = new AbortController()
    controller.abort()
    const error = await rejection(
      collect(client().list({ from: '2015-01-01T00:00:00Z', to: '2015-01-03T00:00:00Z', signal: controller.signal })),
    )
    expect(RcsError.is(error, 'transport')).toBe(true)
    expect((error as RcsError).message).toContain('aborted')
  })
})

describe('list: filters the API lacks', () => {
  const records = [
    item({ id: 1, state: 0, campaign: 1, reference: 'a' }),
    item({ id: 2, state: 1, campaign: 2, reference: 'b' }),
    item({ id: 3, state: 2, campaign: 2, reference: 'c' }),
    item({ id: 4, state: 4, campaign: 3, reference: 'b' }),
  ]
  const window = { from: '2015-01-06T00:00:00Z', to: '2015-01-07T00:00:00Z' }
  const ids = async (query: Record<string, unknown>) =>
    (await collect(client().list({ ...window, ...query }))).map((r) => r.id)

  it('filters status (one or several), campaign and reference client-side', async () => {
    serve(() => records)
    expect(await ids({ status: 'delivered' })).toEqual(['2'])
    expect(await ids({ status: ['undeliverable', 'read'] })).toEqual(['3', '4'])
    expect(await ids({ campaign: '2' })).toEqual(['2', '3'])
    expect(await ids({ reference: 'b', campaign: '3' })).toEqual(['4'])
    expect(await ids({ channel: 'rcs' })).toEqual(['1', '2', '3', '4'])
  })

  it('sends no request for a channel other than rcs', async () => {
    const seen = serve(() => records)
    expect(await ids({ channel: 'sms' })).toEqual([])
    expect(seen).toEqual([])
  })
})

describe('list: modifiedSince and the 48-hour rule', () => {
  it('sends modified_since when it lies within the past 48 hours', async () => {
    const seen = serve(() => [])
    await collect(client().list({ from: '2015-01-19T00:00:00Z', modifiedSince: new Date(NOW - 47 * HOUR) }))
    expect(seen.map((s) => s.params)).toEqual([
      { start: '2015-01-19T00:00:00Z', end: '2015-01-20T00:00:00Z', modified_since: '2015-01-18T13:00:00Z' },
      { start: '2015-01-20T00:00:00Z', end: '2015-01-20T12:00:00Z', modified_since: '2015-01-18T13:00:00Z' },
    ])
  })

  it('accepts exactly 48 hours ago', async () => {
    const seen = serve(() => [])
    await collect(client().list({ from: '2015-01-20T00:00:00Z', modifiedSince: new Date(NOW - 48 * HOUR) }))
    expect(seen[0]?.params.modified_since).toBe('2015-01-18T12:00:00Z')
  })

  it('refuses an older modifiedSince before any request, saying why and what to do instead', async () => {
    const seen = serve(() => [])
    const error = await rejection(
      collect(client().list({ from: '2015-01-01T00:00:00Z', modifiedSince: new Date(NOW - 48 * HOUR - 1) })),
    )
    expect(RcsError.is(error, 'bad_request')).toBe(true)
    const message = (error as RcsError).message
    expect(message).toContain('within the past 48 hours')
    expect(message).toContain('list the full window without modifiedSince')
    expect(seen).toEqual([])
  })

  it('refuses a modifiedSince in the future, or unusable, before any request', async () => {
    const seen = serve(() => [])
    const future = await rejection(
      collect(client().list({ from: '2015-01-19T00:00:00Z', modifiedSince: new Date(NOW + 1) })),
    )
    expect(RcsError.is(future, 'bad_request')).toBe(true)
    expect((future as RcsError).message).toContain('in the future')
    const junk = await rejection(collect(client().list({ from: '2015-01-19T00:00:00Z', modifiedSince: 'recently' })))
    expect(RcsError.is(junk, 'bad_request')).toBe(true)
    expect(seen).toEqual([])
  })

  it('judges the 48 hours by the adapter clock', async () => {
    const seen = serve(() => [])
    const modifiedSince = new Date(NOW - 47 * HOUR)
    const later = client({}, NOW + 2 * HOUR)
    expect(
      RcsError.is(await rejection(collect(later.list({ from: '2015-01-20T00:00:00Z', modifiedSince }))), 'bad_request'),
    ).toBe(true)
    expect(seen).toEqual([])
  })
})

describe('list: errors', () => {
  const window = { from: '2015-01-06T00:00:00Z', to: '2015-01-07T00:00:00Z' }

  it('403 is auth, explains the quirk and never shows the token', async () => {
    const seen = serve(() => [403, 'Forbidden'])
    const error = await rejection(collect(client().list(window)))
    expect(RcsError.is(error, 'auth')).toBe(true)
    const e = error as RcsError
    expect(e.httpStatus).toBe(403)
    expect(e.retryable).toBe(false)
    expect(e.provider).toBe('spacivox')
    expect(e.message).toContain('this API answers 403 for a bad or missing token')
    expect(JSON.stringify(e)).not.toContain(TOKEN)
    expect(seen).toHaveLength(1)
  })

  it('400 is bad_request carrying the body text (plain text or JSON), not retried', async () => {
    const seen = serve(() => [400, 'end: this field is required', { 'content-type': 'text/plain' }])
    const error = await rejection(collect(client().list(window)))
    expect(RcsError.is(error, 'bad_request')).toBe(true)
    expect((error as RcsError).message).toContain('400 Bad Request: end: this field is required')
    expect((error as RcsError).details).toEqual({ body: 'end: this field is required' })
    expect(seen).toHaveLength(1)
    nock.cleanAll()
    serve(() => [400, { detail: 'modified_since must be in the past 48 hours' }])
    const json = await rejection(collect(client().list(window)))
    expect((json as RcsError).message).toContain('modified_since must be in the past 48 hours')
    nock.cleanAll()
    serve(() => [400, { code: 17 }])
    expect(((await rejection(collect(client().list(window)))) as RcsError).message).toContain('{"code":17}')
  })

  it('retries 5xx and then succeeds', async () => {
    let calls = 0
    serve(() => (++calls <= 2 ? [503, 'busy'] : [item({ id: 5 })]))
    const records = await collect(client().list(window))
    expect(records.map((r) => r.id)).toEqual(['5'])
    expect(calls).toBe(3)
  })

  it('gives up on a persistent 5xx with a retryable provider error', async () => {
    let calls = 0
    serve(() => {
      calls++
      return [500, 'oops']
    })
    const error = await rejection(collect(client().list(window)))
    expect(RcsError.is(error, 'provider')).toBe(true)
    expect((error as RcsError).retryable).toBe(true)
    expect(calls).toBe(5)
  })

  it('a body that is not an array is a decode error', async () => {
    serve(() => ({ data: [] }))
    const error = await rejection(collect(client().list(window)))
    expect(RcsError.is(error, 'decode')).toBe(true)
    expect((error as RcsError).message).toContain('(root): expected a JSON array of RCS records')
  })

  it('skips and reports a bad item, or throws it when strict', async () => {
    serve(() => [item({ id: 1 }), { id: 'x', state: 0 }, item({ id: 2 })])
    const invalid: RcsError[] = []
    const records = await collect(client().list({ ...window, onInvalid: (e) => invalid.push(e) }))
    expect(records.map((r) => r.id)).toEqual(['1', '2'])
    expect(invalid).toHaveLength(1)
    expect(invalid[0]?.kind).toBe('decode')
    const strict = await rejection(collect(client().list({ ...window, strict: true })))
    expect(RcsError.is(strict, 'decode')).toBe(true)
  })
})

describe('list: one ListQuery contract, ranges are [from, to) (issue 14)', () => {
  const window = { from: '2015-01-06T00:00:00Z', to: '2015-01-07T00:00:00Z' }

  it('a record stamped exactly at `to` is not yielded; the next range yields it, once', async () => {
    // The API's `end` is inclusive: a record stamped at the boundary comes back in both neighbouring requests.
    serve((params) => [
      item({ id: 1, timestamp: params.start }),
      item({ id: 2, timestamp: '2015-01-06T18:00:00.000Z' }),
      item({ id: 3, timestamp: params.end }),
    ])
    const first = await collect(client().list(window))
    const next = await collect(client().list({ from: window.to, to: '2015-01-08T00:00:00Z' }))
    expect(first.map((r) => r.id)).toEqual(['1', '2'])
    expect(next.map((r) => r.updatedAt)).toContain('2015-01-07T00:00:00.000Z')
    const all = [...first, ...next].filter((r) => r.updatedAt === '2015-01-07T00:00:00.000Z')
    expect(all).toHaveLength(1)
  })

  it('a record stamped after `to` (its state changed later) is kept: only the exact inclusive end is dropped', async () => {
    serve(() => [item({ id: 7, state: 1, timestamp: '2015-01-09T08:00:00.000Z' })])
    expect((await collect(client().list(window))).map((r) => r.id)).toEqual(['7'])
  })

  it('a misspelt status is a bad_request before any request (it used to list nothing)', async () => {
    const seen = serve(() => [item({ id: 1, state: 1 })])
    const error = await rejection(collect(client().list({ ...window, status: 'delivred' as never })))
    expect(error).toMatchObject({ kind: 'bad_request', details: { field: 'status' } })
    expect((error as RcsError).message).toMatch(/^spacivox: invalid list query: `status` /)
    expect(seen).toEqual([])
  })

  it('`from` equal to `to` is a bad_request like an inverted range (it used to list nothing)', async () => {
    const seen = serve(() => [])
    const error = await rejection(collect(client().list({ from: window.from, to: window.from })))
    expect(RcsError.is(error, 'bad_request')).toBe(true)
    expect(seen).toEqual([])
  })

  it('a pageSize that is not a positive integer is a bad_request (it used to be ignored)', async () => {
    const seen = serve(() => [])
    const error = await rejection(collect(client().list({ ...window, pageSize: 0 })))
    expect(error).toMatchObject({ kind: 'bad_request', details: { field: 'pageSize' } })
    expect(seen).toEqual([])
  })
})

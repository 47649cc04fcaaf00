import type { RcsError } from '@rcs-records/core'
import fc from 'fast-check'
import nock from 'nock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { planBatches } from '../src/get.js'
import { BASE_URL, RATE_LIMITED_BODY } from './fixtures.js'
import { makeClient, ORIGIN, recordingClock, recordingLogger, rejection, STATUS_PATH } from './helpers.js'

beforeEach(() => {
  nock.disableNetConnect()
  nock.enableNetConnect('127.0.0.1')
})
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

const statusOf = (id: string) => ({ customerMessageId: id, deliveryStatus: 'DELIVERED', channel: 'RCS' })

/** The ids of a batch request URL, split on the bare comma the vendor documents. */
const idsOf = (uri: string): string[] => {
  const raw = /[?&]ids=([^&]*)/.exec(uri)?.[1] ?? ''
  return raw.split(',').map(decodeURIComponent)
}

/**
 * A batch endpoint that knows the ids `known` accepts and answers the others by silently omitting them, in reverse
 * order (the vendor's answer is unordered). Records every request URL.
 */
const batchServer = (known: (id: string) => boolean = () => true, wire = 'RCS') => {
  const urls: string[] = []
  let inFlight = 0
  let maxInFlight = 0
  nock(ORIGIN)
    .get((uri) => uri.startsWith(`${STATUS_PATH}?`))
    .times(Number.MAX_SAFE_INTEGER)
    .reply((uri, _body, respond) => {
      urls.push(`${ORIGIN}${uri}`)
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      const channel = new URL(`${ORIGIN}${uri}`).searchParams.get('channel')
      setTimeout(() => {
        inFlight--
        if (channel !== wire) respond(null, [400, { message: `channel ${channel}` }])
        else respond(null, [200, idsOf(uri).filter(known).reverse().map(statusOf)])
      }, 2)
    })
  return { urls, maxInFlight: () => maxInFlight }
}

describe('getMany: the native batch endpoint', () => {
  it('asks once for a few ids, returns records in input order and the omitted ids as missing', async () => {
    const server = batchServer((id) => id !== 'order-2')
    const result = await makeClient().getMany(['order-3', 'order-1', 'order-2'])
    expect(result.records.map((r) => r.id)).toEqual(['order-3', 'order-1'])
    expect(result.missing).toEqual(['order-2'])
    expect(server.urls).toEqual([
      `${BASE_URL}/partner-gateway/v1/messages/status?ids=order-3,order-1,order-2&channel=RCS`,
    ])
  })

  it('de-duplicates the input ids', async () => {
    const server = batchServer()
    const result = await makeClient().getMany(['a', 'b', 'a', 'b', 'c'])
    expect(result.records.map((r) => r.id)).toEqual(['a', 'b', 'c'])
    expect(server.urls).toHaveLength(1)
    expect(idsOf(server.urls[0] as string)).toEqual(['a', 'b', 'c'])
  })

  it('none matching is 200 [] and every id missing', async () => {
    batchServer(() => false)
    expect(await makeClient().getMany(['x', 'y'])).toEqual({ records: [], missing: ['x', 'y'] })
  })

  it('scopes the batch to opts.channel', async () => {
    batchServer(() => true, 'WHATSAPP')
    const result = await makeClient().getMany(['w1'], { channel: 'whatsapp' })
    expect(result.records[0]?.id).toBe('w1')
  })

  it('accepts the wrapped { messages: [...] } answer', async () => {
    nock(ORIGIN)
      .get((uri) => uri.startsWith(STATUS_PATH))
      .reply(200, { messages: [{ messageId: 'a', status: 'SENT' }] })
    expect((await makeClient().getMany(['a', 'b'])).missing).toEqual(['b'])
  })

  it('makes no request for an empty list', async () => {
    expect(await makeClient().getMany([])).toEqual({ records: [], missing: [] })
  })
})

describe('getMany: chunking 10,000 ids', () => {
  const ids = Array.from({ length: 10_000 }, (_, i) =>
    i % 3 === 0 ? `order-${i}` : `${i.toString(16).padStart(8, '0')}-5d4a-4e6b-9c7d-1a2b3c4d5e6f`,
  )

  it('never builds a URL over the cap, never puts spaces in ids, asks every id exactly once', async () => {
    const server = batchServer((id) => !id.endsWith('7'))
    const result = await makeClient({ maxUrlLength: 4000 }, { concurrency: 16 }).getMany(ids)
    expect(server.urls.length).toBeGreaterThanOrEqual(10_000 / 200)
    for (const url of server.urls) {
      expect(url.length).toBeLessThanOrEqual(4000)
      expect(url).not.toMatch(/\s|%20|\+/)
      expect(idsOf(url).length).toBeLessThanOrEqual(200)
    }
    const asked = server.urls.flatMap(idsOf)
    expect(asked).toHaveLength(10_000)
    expect(new Set(asked).size).toBe(10_000)
    expect(result.records.map((r) => r.id)).toEqual(ids.filter((id) => !id.endsWith('7')))
    expect(result.missing).toEqual(ids.filter((id) => id.endsWith('7')))
  })

  it('splits by URL length when ids are long, keeping each URL within maxUrlLength', async () => {
    const long = Array.from({ length: 500 }, (_, i) => `campaign-2025-spring-sale/recipient ${i}/ü`)
    const server = batchServer()
    const result = await makeClient({ maxUrlLength: 1000, idsPerRequest: 200 }).getMany(long)
    expect(result.missing).toEqual([])
    expect(server.urls.length).toBeGreaterThan(500 / 200)
    for (const url of server.urls) expect(url.length).toBeLessThanOrEqual(1000)
    expect(server.urls.flatMap(idsOf).sort()).toEqual([...long].sort())
  })

  it('runs at most `concurrency` batch requests at once', async () => {
    const server = batchServer()
    await makeClient({ concurrency: 2, idsPerRequest: 10 }, { concurrency: 16 }).getMany(ids.slice(0, 200))
    expect(server.urls).toHaveLength(20)
    expect(server.maxInFlight()).toBeLessThanOrEqual(2)
    expect(server.maxInFlight()).toBeGreaterThanOrEqual(1)
  })

  it('plans by count and by length (pure)', () => {
    const config = { baseUrl: BASE_URL, idsPerRequest: 3, maxUrlLength: 4000 }
    expect(planBatches(['a', 'b', 'c', 'd'], 'RCS', config)).toEqual({ chunks: [['a', 'b', 'c'], ['d']], single: [] })
    const fixed = `${BASE_URL}/partner-gateway/v1/messages/status?ids=&channel=RCS`.length
    const tight = { baseUrl: BASE_URL, idsPerRequest: 100, maxUrlLength: fixed + 3 }
    expect(planBatches(['a', 'b', 'c'], 'RCS', tight).chunks).toEqual([['a', 'b'], ['c']])
  })
})

describe('getMany: ids the comma-separated parameter cannot carry', () => {
  it('looks an id containing a comma up through the single-status endpoint', async () => {
    batchServer()
    const single = nock(ORIGIN)
      .get(`${STATUS_PATH}/a%2Cb`)
      .query({ channel: 'RCS' })
      .reply(200, { customerMessageId: 'a,b', deliveryStatus: 'SENT' })
    const gone = nock(ORIGIN).get(`${STATUS_PATH}/c%2Cd`).query({ channel: 'RCS' }).reply(404, {})
    const result = await makeClient().getMany(['plain', 'a,b', 'c,d'])
    expect(result.records.map((r) => r.id)).toEqual(['plain', 'a,b'])
    expect(result.missing).toEqual(['c,d'])
    expect(single.isDone() && gone.isDone()).toBe(true)
  })
})

describe('getMany: matching answers to the ids asked', () => {
  /**
   * How a vendor may answer one batch: each id asked, in order, kept or omitted (`skip`), some answered twice
   * (`twice`), and ids that were not asked put in; then the answer shuffled or not. The result must not depend on the
   * order (the adapter looks for the next answer from just after the last one found, and indexes the chunk only when an
   * answer is out of that order).
   */
  const answerPlan = fc.record({
    count: fc.integer({ min: 1, max: 40 }),
    perRequest: fc.integer({ min: 1, max: 12 }),
    skip: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
    twice: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
    strangers: fc.integer({ min: 0, max: 2 }),
    shuffle: fc.option(fc.array(fc.nat(), { minLength: 60, maxLength: 60 }), { nil: undefined }),
  })

  it('finds every answered id and only those, in input order, however the vendor orders its answer (property)', async () => {
    await fc.assert(
      fc.asyncProperty(answerPlan, async (plan) => {
        const ids = Array.from({ length: plan.count }, (_, at) => `m-${at}`)
        const answered = (id: string) => !plan.skip[Number(id.slice(2))]
        nock(ORIGIN)
          .get((uri) => uri.startsWith(`${STATUS_PATH}?`))
          .times(Number.MAX_SAFE_INTEGER)
          .reply((uri) => {
            const items: string[] = []
            for (const id of idsOf(uri).filter(answered)) {
              items.push(id)
              if (plan.twice[Number(id.slice(2))]) items.push(id)
            }
            for (let at = 0; at < plan.strangers; at++) items.splice(at * 3, 0, `stranger-${at}`)
            const order = plan.shuffle
            if (order !== undefined)
              items.sort(
                (a, b) =>
                  (order[a.length + a.charCodeAt(a.length - 1)] ?? 0) -
                  (order[b.length + b.charCodeAt(b.length - 1)] ?? 0),
              )
            return [200, items.map(statusOf)]
          })
        try {
          const result = await makeClient({ idsPerRequest: plan.perRequest }).getMany(ids)
          expect(result.records.map((r) => r.id)).toEqual(ids.filter(answered))
          expect(result.missing).toEqual(ids.filter((id) => !answered(id)))
          for (const record of result.records)
            expect(record).toMatchObject({ status: 'delivered', raw: statusOf(record.id) })
        } finally {
          nock.cleanAll()
        }
      }),
      { numRuns: 60 },
    )
  })
})

describe('getMany: bad answers and errors', () => {
  it('skips an item that fails to decode with a warning (its id is missing) and ignores ids not asked', async () => {
    const logger = recordingLogger()
    nock(ORIGIN)
      .get((uri) => uri.startsWith(STATUS_PATH))
      .reply(200, [statusOf('a'), { customerMessageId: 'b', deliveryStatus: 42 }, statusOf('zzz')])
    const result = await makeClient({}, { logger }).getMany(['a', 'b'])
    expect(result).toMatchObject({ missing: ['b'] })
    expect(result.records.map((r) => r.id)).toEqual(['a'])
    expect(logger.warnings).toHaveLength(1)
    expect(logger.warnings[0]?.[1]).toMatchObject({ id: 'b', paths: ['deliveryStatus'] })
  })

  it('an answer that is neither an array nor { messages } is a decode error', async () => {
    nock(ORIGIN)
      .get((uri) => uri.startsWith(STATUS_PATH))
      .reply(200, { data: [] })
    const error = (await rejection(makeClient().getMany(['a']))) as RcsError
    expect(error.kind).toBe('decode')
  })

  it('414 → bad_request naming the settings to lower', async () => {
    nock(ORIGIN)
      .get((uri) => uri.startsWith(STATUS_PATH))
      .reply(414, 'URI Too Long')
    const error = (await rejection(makeClient().getMany(['a']))) as RcsError
    expect(error).toMatchObject({ kind: 'bad_request', httpStatus: 414, retryable: false })
    expect(error.message).toContain('maxUrlLength')
  })

  it('a failing chunk fails the whole call and starts no further chunks', async () => {
    const urls: string[] = []
    nock(ORIGIN)
      .get((uri) => uri.startsWith(`${STATUS_PATH}?`))
      .times(100)
      .reply((uri) => {
        urls.push(uri)
        return [401, { status: 401, error: 'Unauthorized' }]
      })
    const ids = Array.from({ length: 50 }, (_, i) => `id-${i}`)
    const error = (await rejection(makeClient({ idsPerRequest: 5, concurrency: 1 }).getMany(ids))) as RcsError
    expect(error.kind).toBe('auth')
    expect(urls).toHaveLength(1)
  })

  it('429 on a chunk waits the body hint and retries that chunk', async () => {
    const clock = recordingClock()
    nock(ORIGIN)
      .get((uri) => uri.startsWith(STATUS_PATH))
      .reply(429, RATE_LIMITED_BODY)
    batchServer()
    const result = await makeClient({}, { clock }).getMany(['a'])
    expect(result.records.map((r) => r.id)).toEqual(['a'])
    expect(clock.sleeps).toEqual([12_000])
  })
})

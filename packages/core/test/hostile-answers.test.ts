import nock from 'nock'
import { describe, expect, it } from 'vitest'
import { boundedCopy, boundedJson } from '../src/errors/bounded-copy.js'
import { isRetryableStatus } from '../src/http/classify.js'
import { parseRetryAfter } from '../src/http/retry-after.js'
import { vendorMessageOf } from '../src/kit.js'
import { expectLeft, expectRight, ORIGIN, transport, useNock } from './helpers/http.js'

useNock()

/** `{"errors":{"errors":{…}}}` nested `depth` levels, as JSON text (what a hostile vendor sends). */
const deepJson = (depth: number, key = 'errors'): string => `${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}`

describe('Retry-After that is not a delay', () => {
  it.each([
    '-5',
    'May 5',
    '1, 2',
    'soon',
    '5s',
    '',
    '0x10',
    '1e3',
    'Wed, 21 Oct 2015',
    'Tue, 99 Foo 2015 07:28:00 GMT',
  ])('%j is no hint at all', (value) => {
    expect(parseRetryAfter(value, Date.parse('2026-01-01T00:00:00Z'))).toBeNull()
  })

  it('reads the three HTTP date formats, asctime as GMT', () => {
    const now = Date.parse('2015-10-21T07:27:00Z')
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now)).toBe(60_000)
    expect(parseRetryAfter('Wednesday, 21-Oct-15 07:28:00 GMT', now)).toBe(60_000)
    expect(parseRetryAfter('Wed Oct 21 07:28:00 2015', now)).toBe(60_000)
  })

  it.each(['-5', 'May 5', '1, 2'])('a 503 with Retry-After %j backs off as usual, never at once', async (value) => {
    nock(ORIGIN).get('/ra').times(3).reply(503, {}, { 'retry-after': value }).get('/ra').reply(200, {})
    const { http, clock } = transport({ retry: { limit: 3, baseDelayMs: 100, maxDelayMs: 10_000 } })
    expectRight(await http.request({ url: `${ORIGIN}/ra` })())
    // random pinned at 0.5: 75, 150, 300 — the normal exponential backoff.
    expect(clock.sleeps).toEqual([75, 150, 300])
  })

  it.each([
    ['0', '0'],
    ['a date already past', 'Wed, 21 Oct 2015 07:28:00 GMT'],
  ])('Retry-After %s waits the minimum backoff, never zero', async (_label, value) => {
    nock(ORIGIN).get('/ra').times(2).reply(429, {}, { 'retry-after': value }).get('/ra').reply(200, {})
    const { http, clock } = transport({ retry: { limit: 3, baseDelayMs: 100, maxDelayMs: 10_000 } })
    expectRight(await http.request({ url: `${ORIGIN}/ra` })())
    expect(clock.sleeps).toEqual([75, 75])
  })

  it('a body hint above maxRetryAfterMs is capped, not ignored', async () => {
    nock(ORIGIN).get('/pg').reply(429, { retryAfter: 7_200 }).get('/pg').reply(200, {})
    const { http, clock } = transport({ maxRetryAfterMs: 5_000 })
    const retryAfterFromBody = (body: unknown) => (body as { retryAfter: number }).retryAfter * 1000
    expectRight(await http.request({ url: `${ORIGIN}/pg`, retryAfterFromBody })())
    expect(clock.sleeps).toEqual([5_000])
  })
})

describe('permanent 5xx answers', () => {
  it.each([501, 505, 506, 508, 510, 511])('%s is not retried: a provider error after one request', async (status) => {
    const scope = nock(ORIGIN).get('/x').reply(status, { message: 'Not Implemented' })
    nock(ORIGIN).get('/x').reply(200, {})
    const { http, clock } = transport()
    const error = expectLeft(await http.request({ url: `${ORIGIN}/x` })())
    expect(error).toMatchObject({ kind: 'provider', httpStatus: status, retryable: false })
    expect(scope.isDone()).toBe(true)
    expect(clock.sleeps).toEqual([])
    expect(isRetryableStatus(status)).toBe(false)
  })

  it.each([500, 502, 503, 504, 507, 520, 522, 524, 599])('%s is still retried', (status) => {
    expect(isRetryableStatus(status)).toBe(true)
  })
})

describe('bodies nested too deep to print', () => {
  it('a 400 nesting 100,000 levels is a bad_request after one request, not a retryable network error', async () => {
    const scope = nock(ORIGIN)
      .get('/deep')
      .reply(400, `{"message":"invalid","errors":${deepJson(100_000)}}`, { 'content-type': 'application/json' })
    nock(ORIGIN).get('/deep').reply(200, {})
    const { http } = transport()
    const error = expectLeft(await http.request({ url: `${ORIGIN}/deep` })())
    expect(error).toMatchObject({ kind: 'bad_request', httpStatus: 400, retryable: false })
    expect(error.message).toContain('answered 400: invalid {"errors":{"errors":')
    expect(error.message.length).toBeLessThan(500)
    expect(scope.isDone()).toBe(true)
    const details = JSON.stringify(error.details)
    expect(details.length).toBeLessThan(5_000)
    expect(details).toMatch(/nested deeper than|\[…\]/)
  })

  it('a 500 whose message is an object nested 100,000 levels is retried as a 500, and described', async () => {
    nock(ORIGIN).get('/deep').times(2).reply(500, deepJson(100_000, 'message'), { 'content-type': 'application/json' })
    const { http } = transport({ retry: { limit: 1 } })
    const error = expectLeft(await http.request({ url: `${ORIGIN}/deep` })())
    expect(error).toMatchObject({ kind: 'provider', httpStatus: 500, retryable: true })
    expect(() => JSON.stringify(error)).not.toThrow()
  })

  it('an array of a million entries in `errors` costs a few hundred characters', async () => {
    nock(ORIGIN)
      .get('/wide')
      .reply(422, { message: 'The given data was invalid.', errors: Array.from({ length: 1_000_000 }, (_, i) => i) })
    const { http } = transport()
    const error = expectLeft(await http.request({ url: `${ORIGIN}/wide` })())
    expect(error.kind).toBe('bad_request')
    expect(error.message.length).toBeLessThanOrEqual(400)
    expect(JSON.stringify(error.details).length).toBeLessThan(5_000)
  })

  it('vendorMessageOf and boundedJson never throw on depth, and note what they cut', () => {
    const deep = JSON.parse(deepJson(100_000))
    expect(vendorMessageOf({ errors: deep })).toMatch(/^\{"errors":\{"errors":/)
    expect(boundedJson(deep, { depth: 3 })).toBe('{"errors":{"errors":{"errors":"[nested deeper than 3 levels]"}}}')
    expect(boundedCopy({ list: [1, 2, 3, 4] }, { entries: 2 })).toEqual({ list: [1, 2, '[… 2 more items]'] })
    expect(boundedCopy({ a: 1, b: 2, c: 3 }, { entries: 1 })).toEqual({ a: 1, '…': '2 more fields' })
    expect(boundedCopy('x'.repeat(50), { stringLength: 10 })).toBe(`${'x'.repeat(10)}…`)
  })

  it('keeps __proto__ as a plain key', () => {
    const copy = boundedCopy(JSON.parse('{"__proto__":{"polluted":1},"a":1}')) as Record<string, unknown>
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(Object.keys(copy)).toEqual(['__proto__', 'a'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

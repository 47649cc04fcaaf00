import { Readable } from 'node:stream'
import nock from 'nock'
import { describe, expect, it } from 'vitest'
import { kindOfStatus } from '../src/http/classify.js'
import { backoffDelay, parseRetryAfter } from '../src/http/retry-after.js'
import { checkBaseUrl } from '../src/http/secure-url.js'
import type { HttpEvent } from '../src/index.js'
import { vendorMessageOf } from '../src/kit.js'
import { expectLeft, expectRight, ORIGIN, transport, useNock } from './helpers/http.js'

/** A response body that sends its first bytes and then never ends. */
const stallingBody = (): Readable => {
  let sent = false
  return new Readable({
    read() {
      if (sent) return
      sent = true
      this.push('{"data": [')
    },
  })
}

useNock()

describe('requests', () => {
  it('builds the query: undefined dropped, scalars stringified, existing query kept', async () => {
    let seen = ''
    nock(ORIGIN)
      .get('/api/messages')
      .query(true)
      .reply(function () {
        seen = this.req.path
        return [200, { ok: true }]
      })
    const { http } = transport()
    const response = expectRight(
      await http.request({
        url: `${ORIGIN}/api/messages?fixed=1`,
        searchParams: { 'filter[id]': 42, page: 0, active: true, skip: undefined, q: 'a b&c' },
      })(),
    )
    expect(response.body).toEqual({ ok: true })
    expect(seen).toBe('/api/messages?fixed=1&filter%5Bid%5D=42&page=0&active=true&q=a+b%26c')
  })

  it('sends repeated keys given as URLSearchParams', async () => {
    let seen = ''
    nock(ORIGIN)
      .get('/x')
      .query(true)
      .reply(function () {
        seen = this.req.path
        return [200, []]
      })
    const { http } = transport()
    const params = new URLSearchParams([
      ['status', 'sent'],
      ['status', 'read'],
    ])
    expectRight(await http.request({ url: `${ORIGIN}/x`, searchParams: params })())
    expect(seen).toBe('/x?status=sent&status=read')
  })

  it('sends user-agent, accept and custom headers', async () => {
    let headers: Record<string, unknown> = {}
    nock(ORIGIN)
      .get('/h')
      .reply(function () {
        headers = this.req.headers
        return [200, {}]
      })
    const { http } = transport({ userAgent: 'my-app/2.0' })
    expectRight(await http.request({ url: `${ORIGIN}/h`, headers: { 'x-team': 'blue' } })())
    expect(headers['user-agent']).toBe('my-app/2.0')
    expect(headers.accept).toBe('application/json')
    expect(headers['x-team']).toBe('blue')
  })

  it('defaults the user-agent to rcs-records/<version>', async () => {
    nock(ORIGIN)
      .get('/ua')
      .matchHeader('user-agent', /^rcs-records\/\d+\.\d+\.\d+$/)
      .reply(200, {})
    const { http } = transport()
    expectRight(await http.request({ url: `${ORIGIN}/ua` })())
  })

  it('sends a JSON body with its content type', async () => {
    let received: unknown = null
    nock(ORIGIN)
      .post('/login', (body) => {
        received = body
        return true
      })
      .matchHeader('content-type', /application\/json/)
      .reply(200, { bearer: 'jwt' })
    const { http } = transport()
    const response = expectRight(
      await http.request({ url: `${ORIGIN}/login`, method: 'POST', json: { name: 'x', n: 1 } })(),
    )
    expect(received).toEqual({ name: 'x', n: 1 })
    expect(response).toMatchObject({ status: 200, body: { bearer: 'jwt' } })
    expect(response.headers.get('content-type')).toMatch(/json/)
    expect(response.bytes).toBe(JSON.stringify({ bearer: 'jwt' }).length)
  })

  it('gives an empty body as null, and text only when allowText is set', async () => {
    nock(ORIGIN).get('/empty').reply(204).get('/text').reply(200, 'plain words')
    const { http } = transport()
    expect(expectRight(await http.request({ url: `${ORIGIN}/empty` })()).body).toBeNull()
    expect(expectRight(await http.request({ url: `${ORIGIN}/text`, allowText: true })()).body).toBe('plain words')
  })

  it('uses an injected fetch instead of the global one', async () => {
    const calls: string[] = []
    const fetch: typeof globalThis.fetch = async (input) => {
      calls.push(input instanceof Request ? input.url : String(input))
      return new Response(JSON.stringify({ injected: true }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      })
    }
    const { http } = transport({ fetch })
    const response = expectRight(await http.request({ url: `${ORIGIN}/injected`, searchParams: { a: 1 } })())
    expect(response.body).toEqual({ injected: true })
    expect(calls).toEqual([`${ORIGIN}/injected?a=1`])
  })

  it('refuses a URL that is not absolute as a config error, without a request', async () => {
    const { http } = transport()
    const error = expectLeft(await http.request({ url: '/relative?apiKey=zzz' })())
    expect(error.kind).toBe('config')
    expect(error.message).not.toContain('zzz')
  })
})

describe('secure URLs', () => {
  it('refuses plain http:// to a non-loopback host as config, before any request', async () => {
    const scope = nock('http://api.example.com').get('/x').reply(200, {})
    const { http } = transport()
    const error = expectLeft(await http.request({ url: 'http://api.example.com/x' })())
    expect(error.kind).toBe('config')
    expect(error.message).toMatch(/allowInsecureHttp/)
    expect(scope.isDone()).toBe(false)
  })

  it('allows it when allowInsecureHttp is set', async () => {
    nock('http://api.example.com').get('/x').reply(200, { ok: 1 })
    const { http } = transport({ allowInsecureHttp: true })
    expect(expectRight(await http.request({ url: 'http://api.example.com/x' })()).body).toEqual({ ok: 1 })
  })

  it.each(['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'http://127.8.9.10'])(
    'allows loopback %s',
    async (origin) => {
      nock(origin).get('/x').reply(200, { ok: 1 })
      const { http } = transport()
      expectRight(await http.request({ url: `${origin}/x` })())
    },
  )

  it('checkBaseUrl: https fine, other schemes and junk refused', () => {
    expect(checkBaseUrl('https://api.example.com', 'p')).toBeNull()
    expect(checkBaseUrl('ftp://api.example.com', 'p')?.kind).toBe('config')
    expect(checkBaseUrl('not a url', 'p')?.kind).toBe('config')
    expect(checkBaseUrl('http://10.0.0.1', 'p')?.kind).toBe('config')
    expect(checkBaseUrl('http://10.0.0.1', 'p', true)).toBeNull()
  })
})

describe('retries', () => {
  it.each([429, 500, 502, 503, 504, 408])('retries %s, then succeeds', async (status) => {
    const scope = nock(ORIGIN).get('/r').reply(status, { message: 'busy' }).get('/r').reply(200, { ok: true })
    const { http, clock } = transport()
    const response = expectRight(await http.request({ url: `${ORIGIN}/r` })())
    expect(response.body).toEqual({ ok: true })
    expect(scope.isDone()).toBe(true)
    expect(clock.sleeps).toHaveLength(1)
  })

  it.each([
    [429, 'rate_limited'],
    [500, 'provider'],
    [502, 'provider'],
    [503, 'provider'],
    [504, 'provider'],
  ] as const)('gives up on %s after exactly 1 + limit attempts as %s', async (status, kind) => {
    let attempts = 0
    nock(ORIGIN)
      .get('/r')
      .times(10)
      .reply(() => {
        attempts++
        return [status, { message: 'still busy' }]
      })
    const { http, clock } = transport({ retry: { limit: 3 } })
    const error = expectLeft(await http.request({ url: `${ORIGIN}/r` })())
    expect(attempts).toBe(4)
    expect(clock.sleeps).toHaveLength(3)
    expect(error).toMatchObject({ kind, httpStatus: status, retryable: true, provider: 'acme' })
    expect(error.message).toContain('still busy')
  })

  it.each([
    [400, 'bad_request'],
    [401, 'auth'],
    [403, 'auth'],
    [404, 'not_found'],
    [410, 'not_found'],
    [413, 'bad_request'],
    [422, 'bad_request'],
  ] as const)('does not retry %s (%s)', async (status, kind) => {
    let attempts = 0
    nock(ORIGIN)
      .get('/r')
      .times(5)
      .reply(() => {
        attempts++
        return [status, { message: 'no' }]
      })
    const { http, clock } = transport()
    const error = expectLeft(await http.request({ url: `${ORIGIN}/r` })())
    expect(attempts).toBe(1)
    expect(clock.sleeps).toEqual([])
    expect(error).toMatchObject({ kind, httpStatus: status, retryable: false })
    expect(kindOfStatus(status)).toBe(kind)
  })

  it('retries network errors (connection reset) and reports transport when they persist', async () => {
    let attempts = 0
    nock(ORIGIN)
      .get('/n')
      .times(3)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    nock(ORIGIN)
      .get('/n')
      .reply(() => {
        attempts++
        return [200, { ok: 1 }]
      })
    const { http, clock } = transport({ retry: { limit: 3 } })
    expect(expectRight(await http.request({ url: `${ORIGIN}/n` })()).body).toEqual({ ok: 1 })
    expect(attempts).toBe(1)
    expect(clock.sleeps).toHaveLength(3)

    nock(ORIGIN).get('/n').times(3).replyWithError('socket hang up')
    const error = expectLeft(await transport({ retry: { limit: 2 } }).http.request({ url: `${ORIGIN}/n` })())
    expect(error).toMatchObject({ kind: 'transport', retryable: true, httpStatus: null })
    expect(error.message).toMatch(/network error \(socket hang up\)/)
  })

  it('times out an attempt that takes longer than timeoutMs, and retries it', async () => {
    nock(ORIGIN).get('/slow').delay(300).reply(200, { late: true })
    nock(ORIGIN).get('/slow').reply(200, { fast: true })
    const { http, clock } = transport({ timeoutMs: 40 })
    expect(expectRight(await http.request({ url: `${ORIGIN}/slow` })()).body).toEqual({ fast: true })
    expect(clock.sleeps).toHaveLength(1)
  })

  it('reports timeout when every attempt is too slow', async () => {
    nock(ORIGIN).get('/slow').times(2).delay(300).reply(200, {})
    const { http } = transport({ timeoutMs: 30, retry: { limit: 1 } })
    const started = Date.now()
    const error = expectLeft(await http.request({ url: `${ORIGIN}/slow` })())
    expect(error).toMatchObject({ kind: 'timeout', retryable: true })
    expect(error.message).toMatch(/within 30 ms/)
    expect(Date.now() - started).toBeLessThan(250)
  })

  it('times out an attempt whose body stalls after the headers', async () => {
    nock(ORIGIN).get('/stall').reply(200, stallingBody)
    const { http } = transport({ timeoutMs: 40, retry: { limit: 0 } })
    const started = Date.now()
    const error = expectLeft(await http.request({ url: `${ORIGIN}/stall` })())
    expect(error).toMatchObject({ kind: 'timeout', retryable: true })
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  it('retries a truncated or malformed 2xx body', async () => {
    nock(ORIGIN).get('/t').reply(200, '{"data": [{"id": 1', { 'content-type': 'application/json' })
    nock(ORIGIN).get('/t').reply(200, '<html>gateway</html>')
    nock(ORIGIN).get('/t').reply(200, { data: [] })
    const { http, clock } = transport()
    expect(expectRight(await http.request({ url: `${ORIGIN}/t` })()).body).toEqual({ data: [] })
    expect(clock.sleeps).toHaveLength(2)
  })

  it('reports a body that stays unparseable as a retryable provider error with its start', async () => {
    nock(ORIGIN).get('/t').times(2).reply(200, '{"data": [')
    const error = expectLeft(await transport({ retry: { limit: 1 } }).http.request({ url: `${ORIGIN}/t` })())
    expect(error).toMatchObject({ kind: 'provider', httpStatus: 200, retryable: true })
    expect(error.details).toEqual({ bytes: 10, start: '{"data": [' })
  })

  it('does not retry a POST unless it is marked idempotent', async () => {
    let attempts = 0
    nock(ORIGIN)
      .post('/p')
      .times(5)
      .reply(() => {
        attempts++
        return [503, {}]
      })
    const { http } = transport()
    expect(expectLeft(await http.request({ url: `${ORIGIN}/p`, method: 'POST', json: {} })()).kind).toBe('provider')
    expect(attempts).toBe(1)
    nock.cleanAll()
    nock(ORIGIN).post('/p').times(2).replyWithError('reset')
    expect(expectLeft(await http.request({ url: `${ORIGIN}/p`, method: 'POST', json: {} })()).kind).toBe('transport')
    nock.cleanAll()
    attempts = 0
    nock(ORIGIN)
      .post('/p')
      .times(5)
      .reply(() => {
        attempts++
        return attempts < 3 ? [503, {}] : [200, { ok: 1 }]
      })
    expectRight(await http.request({ url: `${ORIGIN}/p`, method: 'POST', json: {}, idempotent: true })())
    expect(attempts).toBe(3)
  })

  it('a GET marked idempotent: false is tried once', async () => {
    nock(ORIGIN).get('/g').times(3).reply(503, {})
    const { http, clock } = transport()
    expectLeft(await http.request({ url: `${ORIGIN}/g`, idempotent: false })())
    expect(clock.sleeps).toEqual([])
  })

  it('backs off exponentially with jitter from the pinned random source, capped at maxDelayMs', async () => {
    nock(ORIGIN).get('/b').times(6).reply(503, {})
    const low = transport({ random: () => 0, retry: { limit: 5, baseDelayMs: 100, maxDelayMs: 1_000 } })
    expectLeft(await low.http.request({ url: `${ORIGIN}/b` })())
    expect(low.clock.sleeps).toEqual([50, 100, 200, 400, 500])
    nock(ORIGIN).get('/b').times(6).reply(503, {})
    const high = transport({ random: () => 1, retry: { limit: 5, baseDelayMs: 100, maxDelayMs: 1_000 } })
    expectLeft(await high.http.request({ url: `${ORIGIN}/b` })())
    expect(high.clock.sleeps).toEqual([100, 200, 400, 800, 1_000])
  })

  it('an explicit undefined in retry options falls back to the defaults (no endless retries)', async () => {
    let attempts = 0
    nock(ORIGIN)
      .get('/d')
      .times(20)
      .reply(() => {
        attempts++
        return [503, {}]
      })
    const { http, clock } = transport({ retry: { limit: undefined, baseDelayMs: undefined } })
    expectLeft(await http.request({ url: `${ORIGIN}/d` })())
    expect(attempts).toBe(5)
    expect(clock.sleeps.every((ms) => Number.isFinite(ms) && ms > 0)).toBe(true)
  })

  it('limit 0 means one attempt', async () => {
    nock(ORIGIN).get('/z').times(2).reply(503, {})
    const { http, clock } = transport({ retry: { limit: 0 } })
    expectLeft(await http.request({ url: `${ORIGIN}/z` })())
    expect(clock.sleeps).toEqual([])
  })
})

describe('Retry-After and body hints', () => {
  it('honours Retry-After in seconds', async () => {
    nock(ORIGIN).get('/ra').reply(429, {}, { 'retry-after': '3' }).get('/ra').reply(200, {})
    const { http, clock } = transport()
    expectRight(await http.request({ url: `${ORIGIN}/ra` })())
    expect(clock.sleeps).toEqual([3_000])
  })

  it('honours Retry-After as an HTTP date, measured on the injected clock', async () => {
    const { http, clock } = transport()
    const at = new Date(clock.now() + 7_000).toUTCString()
    nock(ORIGIN).get('/ra').reply(503, {}, { 'retry-after': at }).get('/ra').reply(200, {})
    expectRight(await http.request({ url: `${ORIGIN}/ra` })())
    expect(clock.sleeps).toEqual([7_000])
  })

  it('caps Retry-After at maxRetryAfterMs and reports the capped wait on the final error', async () => {
    nock(ORIGIN).get('/ra').times(3).reply(429, { message: 'Too Many Attempts.' }, { 'retry-after': '3600' })
    const { http, clock } = transport({ maxRetryAfterMs: 10_000, retry: { limit: 2 } })
    const error = expectLeft(await http.request({ url: `${ORIGIN}/ra` })())
    expect(clock.sleeps).toEqual([10_000, 10_000])
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 10_000 })
  })

  it('uses the adapter body hint when there is no header', async () => {
    nock(ORIGIN).get('/pg').reply(429, { error: 'rate limited', retryAfter: 2 }).get('/pg').reply(200, { ok: 1 })
    const { http, clock } = transport()
    const retryAfterFromBody = (body: unknown) =>
      typeof (body as { retryAfter?: unknown }).retryAfter === 'number'
        ? (body as { retryAfter: number }).retryAfter * 1000
        : null
    expectRight(await http.request({ url: `${ORIGIN}/pg`, retryAfterFromBody })())
    expect(clock.sleeps).toEqual([2_000])
  })

  it('prefers the header over the body hint, and caps the body hint too', async () => {
    nock(ORIGIN).get('/pg').reply(429, { retryAfter: 9 }, { 'retry-after': '1' })
    nock(ORIGIN).get('/pg').reply(429, { retryAfter: 999 })
    nock(ORIGIN).get('/pg').reply(200, {})
    const { http, clock } = transport({ maxRetryAfterMs: 5_000 })
    expectRight(
      await http.request({
        url: `${ORIGIN}/pg`,
        retryAfterFromBody: (body) => (body as { retryAfter: number }).retryAfter * 1000,
      })(),
    )
    expect(clock.sleeps).toEqual([1_000, 5_000])
  })

  it('ignores a body hint that is negative, not a number, or throws, and backs off instead', async () => {
    for (const hint of [
      () => -5,
      () => Number.NaN,
      () => null,
      () => {
        throw new Error('bad hint')
      },
    ]) {
      nock(ORIGIN).get('/h').reply(429, {}).get('/h').reply(200, {})
      const { http, clock } = transport({ random: () => 0, retry: { baseDelayMs: 100 } })
      expectRight(await http.request({ url: `${ORIGIN}/h`, retryAfterFromBody: hint })())
      expect(clock.sleeps).toEqual([50])
    }
  })

  it('parseRetryAfter and backoffDelay', () => {
    const now = Date.parse('2015-10-21T07:27:00Z')
    expect(parseRetryAfter('12', now)).toBe(12_000)
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1_500)
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now)).toBe(60_000)
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:26:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(null, now)).toBeNull()
    expect(backoffDelay(2, { baseDelayMs: 100, maxDelayMs: 10_000 }, () => 0.5)).toBe(300)
    expect(backoffDelay(20, { baseDelayMs: 100, maxDelayMs: 10_000 }, () => 1)).toBe(10_000)
  })
})

describe('error mapping', () => {
  it('classifyError overrides kind, message and details', async () => {
    nock(ORIGIN).get('/c').reply(404, { message: 'Channel not found' })
    const { http } = transport()
    const error = expectLeft(
      await http.request({
        url: `${ORIGIN}/c`,
        classifyError: (failure) =>
          failure.status === 404
            ? { kind: 'bad_request', message: 'wrong channel for this id', details: { hint: 'channel' } }
            : null,
      })(),
    )
    expect(error).toMatchObject({
      kind: 'bad_request',
      httpStatus: 404,
      message: 'acme: wrong channel for this id',
      details: { hint: 'channel' },
    })
  })

  it('classifyError returning null, a partial, or throwing keeps the defaults', async () => {
    nock(ORIGIN).get('/c').times(3).reply(401, { message: 'Unauthenticated.' })
    const { http } = transport()
    const none = expectLeft(await http.request({ url: `${ORIGIN}/c`, classifyError: () => null })())
    expect(none).toMatchObject({ kind: 'auth', details: { body: { message: 'Unauthenticated.' } } })
    expect(none.message).toBe(`acme: GET ${ORIGIN}/c answered 401: Unauthenticated.`)
    const partial = expectLeft(
      await http.request({ url: `${ORIGIN}/c`, classifyError: () => ({ message: 'log in again' }) })(),
    )
    expect(partial).toMatchObject({ kind: 'auth', message: 'acme: log in again' })
    const throwing = expectLeft(
      await http.request({
        url: `${ORIGIN}/c`,
        classifyError: () => {
          throw new Error('classifier bug')
        },
      })(),
    )
    expect(throwing.kind).toBe('auth')
  })

  it('keeps a text error body shortened in details and its words in the message', async () => {
    nock(ORIGIN)
      .get('/e')
      .reply(400, `Bad   request\n${'x'.repeat(1000)}`)
    const error = expectLeft(await transport().http.request({ url: `${ORIGIN}/e` })())
    expect(error.message).toMatch(/answered 400: Bad request x+\.\.\.$/)
    expect((error.details as { body: string }).body.length).toBeLessThanOrEqual(501)
  })

  it('vendorMessageOf reads the usual fields', () => {
    expect(vendorMessageOf({ message: 'The given data was invalid.', errors: { id: ['required'] } })).toBe(
      'The given data was invalid. {"id":["required"]}',
    )
    expect(vendorMessageOf({ error_description: 'expired token' })).toBe('expired token')
    expect(vendorMessageOf({ errorDescription: 'x' })).toBe('x')
    expect(vendorMessageOf({ error: 'Forbidden' })).toBe('Forbidden')
    expect(vendorMessageOf({ detail: 'nope' })).toBe('nope')
    expect(vendorMessageOf({ other: 1 })).toBeNull()
    expect(vendorMessageOf(['x'])).toBeNull()
    expect(vendorMessageOf('  ')).toBeNull()
  })
})

describe('body size limit', () => {
  it('refuses a body whose content-length exceeds maxBodyBytes, without retrying', async () => {
    let attempts = 0
    nock(ORIGIN)
      .get('/big')
      .times(3)
      .reply(() => {
        attempts++
        return [200, JSON.stringify({ data: 'x'.repeat(500) }), { 'content-length': '511' }]
      })
    const { http } = transport({ maxBodyBytes: 100 })
    const error = expectLeft(await http.request({ url: `${ORIGIN}/big` })())
    expect(error).toMatchObject({ kind: 'provider', retryable: false, details: { bytes: 511, maxBodyBytes: 100 } })
    expect(error.message).toMatch(/maxBodyBytes/)
    expect(attempts).toBe(1)
  })

  it('refuses a streamed body (no content-length) as soon as it passes the limit', async () => {
    let pushed = 0
    nock(ORIGIN)
      .get('/stream')
      .reply(200, () => {
        const stream = new Readable({
          read() {
            pushed++
            this.push(pushed > 50 ? null : 'x'.repeat(100))
          },
        })
        return stream
      })
    const { http } = transport({ maxBodyBytes: 1_000 })
    const error = expectLeft(await http.request({ url: `${ORIGIN}/stream` })())
    expect(error.kind).toBe('provider')
    expect((error.details as { bytes: number }).bytes).toBeGreaterThan(1_000)
    expect((error.details as { bytes: number }).bytes).toBeLessThan(5_000)
  })

  it('accepts a body right at the limit', async () => {
    const body = JSON.stringify({ d: 'x'.repeat(90) })
    nock(ORIGIN).get('/ok').reply(200, body)
    const { http } = transport({ maxBodyBytes: body.length })
    expect(expectRight(await http.request({ url: `${ORIGIN}/ok` })()).bytes).toBe(body.length)
  })
})

describe('concurrency', () => {
  it('never has more than `concurrency` requests in flight', async () => {
    let inFlight = 0
    let peak = 0
    nock(ORIGIN)
      .get(/\/c\/\d+/)
      .times(12)
      .reply((_uri, _body, callback) => {
        inFlight++
        peak = Math.max(peak, inFlight)
        setTimeout(() => {
          inFlight--
          callback(null, [200, { ok: true }])
        }, 15)
      })
    const { http } = transport({ concurrency: 3 })
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => http.request({ url: `${ORIGIN}/c/${i}` })()))
    expect(results.every((r) => r._tag === 'Right')).toBe(true)
    expect(peak).toBe(3)
  })

  it('a request waiting for its retry does not hold a slot', async () => {
    const order: string[] = []
    nock(ORIGIN)
      .get('/a')
      .reply(() => {
        order.push('a1')
        return [503, {}]
      })
      .get('/b')
      .reply(() => {
        order.push('b')
        return [200, {}]
      })
      .get('/a')
      .reply(() => {
        order.push('a2')
        return [200, {}]
      })
    const { http } = transport({ concurrency: 1 })
    await Promise.all([http.request({ url: `${ORIGIN}/a` })(), http.request({ url: `${ORIGIN}/b` })()])
    expect(order).toEqual(['a1', 'b', 'a2'])
  })
})

describe('hooks', () => {
  it('reports each attempt, response and retry, never with headers', async () => {
    nock(ORIGIN).get('/k').query(true).reply(503, {}).get('/k').query(true).reply(200, { ok: 1 })
    const events: Array<[string, HttpEvent]> = []
    const { http } = transport({
      hooks: {
        onRequest: (e) => events.push(['request', e]),
        onResponse: (e) => events.push(['response', e]),
        onRetry: (e) => events.push(['retry', e]),
      },
    })
    expectRight(
      await http.request({
        url: `${ORIGIN}/k`,
        searchParams: { page: 2 },
        headers: { 'x-api-key': 'hook-canary-123' },
      })(),
    )
    expect(events.map(([name, e]) => `${name}:${e.attempt}:${e.status ?? '-'}`)).toEqual([
      'request:1:-',
      'response:1:503',
      'retry:1:-',
      'request:2:-',
      'response:2:200',
    ])
    for (const [, event] of events) {
      expect(event).toMatchObject({ provider: 'acme', method: 'GET', url: `${ORIGIN}/k?page=2` })
      expect(Object.keys(event)).not.toContain('headers')
      expect(JSON.stringify(event)).not.toContain('hook-canary-123')
    }
    const [, failed] = events[1] as [string, HttpEvent]
    expect(failed.error?.kind).toBe('provider')
    expect(typeof failed.durationMs).toBe('number')
    const [, retry] = events[2] as [string, HttpEvent & { delayMs: number }]
    expect(retry.delayMs).toBeGreaterThan(0)
  })

  it('a hook that throws does not break the request', async () => {
    nock(ORIGIN).get('/k').reply(200, { ok: 1 })
    const boom = () => {
      throw new Error('metrics down')
    }
    const { http } = transport({ hooks: { onRequest: boom, onResponse: boom } })
    expect(expectRight(await http.request({ url: `${ORIGIN}/k` })()).body).toEqual({ ok: 1 })
  })
})

describe('abort', () => {
  it('aborting during a slow response ends the request at once, without retry', async () => {
    let attempts = 0
    nock(ORIGIN)
      .get('/slow')
      .times(3)
      .delay(500)
      .reply(() => {
        attempts++
        return [200, {}]
      })
    const controller = new AbortController()
    const { http, clock } = transport()
    setTimeout(() => controller.abort(), 20)
    const started = Date.now()
    const error = expectLeft(await http.request({ url: `${ORIGIN}/slow`, signal: controller.signal })())
    expect(Date.now() - started).toBeLessThan(300)
    expect(error).toMatchObject({ kind: 'transport', retryable: false })
    expect(error.message).toMatch(/aborted by the caller/)
    expect(clock.sleeps).toEqual([])
    expect(attempts).toBeLessThanOrEqual(1)
  })

  it('aborting while the body streams ends the request at once, without retry', async () => {
    nock(ORIGIN).get('/stall').reply(200, stallingBody)
    const controller = new AbortController()
    const { http, clock } = transport()
    setTimeout(() => controller.abort(), 20)
    const error = expectLeft(await http.request({ url: `${ORIGIN}/stall`, signal: controller.signal })())
    expect(error.message).toMatch(/aborted by the caller/)
    expect(clock.sleeps).toEqual([])
  })

  it('an already aborted signal sends nothing', async () => {
    const scope = nock(ORIGIN).get('/x').reply(200, {})
    const { http } = transport()
    const error = expectLeft(await http.request({ url: `${ORIGIN}/x`, signal: AbortSignal.abort() })())
    expect(error.message).toMatch(/aborted by the caller/)
    expect(scope.isDone()).toBe(false)
  })

  it('aborting while waiting to retry stops there', async () => {
    const scope = nock(ORIGIN).get('/x').reply(503, {}).get('/x').reply(200, {})
    const controller = new AbortController()
    const { http } = transport({ hooks: { onRetry: () => controller.abort() } })
    const error = expectLeft(await http.request({ url: `${ORIGIN}/x`, signal: controller.signal })())
    expect(error).toMatchObject({ kind: 'transport', retryable: false })
    expect(scope.pendingMocks()).toHaveLength(1)
  })
})

import { RcsError } from '@rcs-records/core'
import { formatZonedTimestamp } from '@rcs-records/core/kit'
import nock from 'nock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  API_KEY,
  BASE,
  collect,
  makeClient,
  makeJwt,
  manualClock,
  message,
  page,
  recordingLogger,
  SPEC_TOKEN,
} from './fixtures.js'

const T0 = Date.parse('2024-06-01T12:00:00Z')
const jwt = (name: string, lifetimeSeconds = 3600, issuedAt = T0) =>
  makeJwt({ iat: Math.floor(issuedAt / 1000), exp: Math.floor(issuedAt / 1000) + lifetimeSeconds, id: 208, name })

const idOf = (uri: string) => new URL(uri, BASE).searchParams.get('filter[id]') ?? '0'

/** Answers every `filter[id]` lookup with that message, counting requests per bearer token. */
const serveMessages = (scope: nock.Scope, seen: string[], times = 1000) =>
  scope
    .get('/api/messages')
    .query(true)
    .times(times)
    .reply(function (uri) {
      seen.push(String(this.req.headers.authorization))
      return [200, page([message(Number(idOf(uri)))], 1)]
    })

beforeEach(() => {
  nock.disableNetConnect()
})
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

describe('login', () => {
  it('logs in once for 50 concurrent requests', async () => {
    const A = jwt('A', 30 * 86_400, Date.now())
    let logins = 0
    const scope = nock(BASE)
      .post('/api/auth/login', { api_key: API_KEY })
      .times(50)
      .delay(30)
      .reply(() => {
        logins++
        return [200, { bearer: A }]
      })
    const seen: string[] = []
    serveMessages(scope, seen)
    const client = makeClient()
    const records = await Promise.all(Array.from({ length: 50 }, (_, i) => client.get(String(1000 + i))))
    expect(records.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => String(1000 + i)))
    expect(logins).toBe(1)
    expect(seen).toHaveLength(50)
    expect(new Set(seen)).toEqual(new Set([`Bearer ${A}`]))
  })

  it('retries a transient login failure (the POST is marked idempotent)', async () => {
    const A = jwt('A', 3600, Date.now())
    const scope = nock(BASE)
      .post('/api/auth/login')
      .reply(503, 'down')
      .post('/api/auth/login')
      .reply(200, { bearer: A })
    serveMessages(scope, [])
    const record = await makeClient().get('26130')
    expect(record.id).toBe('26130')
    expect(scope.pendingMocks().filter((m) => m.includes('login'))).toEqual([])
  })

  it('reports a refused key as auth, without the key in the error or the logs', async () => {
    nock(BASE).post('/api/auth/login').reply(401, { message: 'Unauthenticated.' })
    const logger = recordingLogger()
    const client = makeClient({}, { logger })
    const error = await client.get('26130').catch((e: unknown) => e)
    expect(RcsError.is(error, 'auth')).toBe(true)
    expect((error as RcsError).message).toMatch(/login refused \(HTTP 401: Unauthenticated\.\); check the API key/)
    const everything = [JSON.stringify(error), (error as RcsError).stack, JSON.stringify(logger.lines)].join('\n')
    expect(everything).not.toContain(API_KEY)
  })

  it('reports a login answer without a token as a decode error', async () => {
    nock(BASE).post('/api/auth/login').reply(200, { token: 'nope' })
    const error = await makeClient()
      .get('26130')
      .catch((e: unknown) => e)
    expect(RcsError.is(error, 'decode')).toBe(true)
    expect((error as RcsError).message).toContain('bearer')
  })
})

describe('token lifetime', () => {
  it('refreshes ahead of expiry with the current token, then uses the new one', async () => {
    const clock = manualClock(T0)
    const A = jwt('A')
    const B = jwt('B', 3600, T0 + 3_540_000)
    let logins = 0
    const scope = nock(BASE)
      .post('/api/auth/login')
      .times(5)
      .reply(() => {
        logins++
        return [200, { bearer: A }]
      })
      .post('/api/auth/refresh')
      .matchHeader('authorization', `Bearer ${A}`)
      .reply(200, { bearer: B })
    const seen: string[] = []
    serveMessages(scope, seen)
    const client = makeClient({}, { clock })
    await client.get('1')
    clock.advance(3_000_000) // 50 min: 10 min left, more than the 5 min refresh margin
    await client.get('2')
    clock.advance(540_000) // 59 min: 1 min left
    await client.get('3')
    await client.get('4')
    expect(logins).toBe(1)
    expect(seen).toEqual([`Bearer ${A}`, `Bearer ${A}`, `Bearer ${B}`, `Bearer ${B}`])
    expect(scope.pendingMocks().filter((m) => m.includes('refresh'))).toEqual([])
  })

  it('logs in again when the refresh fails', async () => {
    const clock = manualClock(T0)
    const A = jwt('A')
    const C = jwt('C', 3600, T0 + 3_590_000)
    const scope = nock(BASE)
      .post('/api/auth/login')
      .reply(200, { bearer: A })
      .post('/api/auth/refresh')
      .reply(401, { message: 'Token expired' })
      .post('/api/auth/login')
      .reply(200, { bearer: C })
    const seen: string[] = []
    serveMessages(scope, seen)
    const client = makeClient({}, { clock })
    await client.get('1')
    clock.advance(3_590_000)
    await client.get('2')
    expect(seen).toEqual([`Bearer ${A}`, `Bearer ${C}`])
    expect(scope.isDone()).toBe(false) // only the message interceptor (times 1000) remains
    expect(scope.pendingMocks().every((m) => m.includes('/api/messages'))).toBe(true)
  })

  it('keeps using a still-valid token when refresh and login both fail, and tries again later', async () => {
    const clock = manualClock(T0)
    const A = jwt('A')
    const logger = recordingLogger()
    const scope = nock(BASE)
      .post('/api/auth/login')
      .reply(200, { bearer: A })
      .post('/api/auth/refresh')
      .reply(400, {})
      .post('/api/auth/login')
      .reply(400, {})
    const seen: string[] = []
    serveMessages(scope, seen)
    const client = makeClient({}, { clock, logger })
    await client.get('1')
    clock.advance(3_400_000) // 200 s left
    await client.get('2')
    await client.get('3') // no new attempt within 30 s
    expect(seen).toEqual([`Bearer ${A}`, `Bearer ${A}`, `Bearer ${A}`])
    expect(JSON.stringify(logger.lines)).toContain('could not renew the token')
  })

  it('reads exp − iat from the spec token (30 days) and assumes 30 days for an unreadable one', async () => {
    for (const token of [SPEC_TOKEN, 'opaque-token-without-claims']) {
      const clock = manualClock(T0)
      const logger = recordingLogger()
      let refreshes = 0
      const scope = nock(BASE)
        .post('/api/auth/login')
        .reply(200, { bearer: token })
        .post('/api/auth/refresh')
        .times(5)
        .reply(() => {
          refreshes++
          return [200, { bearer: jwt('R', 3600, clock.now()) }]
        })
      serveMessages(scope, [])
      const client = makeClient({}, { clock, logger })
      await client.get('1')
      clock.advance(29 * 86_400_000)
      await client.get('2')
      expect(refreshes).toBe(0)
      clock.advance(86_400_000 - 60_000)
      await client.get('3')
      expect(refreshes).toBe(1)
      const assumed = JSON.stringify(logger.lines).includes('assuming it lives 30 days')
      expect(assumed).toBe(token !== SPEC_TOKEN)
      nock.cleanAll()
    }
  })
})

describe('401 handling', () => {
  it('logs in again and retries the request once', async () => {
    const A = jwt('A', 3600, Date.now())
    const B = jwt('B', 3600, Date.now())
    const scope = nock(BASE)
      .post('/api/auth/login')
      .reply(200, { bearer: A })
      .get('/api/messages')
      .query(true)
      .matchHeader('authorization', `Bearer ${A}`)
      .reply(401, { message: 'Unauthenticated.' })
      .post('/api/auth/login')
      .reply(200, { bearer: B })
      .get('/api/messages')
      .query(true)
      .matchHeader('authorization', `Bearer ${B}`)
      .reply(200, page([message(26130)], 1))
    const record = await makeClient().get('26130')
    expect(record.id).toBe('26130')
    expect(scope.isDone()).toBe(true)
  })

  it('fails with auth when the fresh token is refused too, without leaking either token', async () => {
    const A = jwt('A', 3600, Date.now())
    const B = jwt('B', 3600, Date.now())
    let messageRequests = 0
    nock(BASE)
      .post('/api/auth/login')
      .reply(200, { bearer: A })
      .post('/api/auth/login')
      .reply(200, { bearer: B })
      .get('/api/messages')
      .query(true)
      .times(3)
      .reply(() => {
        messageRequests++
        return [401, { message: 'Unauthenticated.' }]
      })
    const logger = recordingLogger()
    const error = await makeClient({}, { logger })
      .get('26130')
      .catch((e: unknown) => e)
    expect(RcsError.is(error, 'auth')).toBe(true)
    expect((error as RcsError).httpStatus).toBe(401)
    expect(messageRequests).toBe(2)
    const everything = [JSON.stringify(error), String((error as RcsError).stack), JSON.stringify(logger.lines)].join(
      '\n',
    )
    for (const secret of [A, B, API_KEY]) expect(everything).not.toContain(secret)
  })

  it('shares one re-login among concurrent requests that got a 401', async () => {
    const A = jwt('A', 3600, Date.now())
    const B = jwt('B', 3600, Date.now())
    let logins = 0
    const scope = nock(BASE)
      .post('/api/auth/login')
      .times(20)
      .delay(20)
      .reply(() => {
        logins++
        return [200, { bearer: logins === 1 ? A : B }]
      })
      .get('/api/messages')
      .query(true)
      .matchHeader('authorization', `Bearer ${A}`)
      .times(10)
      .reply(401, { message: 'Unauthenticated.' })
    const seen: string[] = []
    serveMessages(scope, seen)
    const client = makeClient()
    const records = await Promise.all(Array.from({ length: 10 }, (_, i) => client.get(String(i + 1))))
    expect(records).toHaveLength(10)
    expect(logins).toBe(2)
    expect(seen).toEqual(Array.from({ length: 10 }, () => `Bearer ${B}`))
  })

  it('does not log in again when another caller already replaced the rejected token', async () => {
    const A = jwt('A', 3600, Date.now())
    const B = jwt('B', 3600, Date.now())
    let logins = 0
    const scope = nock(BASE)
      .post('/api/auth/login')
      .times(5)
      .reply(() => {
        logins++
        return [200, { bearer: logins === 1 ? A : B }]
      })
      // The first request is refused at once; the second is refused only after the re-login finished.
      .get('/api/messages')
      .query((q) => q['filter[id]'] === '1')
      .matchHeader('authorization', `Bearer ${A}`)
      .reply(401, {})
      .get('/api/messages')
      .query((q) => q['filter[id]'] === '2')
      .matchHeader('authorization', `Bearer ${A}`)
      .delay(150)
      .reply(401, {})
    const seen: string[] = []
    serveMessages(scope, seen)
    const client = makeClient()
    const [one, two] = await Promise.all([client.get('1'), client.get('2')])
    expect([one.id, two.id]).toEqual(['1', '2'])
    expect(logins).toBe(2)
    expect(seen).toEqual([`Bearer ${B}`, `Bearer ${B}`])
  })
})

describe('listing with auth', () => {
  it('authenticates every page of a listing with the same token', async () => {
    const A = jwt('A', 3600, Date.now())
    const seen: string[] = []
    nock(BASE)
      .post('/api/auth/login')
      .reply(200, { bearer: A })
      .get('/api/messages')
      .query(true)
      .times(2)
      .reply(function (uri) {
        seen.push(String(this.req.headers.authorization))
        const offset = Number(new URL(uri, BASE).searchParams.get('page[offset]'))
        return [
          200,
          page(offset === 0 ? Array.from({ length: 15 }, (_, i) => recent(i + 1)) : [recent(16)], 16, offset, 15),
        ]
      })
    const from = new Date(Date.now() - 86_400_000)
    // Created an hour ago (in UTC, the default zone): inside the listing's [from, now).
    const recent = (id: number) => message(id, { created_at: formatZonedTimestamp(Date.now() - 3_600_000, 'UTC') })
    const records = await collect(makeClient({ pageSize: 15 }).list({ from }))
    expect(records).toHaveLength(16)
    expect(seen).toEqual([`Bearer ${A}`, `Bearer ${A}`])
  })
})

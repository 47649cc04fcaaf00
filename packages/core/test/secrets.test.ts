import { inspect } from 'node:util'
import * as t from 'io-ts'
import nock from 'nock'
import { describe, expect, it } from 'vitest'
import { rememberQuerySecrets } from '../src/http/request-secrets.js'
import { type AdapterDefinition, createClient, type HttpEvent, RcsError } from '../src/index.js'
import { createSecretSet, type HttpRequest, redact, registerSecret, validateConfig } from '../src/kit.js'
import { expectLeft, ORIGIN, transport, useNock } from './helpers/http.js'

useNock()

// Canaries. The API key and the password are registered as an adapter would; the bearer token and the query key are
// not registered by anyone: the transport must find them in the request itself.
const API_KEY = 'live_CANARYapikey9f3a7c1e'
const PASSWORD = 'CANARY-pa55-w0rd!x'
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.CANARYtoken.c2lnbmF0dXJl'
const QUERY_KEY = 'CANARYquerykey-55aa'
const BASIC = `Basic ${btoa(`acme-user:${PASSWORD}`)}`
registerSecret(API_KEY)
registerSecret(PASSWORD)

const CANARIES = [API_KEY, PASSWORD, TOKEN, QUERY_KEY, BASIC, btoa(`acme-user:${PASSWORD}`), 'CANARY']

/** Every way an error can be looked at. */
const viewsOf = (error: RcsError): string[] => [
  error.message,
  String(error.stack),
  String(error),
  JSON.stringify(error),
  JSON.stringify(error.details),
  inspect(error, { depth: 10 }),
  inspect(error.details, { depth: 10 }),
  inspect(error.cause, { depth: 10 }),
  String((error.cause as Error | undefined)?.stack),
]

const expectNoSecret = (views: readonly string[]) => {
  for (const view of views) for (const canary of CANARIES) expect(view).not.toContain(canary)
}

const request = (path: string): HttpRequest => ({
  url: `${ORIGIN}${path}`,
  searchParams: { api_key: QUERY_KEY, page: 1 },
  headers: { 'x-api-key': API_KEY, authorization: `Bearer ${TOKEN}`, 'proxy-authorization': BASIC },
})

/** Sends `request(path)` through a transport with hooks, and checks the error and every hook event. */
const failWith = async (path: string, options: Parameters<typeof transport>[0] = {}) => {
  const events: HttpEvent[] = []
  const { http } = transport({
    retry: { limit: 1 },
    hooks: { onRequest: (e) => events.push(e), onResponse: (e) => events.push(e), onRetry: (e) => events.push(e) },
    ...options,
  })
  const error = expectLeft(await http.request(request(path))())
  expectNoSecret(viewsOf(error))
  expectNoSecret(events.map((event) => JSON.stringify(event)))
  expectNoSecret(events.map((event) => inspect(event, { depth: 10 })))
  expect(events.length).toBeGreaterThan(0)
  return error
}

const ECHO = `key=${API_KEY} auth=Bearer ${TOKEN} basic=${BASIC} password=${PASSWORD} q=${QUERY_KEY}`

describe('no credential leaks through any error path of the transport', () => {
  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [404, 'not_found'],
    [422, 'bad_request'],
    [429, 'rate_limited'],
    [500, 'provider'],
  ] as const)('%s with a JSON body echoing the credentials → %s', async (status, kind) => {
    nock(ORIGIN)
      .get('/e')
      .query(true)
      .times(2)
      .reply(status, {
        message: `denied: ${ECHO}`,
        errors: { api_key: [API_KEY], password: [PASSWORD] },
        echo: { token: TOKEN },
      })
    const error = await failWith('/e')
    expect(error.kind).toBe(kind)
    expect(error.message).toContain('[REDACTED]')
  })

  it.each([401, 403, 404, 422, 429, 500])('%s with a text body echoing the credentials', async (status) => {
    nock(ORIGIN).get('/e').query(true).times(2).reply(status, `<html>${ECHO}</html>`)
    await failWith('/e')
  })

  it('a credential cut by the 300-character message limit leaves nothing behind', async () => {
    const padding = 'p'.repeat(290)
    nock(ORIGIN)
      .get('/e')
      .query(true)
      .reply(400, { message: `${padding}${API_KEY}` })
    const error = await failWith('/e')
    expect(error.message).not.toContain(API_KEY.slice(0, 10))
  })

  it('a network error whose message contains the credentials', async () => {
    nock(ORIGIN)
      .get('/n')
      .query(true)
      .times(2)
      .replyWithError(`connect ECONNREFUSED ${ORIGIN}/n?api_key=${QUERY_KEY} ${ECHO}`)
    const error = await failWith('/n')
    expect(error.kind).toBe('transport')
    expect(error.cause).toBeInstanceOf(Error)
  })

  it('a timeout', async () => {
    nock(ORIGIN).get('/t').query(true).times(2).delay(300).reply(200, {})
    const error = await failWith('/t', { timeoutMs: 20 })
    expect(error.kind).toBe('timeout')
  })

  it('a malformed 2xx body that contains the credentials', async () => {
    nock(ORIGIN).get('/m').query(true).times(2).reply(200, `{"echo": "${ECHO}`)
    const error = await failWith('/m')
    expect(error.kind).toBe('provider')
  })

  it('a malformed body where the 120-character excerpt would cut a credential', async () => {
    nock(ORIGIN)
      .get('/m')
      .query(true)
      .times(2)
      .reply(200, `${'{'.repeat(110)}${API_KEY}`)
    const error = await failWith('/m')
    expect(JSON.stringify(error.details)).not.toContain(API_KEY.slice(0, 8))
  })

  it('a body over the size limit', async () => {
    nock(ORIGIN).get('/big').query(true).reply(200, ECHO.repeat(10))
    const error = await failWith('/big', { maxBodyBytes: 100 })
    expect(error.kind).toBe('provider')
  })

  it('an abort by the caller (with a reason that contains a credential)', async () => {
    const events: HttpEvent[] = []
    nock(ORIGIN).get('/a').query(true).delay(300).reply(200, {})
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error(`stop ${TOKEN}`)), 10)
    const { http } = transport({ hooks: { onResponse: (e) => events.push(e) } })
    const aborted = expectLeft(await http.request({ ...request('/a'), signal: controller.signal })())
    expect(aborted.message).toMatch(/aborted/)
    expectNoSecret(viewsOf(aborted))
    expectNoSecret(events.map((e) => JSON.stringify(e)))
  })

  it('a login body (JSON api_key / password) is remembered; a response field named like a credential is not', async () => {
    const BODY_KEY = 'CANARYbodykey-77bb'
    const ISSUED = 'not-a-secret-88cc'
    nock(ORIGIN).post('/login').reply(200, { bearer: ISSUED })
    nock(ORIGIN)
      .get('/me')
      .reply(401, { message: `token ${ISSUED} expired; key ${BODY_KEY} unknown` })
    const { http } = transport()
    await http.request({ url: `${ORIGIN}/login`, method: 'POST', json: { api_key: BODY_KEY } })()
    const error = expectLeft(await http.request({ url: `${ORIGIN}/me` })())
    for (const view of viewsOf(error)) expect(view).not.toContain(BODY_KEY)
    // Only the adapter knows which answer field is a token (BSG's token manager adds it to `http.secrets`).
    expect(error.message).toContain(ISSUED)
    expect(http.secrets.has(ISSUED)).toBe(false)
  })
})

describe('no credential leaks through config errors', () => {
  const Config = t.type({ apiKey: t.string, baseUrl: t.string, timeoutMs: t.number })
  const adapter: AdapterDefinition<t.TypeOf<typeof Config>> = {
    name: 'acme',
    configCodec: Config,
    capabilities: { get: true, getMany: false, list: false, modifiedSince: false, webhooks: false },
    secretFields: ['apiKey'],
    create: () => {
      throw new Error('not reached')
    },
  }
  const WRONG_TYPED = 'CANARYwrongtyped-99dd'

  it.each([
    ['the secret as a number-typed field', { apiKey: 'ok-key-123456', baseUrl: 'https://x', timeoutMs: WRONG_TYPED }],
    ['the secret in an array where a string belongs', { apiKey: [WRONG_TYPED], baseUrl: 'https://x', timeoutMs: 1 }],
    ['the secret in an object where a string belongs', { apiKey: { value: WRONG_TYPED }, baseUrl: 5, timeoutMs: 1 }],
  ])('validateConfig with %s never echoes it', (_label, config) => {
    const result = validateConfig(adapter, config)
    if (result._tag === 'Right') throw new Error('expected a config error')
    expect(result.left.kind).toBe('config')
    for (const view of viewsOf(result.left)) expect(view).not.toContain(WRONG_TYPED)
  })

  it('createClient with the secret in a wrong-typed field throws a config error without it', () => {
    let thrown: unknown
    try {
      createClient({ adapter, config: { apiKey: 123456789, baseUrl: WRONG_TYPED, timeoutMs: WRONG_TYPED } })
    } catch (error) {
      thrown = error
    }
    expect(RcsError.is(thrown, 'config')).toBe(true)
    for (const view of viewsOf(thrown as RcsError)) expect(view).not.toContain(WRONG_TYPED)
  })

  it('createClient refusing an insecure baseUrl does not echo credentials in it', () => {
    const config = {
      apiKey: 'valid-key-abcdef',
      baseUrl: `http://user:${WRONG_TYPED}@api.example.com/?key=${WRONG_TYPED}`,
      timeoutMs: 1,
    }
    let thrown: unknown
    try {
      createClient({ adapter, config })
    } catch (error) {
      thrown = error
    }
    expect(RcsError.is(thrown, 'config')).toBe(true)
    for (const view of viewsOf(thrown as RcsError)) expect(view).not.toContain(WRONG_TYPED)
  })
})

describe('query parameters named like credentials', () => {
  it.each([
    ['?ids=a,b,c&api_key=CANARYq1-111111', 'CANARYq1-111111'],
    ['?api%5Fkey=CANARYq2-222222&ids=x', 'CANARYq2-222222'],
    ['?page=1&&Token=CANARY%20q3+333333&', 'CANARY q3 333333'],
    ['?x=1&signature=CANARYq4=444444=', 'CANARYq4=444444='],
    ['?session+id=CANARYq5-555555', 'CANARYq5-555555'],
    ['auth=CANARYq6-666666', 'CANARYq6-666666'],
  ])('%s remembers the value URLSearchParams gives', (search, value) => {
    expect(new URLSearchParams(search).size).toBeGreaterThan(0)
    const secrets = createSecretSet()
    rememberQuerySecrets(secrets, search)
    expect(secrets.redact(`seen ${value}`)).toBe('seen [REDACTED]')
    expect(redact(`seen ${value}`)).toBe(`seen ${value}`)
  })

  it('leaves other parameters alone', () => {
    const secrets = createSecretSet()
    rememberQuerySecrets(secrets, '?ids=CANARYnot-a-secret-1,monkey-2&channel=RCS&keys')
    expect(secrets.redact('CANARYnot-a-secret-1')).toBe('CANARYnot-a-secret-1')
    expect(secrets.size).toBe(0)
  })
})

import { inspect } from 'node:util'
import { type HttpEvent, type HttpOptions, type RcsClient, RcsError } from '@rcs-records/core'
import type { Vendor } from '@rcs-records/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Canaries, type CanaryStyle, errorTexts, leaksIn, makeCanaries } from './support/canary.js'
import {
  type EchoReply,
  type EchoRequest,
  type EchoServer,
  echoedForms,
  echoingBody,
  startEchoServer,
} from './support/echo-server.js'
import { captureLogger } from './support/logger.js'
import { clientFor } from './support/vendors.js'

/**
 * How the fake vendor fails. Statuses answer with a JSON body that echoes the request, every credential in every
 * form (raw, JSON-escaped, percent-encoded in both hex cases, base64…); `html-echo` is a proxy's 502 page doing
 * the same in text.
 */
type Failure = number | 'reset' | 'hang' | 'refused' | 'truncated-echo' | 'garbage-echo' | 'html-echo'

const STATUSES: readonly Failure[] = [400, 401, 403, 404, 422, 429, 500, 503]
const NETWORK: readonly Failure[] = ['reset', 'hang', 'refused']
const BODIES: readonly Failure[] = ['truncated-echo', 'garbage-echo', 'html-echo']
/** Plain canaries, and canaries with a quote, a backslash, a slash and a space in them. */
const STYLES: readonly CanaryStyle[] = ['plain', 'hostile']

type Operation = 'get' | 'getMany' | 'list'

interface Setup {
  name: string
  vendor: Vendor
  config: (baseUrl: string, canaries: Canaries) => Record<string, unknown>
  /** The canaries this setup hands the library (the ones that must never come back). */
  secrets: (canaries: Canaries) => string[]
  /** Message ids this vendor accepts (BSG ids are integers). */
  ids: readonly string[]
  /** Where the vendor's answers to the operation come from (BSG logs in first). */
  listingPath: string
  operations: readonly Operation[]
}

const SETUPS: readonly Setup[] = [
  {
    name: 'partner-gateway (X-Api-Key)',
    vendor: 'partner-gateway',
    config: (url, c) => ({ baseUrl: `${url}/api`, apiKey: c.apiKey }),
    secrets: (c) => [c.apiKey],
    ids: ['order-12345', 'order-12346'],
    listingPath: '/api/partner-gateway/v1/messages/',
    operations: ['get', 'getMany', 'list'],
  },
  {
    name: 'partner-gateway (Basic auth)',
    vendor: 'partner-gateway',
    config: (url, c) => ({ baseUrl: `${url}/api`, username: c.username, password: c.password }),
    secrets: (c) => [c.password],
    ids: ['order-12345', 'order-12346'],
    listingPath: '/api/partner-gateway/v1/messages/',
    operations: ['get', 'getMany', 'list'],
  },
  {
    name: 'bsg (API key, then bearer token)',
    vendor: 'bsg',
    config: (url, c) => ({ baseUrl: url, apiKey: c.apiKey }),
    secrets: (c) => [c.apiKey, c.token],
    ids: ['26130', '26131'],
    listingPath: '/api/messages',
    operations: ['get', 'getMany', 'list'],
  },
  {
    name: 'spacivox (bearer token)',
    vendor: 'spacivox',
    config: (url, c) => ({ baseUrl: url, token: c.token }),
    secrets: (c) => [c.token],
    ids: [],
    listingPath: '/j/rcs_records',
    operations: ['list'],
  },
]

const HTTP: HttpOptions = { timeoutMs: 200, retry: { limit: 1, baseDelayMs: 1, maxDelayMs: 2 }, maxRetryAfterMs: 5 }

const replyFor = (failure: Failure, request: EchoRequest): EchoReply => {
  if (failure === 'reset' || failure === 'hang') return failure
  if (failure === 'truncated-echo') {
    // A 200 cut in the middle of echoing the credentials the client sent.
    const sent = String(request.headers.authorization ?? request.headers['x-api-key'] ?? request.body)
    return {
      status: 200,
      body: `[{"customerMessageId":${JSON.stringify(sent)},"echo":${JSON.stringify(echoedForms(request))},"data":[{"id":"${sent}`,
    }
  }
  if (failure === 'html-echo') {
    return { status: 502, body: `<html><body><h1>502 Bad Gateway</h1><p>${echoedForms(request)}</p></body></html>` }
  }
  if (failure === 'garbage-echo') return { status: 200, body: { data: 'nope', ...echoingBody(200, request) } }
  const headers: Record<string, string> = failure === 429 ? { 'retry-after': '0' } : {}
  return { status: failure as number, body: echoingBody(failure as number, request), headers }
}

const run = async (client: RcsClient, operation: Operation, ids: readonly string[]): Promise<unknown> => {
  try {
    if (operation === 'get') await client.get(ids[0] as string, { from: '2026-01-01T00:00:00Z' })
    else if (operation === 'getMany') await client.getMany(ids, { from: '2026-01-01T00:00:00Z' })
    else for await (const _ of client.list({ from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' })) break
  } catch (error) {
    return error
  }
  return null
}

const STYLED = SETUPS.flatMap((setup) =>
  STYLES.map((style) => ({ ...setup, style, label: `${setup.name}, ${style} canaries` })),
)

describe.each(STYLED)('$label: canary credentials never leak through a failure', (setup) => {
  let server: EchoServer
  let plan: (request: EchoRequest) => EchoReply = () => ({ status: 500 })
  beforeAll(async () => {
    server = await startEchoServer((request) => plan(request))
  })
  afterAll(() => server.close())

  const attempt = async (failure: Failure, operation: Operation, stage: 'login' | 'call' = 'call') => {
    const canaries = makeCanaries(setup.style)
    server.requests.length = 0
    plan = (request) => {
      if (setup.vendor === 'bsg' && request.path === '/api/auth/login' && stage === 'call') {
        return { status: 200, body: { bearer: canaries.token } }
      }
      return replyFor(failure, request)
    }
    const captured = captureLogger()
    const events: HttpEvent[] = []
    const hooks = {
      onRequest: (event: HttpEvent) => events.push(event),
      onResponse: (event: HttpEvent) => events.push(event),
      onRetry: (event: HttpEvent) => events.push(event),
    }
    const baseUrl = failure === 'refused' ? 'http://127.0.0.1:9' : server.url
    const client = clientFor(setup.vendor, {
      config: setup.config(baseUrl, canaries),
      http: { ...HTTP, hooks },
      logger: captured.logger,
    })
    const error = await run(client, operation, setup.ids)
    // BSG's getMany is emulated with gets: an id the vendor does not know (404) is reported missing, not thrown.
    if (setup.vendor === 'bsg' && operation === 'getMany' && failure === 404) expect(error).toBeNull()
    else expect(error).toBeInstanceOf(RcsError)
    const sources = { error: errorTexts(error), logger: captured.text(), hooks: inspect(events, { depth: 20 }) }
    const leaks = Object.entries(sources).flatMap(([where, text]) =>
      leaksIn(text, canaries, setup.secrets(canaries)).map((form) => `${where}: ${form}`),
    )
    expect(leaks).toEqual([])
    expect(server.planErrors).toEqual([])
    if (failure !== 'refused') {
      // The canary really was sent: the test would catch a leak if there were one.
      expect(leaksIn(inspect(server.requests, { depth: 5 }), canaries, setup.secrets(canaries)).length).toBeGreaterThan(
        0,
      )
    }
    return error as RcsError | null
  }

  const cases = setup.operations.flatMap((operation) =>
    [...STATUSES, ...BODIES, ...(operation === 'list' ? NETWORK : [])].map((failure) => ({ operation, failure })),
  )
  it.each(cases)('$operation, the vendor answering $failure', async ({ operation, failure }) => {
    const error = await attempt(failure, operation)
    if (typeof failure === 'number' && failure !== 404) expect(error?.httpStatus).toBe(failure)
    if (failure === 'html-echo') expect(error?.httpStatus).toBe(502)
  })

  if (setup.vendor === 'bsg') {
    it.each([...STATUSES, ...BODIES, ...NETWORK])('login answering %s', async (failure) => {
      await attempt(failure, 'list', 'login')
    })
  }
})

/** Every secret field of a vendor, and a config that holds a 5-character value in it. */
const SHORT: ReadonlyArray<{ vendor: Vendor; field: string; config: (url: string) => Record<string, unknown> }> = [
  { vendor: 'partner-gateway', field: 'apiKey', config: (url) => ({ baseUrl: `${url}/api`, apiKey: 'k"9\\Q' }) },
  {
    vendor: 'partner-gateway',
    field: 'password',
    config: (url) => ({ baseUrl: `${url}/api`, username: 'canary-user', password: 'p"9\\Q' }),
  },
  { vendor: 'bsg', field: 'apiKey', config: (url) => ({ baseUrl: url, apiKey: 'b"9\\Q' }) },
  { vendor: 'spacivox', field: 'token', config: (url) => ({ baseUrl: url, token: 's"9\\Q' }) },
]

describe('secrets too short to redact', () => {
  let server: EchoServer
  beforeAll(async () => {
    server = await startEchoServer(() => ({ status: 500 }))
  })
  afterAll(() => server.close())

  it.each(SHORT)(
    '$vendor: a 5-character $field is a config error naming the field, not the value',
    ({ vendor, field, config }) => {
      const settings = config(server.url)
      const secret = settings[field] as string
      let thrown: unknown
      try {
        clientFor(vendor, { config: settings, logger: captureLogger().logger })
      } catch (error) {
        thrown = error
      }
      expect(RcsError.is(thrown, 'config')).toBe(true)
      expect((thrown as RcsError).message).toContain(`${field}: expected a credential of at least 6 characters`)
      expect(errorTexts(thrown)).not.toContain(secret)
      expect(errorTexts(thrown)).not.toContain(JSON.stringify(secret).slice(1, -1))
      expect(server.requests).toEqual([])
    },
  )
})

import { loadClient, RcsError } from '@rcs-records/core'
import type { Vendor } from '@rcs-records/simulator'
import nock from 'nock'
import { afterEach, describe, expect, it } from 'vitest'
import { errorTexts, leaksIn, makeCanaries } from './support/canary.js'
import { startEchoServer } from './support/echo-server.js'
import { clientFor, VENDORS } from './support/vendors.js'

const credentials = (vendor: Vendor, secret: string): Record<string, unknown> =>
  vendor === 'spacivox' ? { token: secret } : { apiKey: secret }

/** The base URL a vendor's config takes for a host (partner-gateway's paths start after `/api`). */
const baseUrlOf = (vendor: Vendor, origin: string) => (vendor === 'partner-gateway' ? `${origin}/api` : origin)

const INSECURE = [
  'http://api.example.com',
  'http://10.0.0.5:8080',
  'http://127.0.0.1.nip.io',
  'http://localhost.example.com',
  'http://one-api.bsg.world',
]
const LOOPBACK = ['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'http://127.5.6.7']

afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

describe.each(VENDORS)('%s: plain http:// base URLs', (vendor) => {
  it.each(INSECURE)('refuses %s with a config error (createClient and loadClient)', async (origin) => {
    const config = { baseUrl: baseUrlOf(vendor, origin), ...credentials(vendor, makeCanaries().apiKey) }
    let error: unknown = null
    try {
      clientFor(vendor, { config })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(RcsError)
    expect((error as RcsError).kind).toBe('config')
    expect((error as RcsError).message).toMatch(/allowInsecureHttp/)
    const loaded = await loadClient({ provider: vendor, ...config }, { importModule: (name) => import(name) }).then(
      () => null,
      (caught: unknown) => caught,
    )
    expect((loaded as RcsError).kind).toBe('config')
  })

  it.each(LOOPBACK)('accepts the loopback %s', (origin) => {
    expect(() =>
      clientFor(vendor, { config: { baseUrl: baseUrlOf(vendor, origin), ...credentials(vendor, 'k'.repeat(12)) } }),
    ).not.toThrow()
  })

  it('sends to a non-loopback http:// host only when http.allowInsecureHttp is set', async () => {
    nock.disableNetConnect()
    const scope = nock('http://api.example.com')
      .post('/api/auth/login')
      .optionally()
      .reply(200, { bearer: 'eyJ.bearer-token-insecure.sig' })
      .get(/.*/)
      .reply(200, vendor === 'bsg' ? { data: [], meta: { page: { total: 0, offset: 0, limit: 500 } } } : [])
    const client = clientFor(vendor, {
      config: { baseUrl: baseUrlOf(vendor, 'http://api.example.com'), ...credentials(vendor, 'live_insecure-opt-in') },
      http: { allowInsecureHttp: true, retry: { limit: 0 } },
    })
    const records = []
    for await (const record of client.list({ from: '2026-01-01T00:00:00Z', to: '2026-01-01T06:00:00Z' }))
      records.push(record)
    expect(records).toEqual([])
    expect(scope.isDone()).toBe(true)
  })
})

describe.each(VENDORS)('%s: a redirect is never followed', (vendor) => {
  it('a 302 to another origin gets no credential: a provider error, one request, nothing sent to the target', async () => {
    const canaries = makeCanaries()
    const target = await startEchoServer(() => ({ status: 200, body: [] }))
    const origin = await startEchoServer((request) => {
      if (request.path === '/api/auth/login') return { status: 200, body: { bearer: canaries.token } }
      return { status: 302, body: '', headers: { location: `${target.url}${request.path}` } }
    })
    try {
      const client = clientFor(vendor, {
        config: {
          baseUrl: baseUrlOf(vendor, origin.url),
          ...credentials(vendor, vendor === 'spacivox' ? canaries.token : canaries.apiKey),
        },
        http: { retry: { limit: 2, baseDelayMs: 1 } },
      })
      let error: unknown = null
      try {
        for await (const _ of client.list({ from: '2026-01-01T00:00:00Z', to: '2026-01-01T06:00:00Z' })) break
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(RcsError)
      expect((error as RcsError).kind).toBe('provider')
      expect((error as RcsError).httpStatus).toBe(302)
      expect(leaksIn(errorTexts(error), canaries)).toEqual([])
      expect(target.requests).toEqual([])
      expect(origin.requests.filter((request) => request.path !== '/api/auth/login')).toHaveLength(1)
    } finally {
      await origin.close()
      await target.close()
    }
  })
})

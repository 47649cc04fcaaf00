import { silentLogger, systemClock } from '@rcs-records/core'
import { createHttpTransport, createSecretSet, globalSecrets, type HttpTransport, right } from '@rcs-records/core/kit'
import { describe, expect, it } from 'vitest'
import { createMessagesApi, tokenRefusal } from '../src/api.js'
import { createTokenManager } from '../src/auth.js'
import { API_KEY, BASE, makeJwt, page } from './fixtures.js'

const jwtNumber = (n: number) => makeJwt({ iat: 1_700_000_000, exp: 1_700_003_600, id: 208, n })

/**
 * A transport whose every request is a successful BSG login issuing a new token (through the real transport, ten
 * thousand logins take a minute of fetch machinery on a loaded machine; what is counted here is the token manager's
 * use of the client's secrets).
 */
const loginTransport = (): HttpTransport & { issued: () => number } => {
  let issued = 0
  const secrets = createSecretSet()
  return {
    secrets,
    issued: () => issued,
    request: (request) => async () => {
      // The real transport keeps a request's credentials among the recent secrets: so does this one.
      for (const value of Object.values(request.headers ?? {})) secrets.remember(value.replace(/^Bearer /, ''))
      return right({ status: 200, headers: new Headers(), body: { bearer: jwtNumber(++issued) }, bytes: 0 })
    },
  }
}

describe("the client's secrets after many re-logins", () => {
  it('10,000 re-logins leave a bounded set: the key, the current token and at most 8 recent ones', async () => {
    const http = loginTransport()
    const globalBefore = globalSecrets.size
    const tokens = createTokenManager({
      http,
      clock: systemClock,
      logger: silentLogger,
      baseUrl: BASE,
      apiKey: API_KEY,
      refreshAheadMs: 60_000,
    })
    let current = await tokens.token()
    const first = current._tag === 'Right' ? current.right : ''
    for (let n = 0; n < 10_000; n++) {
      if (current._tag === 'Left') throw current.left
      current = await tokens.renew(current.right)
      // An error built now and then, as a sync would: the automaton is rebuilt for the secrets of the moment.
      if (n % 1000 === 0)
        expect(http.secrets.redact(`${current._tag === 'Right' ? current.right : ''}`)).toBe('[REDACTED]')
    }
    expect(http.issued()).toBe(10_001)
    expect(http.secrets.size).toBeLessThanOrEqual(2 + 8)
    expect(globalSecrets.size).toBe(globalBefore)
    // The current token and the key are held; the first token (10,000 logins ago) is no longer anybody's secret.
    const latest = current._tag === 'Right' ? current.right : ''
    expect(http.secrets.has(latest)).toBe(true)
    expect(http.secrets.has(API_KEY)).toBe(true)
    expect(http.secrets.has(first)).toBe(false)
    expect(http.secrets.redact(`${latest} ${API_KEY} ${first}`)).toBe(`[REDACTED] [REDACTED] ${first}`)
  })
})

/** A BSG whose first `refused` tokens are refused on /api/messages with `error` (a fake `fetch`), and a fake clock. */
const refusingBsg = (refused: number, error: string | undefined) => {
  let issued = 0
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init)
    if (new URL(request.url).pathname === '/api/auth/login') return Response.json({ bearer: jwtNumber(++issued) })
    const token = request.headers.get('authorization')?.slice('Bearer '.length)
    const number = Array.from({ length: issued }, (_, i) => jwtNumber(i + 1)).indexOf(token ?? '') + 1
    if (number <= refused) return Response.json({ message: 'Unauthenticated.', error }, { status: 401 })
    return Response.json(page([], 0))
  }
  const sleeps: number[] = []
  const clock = { now: () => Date.now(), sleep: async (ms: number) => void sleeps.push(ms) }
  const http = createHttpTransport({ provider: 'bsg', fetch, logger: silentLogger })
  const tokens = createTokenManager({
    http,
    clock,
    logger: silentLogger,
    baseUrl: BASE,
    apiKey: API_KEY,
    refreshAheadMs: 60_000,
  })
  const api = createMessagesApi({ http, tokens, baseUrl: BASE, clock })
  return { api, sleeps, issued: () => issued }
}

describe('a fresh token refused again', () => {
  it('as revoked: logs in again after 250 ms, then 500 ms, and the request succeeds', async () => {
    const bsg = refusingBsg(3, 'token_revoked')
    const result = await bsg.api.messages({ 'page[limit]': 15 })()
    expect(result._tag).toBe('Right')
    expect(bsg.issued()).toBe(4)
    expect(bsg.sleeps).toEqual([250, 500])
  })

  it('as expired every time: 5 re-logins (waits 250, 500, 1000, 2000 ms), then one auth error', async () => {
    const bsg = refusingBsg(Number.POSITIVE_INFINITY, 'token_expired')
    const result = await bsg.api.messages({ 'page[limit]': 15 })()
    expect(result._tag === 'Left' && result.left.kind).toBe('auth')
    expect(result._tag === 'Left' && result.left.message).toContain(
      'refused 5 freshly issued tokens in a row as expired',
    )
    expect(bsg.issued()).toBe(1 + 5)
    expect(bsg.sleeps).toEqual([250, 500, 1000, 2000])
  })

  it('without a reason (a bare "Unauthenticated."): one re-login, then an auth error naming the API key', async () => {
    const bsg = refusingBsg(Number.POSITIVE_INFINITY, undefined)
    const result = await bsg.api.messages({ 'page[limit]': 15 })()
    expect(result._tag === 'Left' && result.left.kind).toBe('auth')
    expect(result._tag === 'Left' && result.left.message).toContain('check that the API key may use /api/messages')
    expect(bsg.issued()).toBe(2)
    expect(bsg.sleeps).toEqual([])
  })
})

describe('tokenRefusal', () => {
  it.each([
    [{ message: 'Unauthenticated.', error: 'token_expired' }, 'expired'],
    [{ message: 'Unauthenticated.', error: 'token_revoked' }, 'revoked'],
    [{ error: 'token_blacklisted' }, 'revoked'],
    [{ message: 'Token has expired' }, 'expired'],
    [{ message: 'The token has been blacklisted' }, 'revoked'],
    [{ message: 'Unauthenticated.' }, null],
    [{ message: 'Unauthenticated.', error: 'token_invalid' }, null],
    [{ error: 'token_absent' }, null],
    ['token_expired', null],
    [null, null],
    [[{ error: 'token_expired' }], null],
  ] as const)('%j → %s', (body, expected) => {
    expect(tokenRefusal(body)).toBe(expected)
  })
})

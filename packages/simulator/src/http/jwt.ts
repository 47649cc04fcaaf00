import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'

/**
 * BSG's bearer tokens: real JWTs (base64url header.payload.signature, HS256) with `iat` and `exp` in seconds, so a
 * client can read the expiry as it would from the vendor. Time is the simulator clock's.
 */
export interface TokenAuthority {
  /** Issues a token valid for the configured lifetime. */
  issue(): string
  /** Checks a token: signature, expiry (simulator clock) and revocation. */
  verify(token: string): TokenVerdict
  /** Invalidates every token issued so far. */
  revokeAll(): void
}

/**
 * The outcome of a token check.
 */
export type TokenVerdict = 'valid' | 'expired' | 'revoked' | 'invalid'

/**
 * Options of {@link createTokenAuthority}.
 */
export interface TokenAuthorityOptions {
  secret: string
  lifetimeMs: number
  now: () => number
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url')
const HEADER = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))

interface Claims {
  iat: number
  exp: number
  gen: number
}

const readClaims = (segment: string): Claims | null => {
  try {
    const claims: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
    if (typeof claims !== 'object' || claims === null) return null
    const { iat, exp, gen } = claims as Record<string, unknown>
    return typeof iat === 'number' && typeof exp === 'number' && typeof gen === 'number' ? { iat, exp, gen } : null
  } catch {
    return null
  }
}

/**
 * Creates the token issuer of the BSG endpoints.
 */
export const createTokenAuthority = (options: TokenAuthorityOptions): TokenAuthority => {
  let generation = 0
  const sign = (data: string): Buffer => createHmac('sha256', options.secret).update(data).digest()
  return {
    issue: () => {
      const now = options.now()
      const claims = {
        iat: Math.floor(now / 1000),
        exp: Math.floor((now + options.lifetimeMs) / 1000),
        roles: [],
        id: 208,
        gen: generation,
        jti: randomUUID(),
      }
      const body = `${HEADER}.${base64url(JSON.stringify(claims))}`
      return `${body}.${base64url(sign(body))}`
    },
    verify: (token) => {
      const parts = token.split('.')
      if (parts.length !== 3) return 'invalid'
      const [header, payload, signature] = parts as [string, string, string]
      const expected = sign(`${header}.${payload}`)
      const given = Buffer.from(signature, 'base64url')
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid'
      const claims = readClaims(payload)
      if (claims === null) return 'invalid'
      if (claims.gen < generation) return 'revoked'
      return claims.exp * 1000 <= options.now() ? 'expired' : 'valid'
    },
    revokeAll: () => {
      generation++
    },
  }
}

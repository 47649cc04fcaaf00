import { type Clock, type Logger, RcsError } from '@rcs-records/core'
import {
  describeValue,
  type HttpFailure,
  type HttpTransport,
  left,
  MIN_SECRET_LENGTH,
  right,
  vendorMessageOf,
} from '@rcs-records/core/kit'
import type { Either } from 'fp-ts/lib/Either.js'
import { readJwtTimes } from './jwt.js'
import { TokenResponseCodec } from './payload.js'
import { PROVIDER } from './provider.js'

/**
 * The error of a call its caller aborted.
 */
export const abortedError = (what: string): RcsError =>
  new RcsError({
    kind: 'transport',
    provider: PROVIDER,
    retryable: false,
    message: `${PROVIDER}: ${what}: aborted by the caller`,
  })

/**
 * Waits for a shared promise (a login every caller joins) unless this caller's signal aborts first; the shared work
 * itself is never aborted by one caller.
 */
export const joinUnlessAborted = <A>(
  promise: Promise<Either<RcsError, A>>,
  signal: AbortSignal | undefined,
  what: string,
): Promise<Either<RcsError, A>> => {
  if (signal === undefined) return promise
  if (signal.aborted) return Promise.resolve(left(abortedError(what)))
  return new Promise((resolve) => {
    const onAbort = () => resolve(left(abortedError(what)))
    signal.addEventListener('abort', onAbort, { once: true })
    void promise.then((result) => {
      signal.removeEventListener('abort', onAbort)
      resolve(result)
    })
  })
}

/**
 * What the token manager needs.
 */
export interface TokenManagerOptions {
  http: HttpTransport
  clock: Clock
  logger: Logger
  baseUrl: string
  apiKey: string
  /** Refresh this long before the token expires (at most half the token's lifetime). */
  refreshAheadMs: number
}

/**
 * BSG's JWT, obtained and renewed on demand. Every login or refresh is single-flight: concurrent callers share the
 * one request in flight.
 */
export interface TokenManager {
  /** A token valid now: logs in the first time and refreshes ahead of expiry (falling back to a new login). */
  token(signal?: AbortSignal): Promise<Either<RcsError, string>>
  /**
   * After BSG answered 401 to `rejected`: the token another caller has obtained since, or a new login's token.
   * Never a second login when one is already in flight.
   */
  renew(rejected: string, signal?: AbortSignal): Promise<Either<RcsError, string>>
}

/**
 * Assumed lifetime when a token's expiry cannot be read (the spec's example token lives 30 days).
 */
export const ASSUMED_TOKEN_LIFETIME_MS = 30 * 24 * 3_600_000
/** A token that claims to be already expired is still used this long before the next refresh attempt. */
const MIN_LIFETIME_MS = 60_000
/** After a failed refresh, the current (still valid) token is used and the refresh retried after at most this. */
const REFRESH_RETRY_MS = 30_000

interface HeldToken {
  token: string
  expiresAt: number
  refreshAt: number
}

/**
 * Creates the token manager: `POST /api/auth/login` with the API key, `POST /api/auth/refresh` with the current
 * token ahead of its `exp`, a new login when the refresh fails or after a 401. Both calls are marked idempotent so
 * the transport retries transient failures (logging in twice is harmless). The key and the current token are held
 * in the client's secrets (`http.secrets`) and never logged; a replaced token is dropped to the set's bounded recent
 * tier (an answer in flight may still echo it), so ten thousand re-logins leave the set as small as one.
 *
 * The token's lifetime is read from its `exp` − `iat` (so a skewed local clock does not matter), else from `exp`,
 * else assumed to be 30 days (logged at debug level).
 */
export const createTokenManager = (options: TokenManagerOptions): TokenManager => {
  const { http, clock, logger } = options
  http.secrets.add(options.apiKey)
  let held: HeldToken | null = null
  let pending: Promise<Either<RcsError, HeldToken>> | null = null
  /** The token in the client's secrets (kept while `held` is cleared for a re-login). */
  let registered: string | null = null

  /** Makes `token` the one the client's secrets hold, in place of the previous one. */
  const adopt = (token: HeldToken): void => {
    http.secrets.replace(registered, token.token)
    registered = token.token
    held = token
  }

  const hold = (token: string): HeldToken => {
    const receivedAt = clock.now()
    const { iat, exp } = readJwtTimes(token)
    let lifetimeMs: number
    if (exp !== null && iat !== null && exp > iat) lifetimeMs = (exp - iat) * 1000
    else if (exp !== null) lifetimeMs = exp * 1000 - receivedAt
    else {
      lifetimeMs = ASSUMED_TOKEN_LIFETIME_MS
      logger.debug(`${PROVIDER}: the token's expiry is unreadable; assuming it lives 30 days`)
    }
    lifetimeMs = Math.max(lifetimeMs, MIN_LIFETIME_MS)
    const expiresAt = receivedAt + lifetimeMs
    return { token, expiresAt, refreshAt: expiresAt - Math.min(options.refreshAheadMs, lifetimeMs / 2) }
  }

  const tokenFrom = (what: string, body: unknown): Either<RcsError, HeldToken> => {
    // A token too short to be redacted is no token: no real JWT is under 6 characters.
    if (TokenResponseCodec.is(body) && body.bearer.length >= MIN_SECRET_LENGTH) return right(hold(body.bearer))
    const bearer = body !== null && typeof body === 'object' ? (body as Record<string, unknown>).bearer : undefined
    return left(
      new RcsError({
        kind: 'decode',
        provider: PROVIDER,
        message: `${PROVIDER}: the ${what} answer has no \`bearer\` token`,
        details: {
          issues: [
            {
              path: 'bearer',
              expected: `a token of at least ${MIN_SECRET_LENGTH} characters`,
              actual: typeof bearer === 'string' ? `a string of ${bearer.length}` : describeValue(bearer),
            },
          ],
        },
      }),
    )
  }

  const refusedLogin = (failure: HttpFailure) =>
    failure.status >= 400 && failure.status < 500 && failure.status !== 408 && failure.status !== 429
      ? {
          kind: 'auth' as const,
          message: `${PROVIDER}: login refused (HTTP ${failure.status}${
            vendorMessageOf(failure.body) === null ? '' : `: ${vendorMessageOf(failure.body)}`
          }); check the API key`,
        }
      : null

  const login = async (): Promise<Either<RcsError, HeldToken>> => {
    const result = await http.request({
      url: `${options.baseUrl}/api/auth/login`,
      method: 'POST',
      json: { api_key: options.apiKey },
      idempotent: true,
      classifyError: refusedLogin,
    })()
    if (result._tag === 'Left') return result
    const token = tokenFrom('login', result.right.body)
    if (token._tag === 'Right')
      logger.debug(`${PROVIDER}: logged in`, { expiresInMs: token.right.expiresAt - clock.now() })
    return token
  }

  const refreshOrLogin = async (current: HeldToken): Promise<Either<RcsError, HeldToken>> => {
    const result = await http.request({
      url: `${options.baseUrl}/api/auth/refresh`,
      method: 'POST',
      headers: { authorization: `Bearer ${current.token}` },
      idempotent: true,
    })()
    const token = result._tag === 'Left' ? result : tokenFrom('refresh', result.right.body)
    if (token._tag === 'Right') {
      logger.debug(`${PROVIDER}: token refreshed`, { expiresInMs: token.right.expiresAt - clock.now() })
      return token
    }
    logger.debug(`${PROVIDER}: token refresh failed; logging in again`, {
      kind: token.left.kind,
      httpStatus: token.left.httpStatus,
    })
    return login()
  }

  /** Starts `task` as the one login/refresh in flight. */
  const start = (task: () => Promise<Either<RcsError, HeldToken>>): Promise<Either<RcsError, HeldToken>> => {
    const flight: Promise<Either<RcsError, HeldToken>> = task().then(
      (result) => {
        if (result._tag === 'Right') adopt(result.right)
        if (pending === flight) pending = null
        return result
      },
      (error: unknown) => {
        if (pending === flight) pending = null
        return left(
          error instanceof RcsError
            ? error
            : new RcsError({ kind: 'auth', provider: PROVIDER, message: `${PROVIDER}: login failed unexpectedly` }),
        )
      },
    )
    pending = flight
    return flight
  }

  const token = async (signal?: AbortSignal): Promise<Either<RcsError, string>> => {
    const current = held
    const now = clock.now()
    if (current !== null && now < current.refreshAt) return right(current.token)
    const refreshable = current !== null && now < current.expiresAt ? current : null
    const flight = pending ?? start(refreshable === null ? login : () => refreshOrLogin(refreshable))
    const result = await joinUnlessAborted(flight, signal, 'login')
    if (result._tag === 'Right') return right(result.right.token)
    if (refreshable !== null && held === refreshable && clock.now() < refreshable.expiresAt) {
      // Keep working with the still-valid token; try again a little later rather than on every request.
      logger.warn(`${PROVIDER}: could not renew the token; using the current one until it expires`, {
        kind: result.left.kind,
        expiresInMs: refreshable.expiresAt - clock.now(),
      })
      refreshable.refreshAt = Math.min(refreshable.expiresAt, clock.now() + REFRESH_RETRY_MS)
      return right(refreshable.token)
    }
    return result
  }

  const renew = async (rejected: string, signal?: AbortSignal): Promise<Either<RcsError, string>> => {
    if (pending !== null) {
      const joined = await joinUnlessAborted(pending, signal, 'login')
      if (joined._tag === 'Left' || joined.right.token !== rejected) {
        return joined._tag === 'Left' ? joined : right(joined.right.token)
      }
    }
    if (held !== null && held.token !== rejected) return right(held.token)
    held = null
    const flight = pending ?? start(login)
    const result = await joinUnlessAborted(flight, signal, 'login')
    return result._tag === 'Left' ? result : right(result.right.token)
  }

  return { token, renew }
}

import { type Clock, RcsError, systemClock } from '@rcs-records/core'
import { decodeWith, type HttpFailure, type HttpTransport, left, vendorMessageOf } from '@rcs-records/core/kit'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import { abortedError, type TokenManager } from './auth.js'
import { type MessagesPage, MessagesPageCodec } from './payload.js'
import { PROVIDER } from './provider.js'

/**
 * Query parameters of `GET /api/messages` (`filter[from]`, `page[limit]`, …); undefined values are left out.
 */
export type MessagesQuery = Record<string, string | number | undefined>

/**
 * `GET /api/messages`, authenticated.
 */
export interface MessagesApi {
  /** One page: the envelope decoded (items still raw), or an RcsError. */
  messages(query: MessagesQuery, signal?: AbortSignal): TaskEither<RcsError, MessagesPage>
}

/**
 * 422 is BSG's (Laravel's) validation answer — a window over 3 months, a future date, a bad id: `bad_request`
 * carrying the vendor's `message` and `errors`.
 */
export const classifyMessagesError = (failure: HttpFailure) => {
  if (failure.status !== 422) return null
  const body =
    failure.body !== null && typeof failure.body === 'object' ? (failure.body as Record<string, unknown>) : {}
  const vendorMessage = vendorMessageOf(failure.body)
  return {
    kind: 'bad_request' as const,
    message: `${PROVIDER}: BSG refused the query (HTTP 422)${vendorMessage === null ? '' : `: ${vendorMessage}`}`,
    details: { message: body.message ?? null, errors: body.errors ?? null },
  }
}

/**
 * Why a 401 refused a token, when the body says so: `expired` or `revoked` — a token that was good and no longer is
 * (BSG is Laravel with JWT auth, whose middleware answers `{"error":"token_expired"}`, or "Token has expired" /
 * "The token has been blacklisted" as the message) — else null (a token that was never good, or a bare
 * `{"message":"Unauthenticated."}`).
 */
export const tokenRefusal = (body: unknown): 'expired' | 'revoked' | null => {
  if (body === null || typeof body !== 'object') return null
  const { error, message } = body as Record<string, unknown>
  const words = `${typeof error === 'string' ? error : ''} ${typeof message === 'string' ? message : ''}`
  if (/\btoken_expired\b|\btoken has expired\b/i.test(words)) return 'expired'
  if (/\btoken_(?:revoked|blacklisted)\b|\btoken has been (?:revoked|blacklisted)\b/i.test(words)) return 'revoked'
  return null
}

/**
 * How many times one request logs in again while BSG keeps refusing fresh tokens as expired or revoked (another
 * process logging in with the same key, a token store being rotated), and the wait before each of those re-logins
 * after the first: 250 ms, doubling. The first re-login after any 401 is immediate.
 */
export const RELOGIN = { attempts: 5, baseDelayMs: 250 } as const

/** Re-logins one request makes in all, refusals of tokens that had worked included: a stop for an endless revoker. */
const MAX_RENEWALS = 4 * RELOGIN.attempts

/** Tokens remembered as having been answered with (the latest few): pages in flight may still hold an older one. */
const PROVEN_TOKENS = 8

/**
 * Creates the `/api/messages` client: every request carries `Authorization: Bearer <jwt>`. A 401 gets a new login
 * (shared with every caller that got the same 401) and a retry. When the fresh token is refused too, and the 401
 * says it expired or was revoked ({@link tokenRefusal}), the login is tried again with backoff, up to
 * {@link RELOGIN}`.attempts` logins in all; a fresh token refused for any other reason, or after those, is an `auth`
 * error. A refused token that some request had already been answered with is not "fresh": it was good and was
 * revoked after use (with several pages in flight, another page's answer often proves the token this one was
 * refused with), so the request logs in again at once and its count starts over — up to 20 re-logins in all.
 */
export const createMessagesApi = (options: {
  http: HttpTransport
  tokens: TokenManager
  baseUrl: string
  /** Waits between re-logins (default: timers). */
  clock?: Pick<Clock, 'sleep'>
}): MessagesApi => {
  const url = `${options.baseUrl}/api/messages`
  /** The latest tokens a request was answered with (2xx), newest last. */
  const proven: string[] = []
  const prove = (token: string): void => {
    if (proven[proven.length - 1] === token) return
    if (!proven.includes(token)) proven.push(token)
    if (proven.length > PROVEN_TOKENS) proven.shift()
  }

  /** 422 as {@link classifyMessagesError}; a 401 keeps why the token was refused in `details.refusal`. */
  const classify = (failure: HttpFailure) =>
    failure.status === 401
      ? { details: { body: failure.body, refusal: tokenRefusal(failure.body) } }
      : classifyMessagesError(failure)

  const send = (token: string, query: MessagesQuery, signal: AbortSignal | undefined) =>
    options.http.request({
      url,
      searchParams: query,
      headers: { authorization: `Bearer ${token}` },
      classifyError: classify,
      ...(signal === undefined ? {} : { signal }),
    })()

  const sleep = async (ms: number, signal: AbortSignal | undefined): Promise<boolean> => {
    try {
      await (options.clock ?? systemClock).sleep(ms, signal)
      return true
    } catch {
      return false
    }
  }

  const refusedFresh = (error: RcsError, logins: number, why: 'expired' | 'revoked' | null) =>
    new RcsError({
      kind: 'auth',
      provider: PROVIDER,
      httpStatus: 401,
      message:
        why === null
          ? `${PROVIDER}: BSG refused a freshly issued token (HTTP 401 after logging in again); check that the API key may use /api/messages`
          : `${PROVIDER}: BSG refused ${logins} freshly issued tokens in a row as ${why} (HTTP 401); is another process logging in with the same API key?`,
      cause: error,
    })

  return {
    messages: (query, signal) => async () => {
      const first = await options.tokens.token(signal)
      if (first._tag === 'Left') return first
      let token = first.right
      let result = await send(token, query, signal)
      let renewals = 0
      for (let logins = 0; result._tag === 'Left' && result.left.httpStatus === 401; logins++) {
        // A token another request was answered with was good: revoked after use, not a fresh token refused.
        if (proven.includes(token) && renewals < MAX_RENEWALS) logins = 0
        if (logins > 0) {
          // A token issued a moment ago was refused: only worth another login when BSG says it expired or was
          // revoked (something invalidated it meanwhile), and only a few times, further and further apart.
          const why = (result.left.details as { refusal?: ReturnType<typeof tokenRefusal> } | null)?.refusal ?? null
          if (why === null || logins >= RELOGIN.attempts) return left(refusedFresh(result.left, logins, why))
          if (!(await sleep(RELOGIN.baseDelayMs * 2 ** (logins - 1), signal))) return left(abortedError('login'))
        }
        const renewed = await options.tokens.renew(token, signal)
        if (renewed._tag === 'Left') return renewed
        token = renewed.right
        renewals++
        result = await send(token, query, signal)
      }
      if (result._tag === 'Left') return result
      prove(token)
      return decodeWith(PROVIDER, MessagesPageCodec, result.right.body)
    },
  }
}

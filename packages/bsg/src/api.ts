import { decodeWith, type HttpFailure, type HttpTransport, left, RcsError, vendorMessageOf } from '@rcs-records/core'
import type { Either } from 'fp-ts/lib/Either.js'
import type { TokenManager } from './auth.js'
import { type MessagesPage, MessagesPageCodec } from './codec.js'
import { PROVIDER } from './normalize.js'

/**
 * Query parameters of `GET /api/messages` (`filter[from]`, `page[limit]`, …); undefined values are left out.
 *
 * @example
 * import type { MessagesQuery } from './api.js'
 * const query: MessagesQuery = { 'filter[id]': '26130', 'page[limit]': 15 }
 */
export type MessagesQuery = Record<string, string | number | undefined>

/**
 * `GET /api/messages`, authenticated.
 *
 * @example
 * import type { MessagesApi } from './api.js'
 * const first = async (api: MessagesApi) => api.messages({ 'filter[id]': '26130' })
 */
export interface MessagesApi {
  /** One page: the envelope decoded (items still raw), or an RcsError. */
  messages(query: MessagesQuery, signal?: AbortSignal): Promise<Either<RcsError, MessagesPage>>
}

/**
 * 422 is BSG's (Laravel's) validation answer — a window over 3 months, a future date, a bad id: `bad_request`
 * carrying the vendor's `message` and `errors`.
 *
 * @example
 * import { classifyMessagesError } from './api.js'
 * classifyMessagesError({ status: 422, body: { message: 'The given data was invalid.', errors: [] }, headers: new Headers() })?.kind // 'bad_request'
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
 * Creates the `/api/messages` client: every request carries `Authorization: Bearer <jwt>`; a 401 gets one new
 * login (shared with every caller that got the same 401) and one retry; a second 401 is an `auth` error.
 *
 * @example
 * import { createMessagesApi } from './api.js'
 * const api = createMessagesApi({ http, tokens, baseUrl: 'https://one-api.bsg.world' })
 * const page = await api.messages({ 'filter[id]': '26130', 'page[limit]': 15 })
 */
export const createMessagesApi = (options: {
  http: HttpTransport
  tokens: TokenManager
  baseUrl: string
}): MessagesApi => {
  const url = `${options.baseUrl}/api/messages`

  const send = (token: string, query: MessagesQuery, signal: AbortSignal | undefined) =>
    options.http.request({
      url,
      searchParams: query,
      headers: { authorization: `Bearer ${token}` },
      classifyError: classifyMessagesError,
      ...(signal === undefined ? {} : { signal }),
    })()

  return {
    messages: async (query, signal) => {
      const token = await options.tokens.token(signal)
      if (token._tag === 'Left') return token
      let result = await send(token.right, query, signal)
      if (result._tag === 'Left' && result.left.httpStatus === 401) {
        const renewed = await options.tokens.renew(token.right, signal)
        if (renewed._tag === 'Left') return renewed
        result = await send(renewed.right, query, signal)
        if (result._tag === 'Left' && result.left.httpStatus === 401) {
          return left(
            new RcsError({
              kind: 'auth',
              provider: PROVIDER,
              httpStatus: 401,
              message: `${PROVIDER}: BSG refused a freshly issued token (HTTP 401 after logging in again); check that the API key may use /api/messages`,
              cause: result.left,
            }),
          )
        }
      }
      if (result._tag === 'Left') return result
      return decodeWith(PROVIDER, MessagesPageCodec, result.right.body)
    },
  }
}

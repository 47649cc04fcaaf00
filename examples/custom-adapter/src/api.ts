import { RcsError } from '@rcs-records/core'
import { decodeWith, encodePathSegment, type HttpRequest, type HttpTransport, right } from '@rcs-records/core/kit'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import { basicAuthHeader } from './auth.js'
import type { Config } from './config.js'
import { type TwilioMessagePage, TwilioMessagePageCodec } from './payload.js'
import { PROVIDER } from './provider.js'

/**
 * The two requests of the Messages resource, authenticated with Basic auth.
 */
export interface MessagesApi {
  /** `GET …/Messages/{sid}.json`: the Message body (still raw); an id such as `..` is a `bad_request`. */
  message(sid: string, signal?: AbortSignal): TaskEither<RcsError, unknown>
  /** One page of `GET …/Messages.json`: the first with `searchParams`, then the `url` of a `next_page_uri`. */
  page(
    url: string,
    searchParams: HttpRequest['searchParams'] | undefined,
    signal?: AbortSignal,
  ): TaskEither<RcsError, TwilioMessagePage>
  /** The URL of the Messages list. */
  listUrl: string
}

/**
 * The next page's URL, from Twilio's relative `next_page_uri`. Only paths on the configured origin under this
 * account's Messages list are followed: a vendor (or a proxy) must never make us send credentials elsewhere.
 */
export const nextPageUrl = (config: Config, nextPageUri: string | null): string | null => {
  if (nextPageUri === null || nextPageUri === '') return null
  const expected = `/2010-04-01/Accounts/${config.accountSid}/Messages.json`
  if (!nextPageUri.startsWith(`${expected}?`)) {
    throw new RcsError({
      kind: 'provider',
      provider: PROVIDER,
      retryable: false,
      message: `${PROVIDER}: next_page_uri does not point at this account's Messages list; refusing to follow it`,
    })
  }
  return `${config.baseUrl}${nextPageUri}`
}

/**
 * Builds the {@link MessagesApi} of a config over core's transport.
 */
export const createMessagesApi = (config: Config, http: HttpTransport): MessagesApi => {
  const authorization = basicAuthHeader(config)
  const messagesUrl = `${config.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages`
  const request = (init: Omit<HttpRequest, 'headers'>) =>
    http.request({ ...init, headers: { authorization, accept: 'application/json' } })
  return {
    listUrl: `${messagesUrl}.json`,
    message: (sid, signal) => async () => {
      const segment = encodePathSegment(PROVIDER, sid)
      if (segment._tag === 'Left') return segment
      const response = await request({
        url: `${messagesUrl}/${segment.right}.json`,
        ...(signal === undefined ? {} : { signal }),
      })()
      return response._tag === 'Left' ? response : right(response.right.body)
    },
    page: (url, searchParams, signal) => async () => {
      const response = await request({
        url,
        ...(searchParams === undefined ? {} : { searchParams }),
        ...(signal === undefined ? {} : { signal }),
      })()
      if (response._tag === 'Left') return response
      return decodeWith(PROVIDER, TwilioMessagePageCodec, response.right.body)
    },
  }
}

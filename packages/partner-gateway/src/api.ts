import type { RcsError } from '@rcs-records/core'
import {
  encodePathSegment,
  type HttpFailure,
  type HttpRequest,
  type HttpResponse,
  type HttpTransport,
} from '@rcs-records/core/kit'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import { authHeaders } from './auth.js'
import type { Config } from './config.js'
import { PROVIDER } from './provider.js'

/** Characters `encodeURIComponent` leaves as they are. */
const UNRESERVED = /^[\w.!~*'()-]*$/

/**
 * An id as it goes into a URL: exactly `encodeURIComponent(id)`, but without the call for the usual id (a UUID,
 * `order-12345`) that has nothing to escape — batch lookups encode every id twice (to plan the URL lengths, then to
 * build the URL), and the regular-expression test is several times cheaper than the call.
 */
export const encodeId = (id: string): string => (UNRESERVED.test(id) ? id : encodeURIComponent(id))

/**
 * The retry hint of a partner-gateway 429 body, `{"status":429,…,"retryAfter":12}` (seconds), in milliseconds;
 * null when absent, negative or not a number. Handed to the transport as `retryAfterFromBody` (a `Retry-After`
 * header still wins), which caps it at `maxRetryAfterMs`.
 */
export const retryAfterFromBody = (body: unknown): number | null => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null
  const value = (body as { retryAfter?: unknown }).retryAfter
  const seconds = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value
  // However long: the transport caps it at `maxRetryAfterMs` (ignoring a long hint would retry a rate-limited
  // vendor within the short backoff instead).
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return null
  return Math.round(seconds * 1000)
}

/**
 * The single-status lookup's 404: `not_found`, saying that a channel mismatch gives 404 too (the lookup is scoped to
 * the channel, and the vendor answers an unknown id and a wrong channel alike).
 */
export const notFoundOnChannel =
  (id: string, channel: string): NonNullable<HttpRequest['classifyError']> =>
  (failure: HttpFailure) =>
    failure.status === 404
      ? {
          kind: 'not_found',
          message: `${PROVIDER}: no message ${JSON.stringify(id.length > 80 ? `${id.slice(0, 77)}...` : id)} on channel ${channel} (404): the id is unknown, or the message was sent on another channel — partner-gateway scopes every lookup to one channel and answers a channel mismatch with 404 too; pass { channel } to look elsewhere`,
        }
      : null

/**
 * A 414 from the batch endpoint: `bad_request`, saying which setting shortens the URLs.
 */
export const uriTooLong =
  (maxUrlLength: number): NonNullable<HttpRequest['classifyError']> =>
  (failure: HttpFailure) =>
    failure.status === 414
      ? {
          kind: 'bad_request',
          message: `${PROVIDER}: the batch status URL was refused as too long (414) although it was within maxUrlLength (${maxUrlLength}); lower maxUrlLength or idsPerRequest`,
        }
      : null

const STATUS_PATH = '/partner-gateway/v1/messages/status'
const HISTORY_PATH = '/partner-gateway/v1/messages/history'

/**
 * The start of every batch-status URL, up to and including `ids=`; ids follow, then {@link batchUrlSuffix}.
 */
export const batchUrlPrefix = (baseUrl: string): string => `${new URL(`${baseUrl}${STATUS_PATH}`).href}?ids=`

/**
 * The end of every batch-status URL: the channel, upper-case.
 */
export const batchUrlSuffix = (wireChannel: string): string => `&channel=${wireChannel}`

/**
 * The batch-status URL of some ids: each id URL-encoded, joined with a bare `,` (no spaces), as the vendor documents.
 */
export const batchUrl = (baseUrl: string, ids: readonly string[], wireChannel: string): string =>
  batchUrlFrom(batchUrlPrefix(baseUrl), ids, wireChannel)

/** {@link batchUrl} from a prefix already computed (the API computes it once, not per request). */
const batchUrlFrom = (prefix: string, ids: readonly string[], wireChannel: string): string =>
  `${prefix}${ids.map(encodeId).join(',')}${batchUrlSuffix(wireChannel)}`

/**
 * The query of one history page.
 */
export interface HistoryQuery {
  channel: string
  from: string
  to: string
  status?: string
  page: number
  limit: number
}

/**
 * The three status-reading endpoints, authenticated, with the vendor's error quirks handled (429 body hint, the 404
 * of a channel mismatch, 414).
 */
export interface PartnerApi {
  /** `GET /messages/status/{id}?channel=`; an id of `.` or `..` is a `bad_request` without a request. */
  status(id: string, wireChannel: string, signal?: AbortSignal): TaskEither<RcsError, HttpResponse>
  /** `GET /messages/status?ids=a,b&channel=`. */
  batch(ids: readonly string[], wireChannel: string, signal?: AbortSignal): TaskEither<RcsError, HttpResponse>
  /** `GET /messages/history?channel=&from=&to=&status=&page=&limit=`. */
  history(query: HistoryQuery, signal?: AbortSignal): TaskEither<RcsError, HttpResponse>
}

/**
 * Builds the {@link PartnerApi} of a config over core's transport.
 */
export const createPartnerApi = (
  http: HttpTransport,
  config: Pick<Config, 'baseUrl' | 'maxUrlLength' | 'apiKey' | 'username' | 'password'>,
): PartnerApi => {
  const headers = authHeaders(config, http.secrets)
  const statusBase = `${config.baseUrl}${STATUS_PATH}`
  const batchPrefix = batchUrlPrefix(config.baseUrl)
  const classifyBatch = uriTooLong(config.maxUrlLength)
  return {
    status: (id, wireChannel, signal) => {
      // `.` and `..` would name another path: refused before any request (core's encodePathSegment).
      const segment = encodePathSegment(PROVIDER, id)
      if (segment._tag === 'Left') return async () => segment
      return http.request({
        url: `${statusBase}/${segment.right}`,
        searchParams: { channel: wireChannel },
        headers,
        signal,
        retryAfterFromBody,
        classifyError: notFoundOnChannel(id, wireChannel),
      })
    },
    batch: (ids, wireChannel, signal) =>
      http.request({
        url: batchUrlFrom(batchPrefix, ids, wireChannel),
        headers,
        signal,
        retryAfterFromBody,
        classifyError: classifyBatch,
      }),
    history: (query, signal) =>
      http.request({
        url: `${config.baseUrl}${HISTORY_PATH}`,
        searchParams: {
          channel: query.channel,
          from: query.from,
          to: query.to,
          status: query.status,
          page: query.page,
          limit: query.limit,
        },
        headers,
        signal,
        retryAfterFromBody,
      }),
  }
}

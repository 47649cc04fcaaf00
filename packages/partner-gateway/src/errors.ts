import type { HttpFailure, HttpRequest } from '@rcs-records/core/kit'
import { PROVIDER } from './normalize.js'

/**
 * The retry hint of a partner-gateway 429 body, `{"status":429,…,"retryAfter":12}` (seconds), in milliseconds;
 * null when absent, negative or not a number. Handed to the transport as `retryAfterFromBody` (a `Retry-After`
 * header still wins), which caps it at `maxRetryAfterMs`.
 *
 * @example
 * import { retryAfterFromBody } from '@rcs-records/partner-gateway'
 * retryAfterFromBody({ status: 429, error: 'Too Many Requests', retryAfter: 12 }) // 12000
 * retryAfterFromBody({ retryAfter: 'soon' }) // null
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
 *
 * @example
 * import { notFoundOnChannel } from '@rcs-records/partner-gateway'
 * const classifyError = notFoundOnChannel('order-12345', 'RCS')
 * classifyError({ status: 404, body: null, headers: new Headers() })?.kind // 'not_found'
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
 *
 * @example
 * import { uriTooLong } from '@rcs-records/partner-gateway'
 * uriTooLong(4000)({ status: 414, body: null, headers: new Headers() })?.kind // 'bad_request'
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

import { htmlError, jsonReply, REASONS, type Reply, springError } from '../http/types.js'
import type { Vendor } from '../vendors.js'
import type { FaultSpec } from './types.js'

/**
 * The 429 a `rate-limit` fault answers: partner-gateway's documented body (`retryAfter` seconds) with
 * `X-RateLimit-*` headers; a `Retry-After` header for the others.
 */
export const rateLimitReply = (vendor: Vendor, seconds: number, limit = 1000): Reply => {
  if (vendor === 'partner-gateway') {
    return jsonReply(
      429,
      {
        status: 429,
        error: 'Too Many Requests',
        message: `Rate limit exceeded. Please retry after ${seconds} seconds.`,
        retryAfter: seconds,
      },
      {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(seconds),
      },
    )
  }
  const body = vendor === 'bsg' ? { message: 'Too Many Attempts.' } : { status: 429, error: 'Too Many Requests' }
  return jsonReply(429, body, { 'retry-after': String(seconds) })
}

/**
 * The 5xx an `error` fault answers (a 502 comes as a proxy's HTML page).
 */
export const serverErrorReply = (vendor: Vendor, spec: FaultSpec, now: number, path: string): Reply => {
  const status = spec.status ?? 503
  const headers = spec.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(spec.retryAfterSeconds) }
  let reply: Reply
  if (status === 502 || status === 504) reply = htmlError(status)
  else if (vendor === 'partner-gateway') reply = springError(status, 'Unexpected server error, retry later', path, now)
  else if (vendor === 'bsg') reply = jsonReply(status, { message: 'Server Error' })
  else reply = jsonReply(status, { status, error: REASONS[status] ?? 'Server Error' })
  return headers === undefined ? reply : { ...reply, headers: { ...reply.headers, ...headers } }
}

const breakFirstBracket = (text: string): string => text.replace(/^(\s*[[{])/, '$1,')

/**
 * Makes a body invalid JSON (a stray comma after the opening bracket), keeping everything else.
 */
export const malformBody = (body: string | Iterable<string>): string | Iterable<string> => {
  if (typeof body === 'string') return breakFirstBracket(body)
  return (function* () {
    let first = true
    for (const chunk of body) {
      yield first ? breakFirstBracket(chunk) : chunk
      first = false
    }
  })()
}

/**
 * Cuts a body in the middle: a valid start of a JSON document that never ends.
 */
export const truncateBody = (body: string | Iterable<string>): string => {
  let text: string
  if (typeof body === 'string') text = body
  else {
    text = ''
    for (const chunk of body) {
      text += chunk
      if (text.length >= 2) break
    }
  }
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)))
}

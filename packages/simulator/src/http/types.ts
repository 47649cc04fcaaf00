import type { IncomingHttpHeaders } from 'node:http'

/**
 * One request as a vendor handler sees it.
 */
export interface SimRequest {
  method: string
  /** Path after the vendor prefix (`/api/messages` for `/bsg/api/messages`). */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  /** The request body as text ('' when none). */
  body: string
}

/**
 * A handler's answer. `body` is text, or chunks of text for long listings (written as they are produced, with
 * back-pressure, so a million-record answer never sits in memory as one string).
 */
export interface Reply {
  status: number
  headers?: Record<string, string>
  /** Default `application/json`. */
  contentType?: string
  body: string | Iterable<string>
  /** Records in the body (for the counters). */
  records?: number
}

/**
 * A JSON answer.
 */
export const jsonReply = (status: number, value: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body: JSON.stringify(value),
  ...(headers === undefined ? {} : { headers }),
})

/**
 * A Spring-style error body, as partner-gateway's other errors look **[assumed]**.
 */
export const springError = (
  status: number,
  message: string,
  path: string,
  now: number,
  headers?: Record<string, string>,
): Reply =>
  jsonReply(
    status,
    { timestamp: new Date(now).toISOString(), status, error: REASONS[status] ?? 'Error', message, path },
    headers,
  )

/**
 * BSG's Laravel-style validation failure (422).
 */
export const laravelInvalid = (errors: Record<string, string[]>): Reply =>
  jsonReply(422, { message: 'The given data was invalid.', errors })

/**
 * An HTML error page, as a proxy in front of an API answers (414, 502).
 */
export const htmlError = (status: number): Reply => {
  const title = `${status} ${REASONS[status] ?? 'Error'}`
  return {
    status,
    contentType: 'text/html',
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  }
}

/**
 * HTTP reason phrases the simulator uses.
 */
export const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  414: 'Request-URI Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/**
 * A JSON array streamed in chunks of `chunkSize` items; `toJson` gives each item's JSON text.
 */
export function* jsonArrayChunks<T>(
  items: Iterable<T>,
  toJson: (item: T) => string,
  chunkSize = 1000,
): Generator<string> {
  let buffer: string[] = []
  let first = true
  yield '['
  for (const item of items) {
    buffer.push(toJson(item))
    if (buffer.length >= chunkSize) {
      yield first ? buffer.join(',') : `,${buffer.join(',')}`
      first = false
      buffer = []
    }
  }
  if (buffer.length > 0) yield first ? buffer.join(',') : `,${buffer.join(',')}`
  yield ']'
}

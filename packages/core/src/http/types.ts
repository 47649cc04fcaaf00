import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import type { RcsError, RcsErrorKind } from '../errors/rcs-error.js'
import type { SecretSet } from '../errors/secrets.js'

/**
 * Query parameters; `undefined` values are left out. Repeated keys: pass a `URLSearchParams`.
 *
 * @example
 * import type { SearchParams } from '@rcs-records/core/kit'
 * const query: SearchParams = { channel: 'RCS', page: 0, status: undefined }
 */
export type SearchParams = URLSearchParams | Record<string, string | number | boolean | undefined>

/**
 * One HTTP request as an adapter describes it.
 *
 * @example
 * import type { HttpRequest } from '@rcs-records/core/kit'
 * const request: HttpRequest = { url: 'https://one-api.bsg.world/api/messages', searchParams: { 'filter[id]': 42 } }
 */
export interface HttpRequest {
  /** Absolute URL. */
  url: string
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  searchParams?: SearchParams
  headers?: Record<string, string>
  /** JSON request body. */
  json?: unknown
  /** Retry on transient failures. Defaults to true for GET, false otherwise. */
  idempotent?: boolean
  signal?: AbortSignal
  /**
   * Maps an HTTP failure to a kind other than the default (401/403 → auth, 404 → not_found, 400/413/414/422 →
   * bad_request, 429 → rate_limited, 5xx → provider), e.g. to explain a vendor quirk in the message.
   */
  classifyError?: (failure: HttpFailure) => Partial<{ kind: RcsErrorKind; message: string; details: unknown }> | null
  /** The body's retry hint in milliseconds (partner-gateway sends `retryAfter` seconds in its 429 body). */
  retryAfterFromBody?: (body: unknown) => number | null
  /** Accept a non-JSON (text) body; `body` is then the text. Defaults to false: a non-JSON body is retried. */
  allowText?: boolean
}

/**
 * A failed response as handed to {@link HttpRequest.classifyError}.
 *
 * @example
 * import type { HttpFailure } from '@rcs-records/core/kit'
 * const isChannelMismatch = (f: HttpFailure) => f.status === 404
 */
export interface HttpFailure {
  status: number
  /**
   * Parsed JSON, or the text when it is not JSON, or null when empty — with the client's secrets redacted and
   * bounded (12 levels, 100 entries per object or array, 2,000 characters per string, 2,000 values; cuts noted in
   * place), so that nothing built from it can show a credential or overflow the stack.
   */
  body: unknown
  headers: Headers
}

/**
 * A successful (2xx) response with its parsed body.
 *
 * @example
 * import type { HttpResponse } from '@rcs-records/core/kit'
 * const total = (r: HttpResponse) => (r.body as { meta: { page: { total: number } } }).meta.page.total
 */
export interface HttpResponse {
  status: number
  headers: Headers
  /** Parsed JSON (or the text when `allowText` and the body is not JSON). */
  body: unknown
  /** Size of the body in bytes. */
  bytes: number
}

/**
 * What a request/response hook sees. Headers are never included, so credentials cannot reach a hook.
 *
 * @example
 * import type { HttpEvent } from '@rcs-records/core'
 * const log = (e: HttpEvent) => console.log(e.method, e.url, e.status, e.durationMs)
 */
export interface HttpEvent {
  provider: string
  method: string
  /** URL with the query string. */
  url: string
  attempt: number
  status?: number
  durationMs?: number
  error?: RcsError
}

/**
 * Observers for logging and metrics.
 *
 * @example
 * import type { HttpHooks } from '@rcs-records/core'
 * declare const metrics: { observe(ms: number): void }
 * const hooks: HttpHooks = { onResponse: (e) => metrics.observe(e.durationMs ?? 0) }
 */
export interface HttpHooks {
  onRequest?: (event: HttpEvent) => void
  onResponse?: (event: HttpEvent) => void
  onRetry?: (event: HttpEvent & { delayMs: number }) => void
}

/**
 * Retry policy for idempotent requests.
 *
 * @example
 * import type { RetryOptions } from '@rcs-records/core'
 * const retry: RetryOptions = { limit: 5, baseDelayMs: 200, maxDelayMs: 10_000 }
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 4. */
  limit?: number
  /** First backoff delay; doubles each retry, with full jitter. Default 250 ms. */
  baseDelayMs?: number
  /** Cap on one backoff delay. Default 10,000 ms. */
  maxDelayMs?: number
}

/**
 * HTTP settings of a client; every field has a sensible default.
 *
 * @example
 * import type { HttpOptions } from '@rcs-records/core'
 * const http: HttpOptions = { timeoutMs: 10_000, retry: { limit: 3 }, concurrency: 4 }
 */
export interface HttpOptions {
  /** Per attempt, from request to the whole body read. Default 30,000 ms. */
  timeoutMs?: number
  retry?: RetryOptions
  /** Cap on a vendor's Retry-After (header or body hint). Default 60,000 ms. */
  maxRetryAfterMs?: number
  /** Requests in flight at once per client. Default 8. */
  concurrency?: number
  /** Default `rcs-records/<version>`. */
  userAgent?: string
  /** Injectable fetch. Default: `globalThis.fetch`, looked up at each request. */
  fetch?: typeof fetch
  hooks?: HttpHooks
  /** Refuse bodies larger than this. Default 64 MiB. */
  maxBodyBytes?: number
  /** Allow plain `http://` to hosts other than loopback. Default false. */
  allowInsecureHttp?: boolean
}

/**
 * The HTTP transport core gives every adapter: retries, timeouts, concurrency, error mapping and secret scrubbing.
 *
 * @example
 * import type { HttpTransport } from '@rcs-records/core/kit'
 * const fetchPage = (http: HttpTransport, url: string) => http.request({ url })
 */
export interface HttpTransport {
  /** Sends a request; resolves to the parsed 2xx response or an RcsError (never rejects). */
  request(request: HttpRequest): TaskEither<RcsError, HttpResponse>
  /**
   * The credentials of the client this transport serves, redacted from everything it and the client report. An
   * adapter adds what it derives or is issued (`secrets.add(token)`), and replaces a renewed token
   * (`secrets.replace(old, next)`) so the set never grows.
   */
  readonly secrets: SecretSet
}

import type { TaskEither } from 'fp-ts/TaskEither'
import ky from 'ky'
import pLimit from 'p-limit'
import { type Clock, systemClock } from '../adapter/clock.js'
import { type Logger, silentLogger } from '../adapter/logger.js'
import { RcsError } from '../errors/rcs-error.js'
import { redact } from '../errors/secrets.js'
import { isRetryableStatus, kindOfStatus, vendorMessageOf } from './classify.js'
import { readBodyText } from './read-body.js'
import { backoffDelay, parseRetryAfter } from './retry-after.js'
import { checkBaseUrl } from './secure-url.js'
import type { HttpOptions, HttpRequest, HttpResponse, HttpTransport, SearchParams } from './types.js'

/**
 * Options of {@link createHttpTransport}: the client's {@link HttpOptions} plus who is calling.
 *
 * @example
 * import type { TransportOptions } from '@rcs-records/core'
 * const options: TransportOptions = { provider: 'bsg', timeoutMs: 10_000 }
 */
export interface TransportOptions extends HttpOptions {
  provider: string
  clock?: Clock
  logger?: Logger
  /** Source of randomness for jitter (tests pin it). */
  random?: () => number
}

const DEFAULTS = {
  timeoutMs: 30_000,
  maxRetryAfterMs: 60_000,
  concurrency: 8,
  userAgent: 'rcs-records/0.1.0',
  maxBodyBytes: 64 * 1024 * 1024,
  retry: { limit: 4, baseDelayMs: 250, maxDelayMs: 10_000 },
}

const toSearchParams = (params: SearchParams | undefined): URLSearchParams | undefined => {
  if (params === undefined || params instanceof URLSearchParams) return params
  const out = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value !== undefined) out.append(key, String(value))
  return out
}

type Attempt =
  | { ok: true; response: HttpResponse }
  | { ok: false; error: RcsError; retryAfterMs: number | null; fatal: boolean }

/**
 * Creates the HTTP transport every adapter uses (through `AdapterContext.http`). It sends requests with ky,
 * limits concurrency, times out each attempt (including reading the body), retries idempotent requests on 429,
 * 5xx, network errors, timeouts and unparseable (truncated) bodies with exponential backoff and jitter — honouring
 * `Retry-After` and vendor body hints, capped by `maxRetryAfterMs` — refuses oversized bodies, refuses plain
 * `http://` to non-loopback hosts, and maps failures to {@link RcsError} kinds with secrets scrubbed.
 * It never rejects: every outcome is a value.
 *
 * @example
 * import { createHttpTransport } from '@rcs-records/core'
 * const http = createHttpTransport({ provider: 'bsg', retry: { limit: 2 } })
 * const result = await http.request({ url: 'https://one-api.bsg.world/api/messages', searchParams: { 'filter[id]': 1 } })()
 */
export const createHttpTransport = (options: TransportOptions): HttpTransport => {
  const provider = options.provider
  const clock = options.clock ?? systemClock
  const logger = options.logger ?? silentLogger
  const random = options.random ?? Math.random
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes
  const retry = { ...DEFAULTS.retry, ...options.retry }
  const limit = pLimit(Math.max(1, options.concurrency ?? DEFAULTS.concurrency))
  const checkedOrigins = new Map<string, RcsError | null>()
  const hooks = options.hooks ?? {}

  const fail = (
    kind: RcsError['kind'],
    message: string,
    extra: Partial<{
      httpStatus: number
      retryable: boolean
      details: unknown
      cause: unknown
      retryAfterMs: number | null
    }> = {},
  ) => new RcsError({ kind, provider, message: `${provider}: ${message}`, ...extra })

  const describe = (method: string, url: URL) => `${method} ${url.origin}${url.pathname}`

  const originError = (url: URL): RcsError | null => {
    let cached = checkedOrigins.get(url.origin)
    if (cached === undefined) {
      cached = checkBaseUrl(url.origin, provider, options.allowInsecureHttp ?? false)
      checkedOrigins.set(url.origin, cached)
    }
    return cached
  }

  const attempt = async (request: HttpRequest, url: URL, method: string, number: number): Promise<Attempt> => {
    const started = clock.now()
    const timeout = new AbortController()
    const timer = setTimeout(() => timeout.abort(), timeoutMs)
    const signal = request.signal === undefined ? timeout.signal : AbortSignal.any([request.signal, timeout.signal])
    const event = { provider, method, url: redact(url.href), attempt: number }
    hooks.onRequest?.(event)
    const finish = (result: Attempt): Attempt => {
      clearTimeout(timer)
      hooks.onResponse?.({
        ...event,
        status: result.ok ? result.response.status : (result.error.httpStatus ?? undefined),
        durationMs: clock.now() - started,
        ...(result.ok ? {} : { error: result.error }),
      })
      return result
    }
    const where = describe(method, url)
    try {
      const response = await ky(url, {
        method,
        headers: {
          'user-agent': options.userAgent ?? DEFAULTS.userAgent,
          accept: 'application/json',
          ...request.headers,
        },
        ...(request.json === undefined ? {} : { json: request.json }),
        retry: 0,
        timeout: false,
        throwHttpErrors: false,
        signal,
        fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      })
      const read = await readBodyText(response, maxBodyBytes)
      if ('tooLarge' in read) {
        return finish({
          ok: false,
          fatal: true,
          retryAfterMs: null,
          error: fail(
            'provider',
            `${where}: response body exceeds the ${maxBodyBytes}-byte limit (http.maxBodyBytes); refused`,
            {
              httpStatus: response.status,
              retryable: false,
              details: { bytes: read.bytes, maxBodyBytes },
            },
          ),
        })
      }
      let body: unknown = null
      let parsed = read.text.length === 0
      if (!parsed) {
        try {
          body = JSON.parse(read.text)
          parsed = true
        } catch {
          body = read.text
        }
      }
      if (response.ok) {
        if (!parsed && request.allowText !== true) {
          return finish({
            ok: false,
            fatal: false,
            retryAfterMs: null,
            error: fail('provider', `${where}: response body is not valid JSON (truncated or malformed)`, {
              httpStatus: response.status,
              retryable: true,
              details: { bytes: read.bytes, start: read.text.slice(0, 120) },
            }),
          })
        }
        return finish({
          ok: true,
          response: { status: response.status, headers: response.headers, body, bytes: read.bytes },
        })
      }
      const failure = { status: response.status, body, headers: response.headers }
      const override = request.classifyError?.(failure) ?? null
      const kind = override?.kind ?? kindOfStatus(response.status)
      const vendorMessage = vendorMessageOf(body)
      const message =
        override?.message ?? `${where} answered ${response.status}${vendorMessage === null ? '' : `: ${vendorMessage}`}`
      const hinted =
        parseRetryAfter(response.headers.get('retry-after'), clock.now()) ?? request.retryAfterFromBody?.(body) ?? null
      const retryAfterMs = hinted === null ? null : Math.min(hinted, maxRetryAfterMs)
      const retryable = isRetryableStatus(response.status)
      return finish({
        ok: false,
        fatal: !retryable,
        retryAfterMs,
        error: fail(kind, override?.message === undefined ? message : override.message, {
          httpStatus: response.status,
          retryable,
          retryAfterMs,
          details: override?.details ?? (typeof body === 'string' ? { body: body.slice(0, 500) } : { body }),
        }),
      })
    } catch (cause) {
      if (request.signal?.aborted) {
        return finish({
          ok: false,
          fatal: true,
          retryAfterMs: null,
          error: fail('transport', `${where}: aborted by the caller`, { retryable: false, cause }),
        })
      }
      if (timeout.signal.aborted) {
        return finish({
          ok: false,
          fatal: false,
          retryAfterMs: null,
          error: fail('timeout', `${where}: no complete response within ${timeoutMs} ms`, { retryable: true }),
        })
      }
      const reason =
        cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : 'unknown'
      return finish({
        ok: false,
        fatal: false,
        retryAfterMs: null,
        error: fail('transport', `${where}: network error (${reason})`, { retryable: true, cause }),
      })
    }
  }

  const send = async (
    request: HttpRequest,
  ): Promise<{ _tag: 'Left'; left: RcsError } | { _tag: 'Right'; right: HttpResponse }> => {
    const method = request.method ?? 'GET'
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return { _tag: 'Left', left: fail('config', `not a valid absolute URL: ${request.url}`) }
    }
    const insecure = originError(url)
    if (insecure !== null) return { _tag: 'Left', left: insecure }
    const params = toSearchParams(request.searchParams)
    if (params !== undefined) for (const [key, value] of params) url.searchParams.append(key, value)
    const idempotent = request.idempotent ?? method === 'GET'
    const retries = idempotent ? Math.max(0, retry.limit) : 0
    for (let number = 0; ; number++) {
      const result = await limit(() => attempt(request, url, method, number + 1))
      if (result.ok) return { _tag: 'Right', right: result.response }
      if (result.fatal || number >= retries) return { _tag: 'Left', left: result.error }
      const delayMs = result.retryAfterMs ?? backoffDelay(number, retry, random)
      hooks.onRetry?.({ provider, method, url: redact(url.href), attempt: number + 1, error: result.error, delayMs })
      logger.debug('retrying request', {
        provider,
        url: redact(url.pathname),
        attempt: number + 1,
        delayMs,
        kind: result.error.kind,
      })
      try {
        await clock.sleep(delayMs, request.signal)
      } catch (cause) {
        return {
          _tag: 'Left',
          left: fail('transport', `${describe(method, url)}: aborted by the caller`, { retryable: false, cause }),
        }
      }
    }
  }

  return {
    request:
      (request): TaskEither<RcsError, HttpResponse> =>
      () =>
        send(request),
  }
}

import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import ky from 'ky'
import pLimit from 'p-limit'
import { boundedCopy } from '../errors/bounded-copy.js'
import { RcsError } from '../errors/rcs-error.js'
import { scrubError } from '../errors/scrub-error.js'
import { createSecretSet, type SecretSet } from '../errors/secrets.js'
import { type Clock, systemClock } from '../runtime/clock.js'
import { type Logger, silentLogger } from '../runtime/logger.js'
import { isRetryableStatus, kindOfStatus, vendorMessageOf } from './classify.js'
import { readBodyText } from './read-body.js'
import { rememberQuerySecrets, rememberRequestSecrets } from './request-secrets.js'
import { backoffDelay, parseRetryAfter } from './retry-after.js'
import { checkBaseUrl } from './secure-url.js'
import type {
  HttpEvent,
  HttpFailure,
  HttpOptions,
  HttpRequest,
  HttpResponse,
  HttpTransport,
  SearchParams,
} from './types.js'

/**
 * Options of {@link createHttpTransport}: the client's {@link HttpOptions} plus who is calling.
 *
 * @example
 * import type { TransportOptions } from '@rcs-records/core/kit'
 * const options: TransportOptions = { provider: 'bsg', timeoutMs: 10_000 }
 */
export interface TransportOptions extends HttpOptions {
  provider: string
  clock?: Clock
  logger?: Logger
  /** Source of randomness for jitter (tests pin it). */
  random?: () => number
  /**
   * The credentials of the client this transport serves (`createClient` passes its own); redacted from every error,
   * hook event and log line it makes. Default: a new, empty set.
   */
  secrets?: SecretSet
}

/**
 * How much of a failed response's body is kept for `classifyError`, the error message and `details.body`: enough to
 * read any vendor's error document, never enough to matter (a body nested 100,000 levels deep, or a million entries
 * wide, is described in a few kilobytes).
 */
const FAILURE_BODY = { depth: 12, entries: 100, stringLength: 2_000, nodes: 2_000 } as const

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
  for (const key in params) {
    const value = params[key]
    if (value !== undefined) out.append(key, String(value))
  }
  return out
}

/** A non-negative finite number of milliseconds, or null (a hint that is missing, negative or not a number). */
const asDelay = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null

/** Calls an observer; an observer that throws must not break the request. */
const observe = <E>(hook: ((event: E) => void) | undefined, event: E): void => {
  if (hook === undefined) return
  try {
    hook(event)
  } catch {
    // observers are for logging and metrics; their failures are theirs
  }
}

type Attempt =
  | { ok: true; response: HttpResponse }
  | { ok: false; error: RcsError; retryAfterMs: number | null; fatal: boolean }

type Outcome = { _tag: 'Left'; left: RcsError } | { _tag: 'Right'; right: HttpResponse }

/**
 * One request's destination: the URL, what is given to ky (the caller's text when the URL is exactly that text
 * parsed, so that a long URL — a batch lookup's — is not written out again by `href`), the method,
 * `METHOD origin/path` for messages, and the redacted URL.
 */
interface Target {
  url: URL
  input: string | URL
  method: string
  where: string
  href: () => string
}

/**
 * Creates the HTTP transport every adapter uses (through `AdapterContext.http`). It sends requests with ky,
 * limits concurrency, times out each attempt (including reading the body), retries idempotent requests on 429,
 * 5xx, network errors, timeouts and unparseable (truncated) bodies with exponential backoff and jitter — honouring
 * `Retry-After` and vendor body hints, capped by `maxRetryAfterMs` — refuses oversized bodies, refuses plain
 * `http://` to non-loopback hosts, and maps failures to {@link RcsError} kinds with the secrets of `options.secrets`
 * (its `secrets`) scrubbed — in every form a vendor may echo them, before any text is built from the vendor's answer
 * (the credential headers, query parameters and JSON fields of each request are kept among its recent secrets
 * automatically). A failed response's body is handed on redacted and bounded (see {@link boundedCopy}).
 * It never rejects: every outcome is a value. Hooks see method, URL, attempt, status and timing — never headers.
 *
 * @example
 * import { createHttpTransport } from '@rcs-records/core/kit'
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
  const userAgent = options.userAgent ?? DEFAULTS.userAgent
  const retry = {
    limit: Math.max(0, Math.floor(options.retry?.limit ?? DEFAULTS.retry.limit)),
    baseDelayMs: options.retry?.baseDelayMs ?? DEFAULTS.retry.baseDelayMs,
    maxDelayMs: options.retry?.maxDelayMs ?? DEFAULTS.retry.maxDelayMs,
  }
  const limit = pLimit(Math.max(1, options.concurrency ?? DEFAULTS.concurrency))
  const secrets = options.secrets ?? createSecretSet()
  const checkedOrigins = new Map<string, RcsError | null>()
  const hooks = options.hooks ?? {}
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))

  const fail = (
    kind: RcsError['kind'],
    message: string,
    extra: {
      httpStatus?: number
      retryable?: boolean
      details?: unknown
      cause?: unknown
      retryAfterMs?: number | null
    } = {},
  ) =>
    scrubError(
      secrets,
      new RcsError({
        kind,
        provider,
        message: `${provider}: ${message}`,
        httpStatus: extra.httpStatus ?? null,
        retryable: extra.retryable,
        retryAfterMs: extra.retryAfterMs ?? null,
        details: extra.details,
        cause: extra.cause,
      }),
    )

  const describe = (method: string, url: URL) => `${method} ${url.origin}${url.pathname}`

  /**
   * Redacts, then shortens: shortening first could cut a credential and leave part of it behind. `truncated`: the
   * vendor cut the text, so a trailing start of a credential is redacted too.
   */
  const clip = (text: string, max: number, truncated = false): string => secrets.clip(text, max, { truncated })

  /**
   * What every attempt of one request shares. The redacted URL is made only when a hook needs it, and afresh each
   * time (a secret registered meanwhile is redacted too).
   */
  const targetOf = (url: URL, input: string | URL, method: string): Target => ({
    url,
    input,
    method,
    where: describe(method, url),
    href: () => secrets.redact(url.href),
  })

  const originError = (url: URL): RcsError | null => {
    let cached = checkedOrigins.get(url.origin)
    if (cached === undefined) {
      cached = checkBaseUrl(url.origin, provider, options.allowInsecureHttp ?? false)
      checkedOrigins.set(url.origin, cached)
    }
    return cached
  }

  const abortedByCaller = (method: string, url: URL, cause: unknown) =>
    fail('transport', `${describe(method, url)}: aborted by the caller`, { retryable: false, cause })

  /**
   * The delay a failed response asks for: `Retry-After`, else the adapter's body hint; capped at `maxRetryAfterMs`.
   * Null when neither says anything usable (the caller backs off as usual).
   */
  const retryHint = (request: HttpRequest, headers: Headers, body: unknown): number | null => {
    let hinted = parseRetryAfter(headers.get('retry-after'), clock.now())
    if (hinted === null && request.retryAfterFromBody !== undefined) {
      try {
        hinted = asDelay(request.retryAfterFromBody(body))
      } catch {
        hinted = null
      }
    }
    return hinted === null ? null : Math.min(hinted, maxRetryAfterMs)
  }

  const classify = (request: HttpRequest, failure: HttpFailure) => {
    if (request.classifyError === undefined) return null
    try {
      return request.classifyError(failure) ?? null
    } catch {
      return null
    }
  }

  const failedResponse = (request: HttpRequest, where: string, response: Response, parsed: unknown): Attempt => {
    const status = response.status
    // Redacted and bounded before anything reads it: every text below is built from this copy only.
    const body =
      typeof parsed === 'string'
        ? secrets.clip(parsed, FAILURE_BODY.stringLength)
        : boundedCopy(parsed, { ...FAILURE_BODY, secrets })
    const override = classify(request, { status, body, headers: response.headers })
    const vendorMessage = vendorMessageOf(body, secrets)
    const message =
      override?.message ?? `${where} answered ${status}${vendorMessage === null ? '' : `: ${vendorMessage}`}`
    const retryAfterMs = retryHint(request, response.headers, body)
    const retryable = isRetryableStatus(status)
    const details =
      override?.details !== undefined
        ? override.details
        : typeof body === 'string'
          ? { body: clip(body, 500) }
          : { body }
    return {
      ok: false,
      fatal: !retryable,
      retryAfterMs,
      error: fail(override?.kind ?? kindOfStatus(status), message, {
        httpStatus: status,
        retryable,
        retryAfterMs,
        details,
      }),
    }
  }

  const exchange = async (request: HttpRequest, target: Target, signal: AbortSignal): Promise<Attempt> => {
    const { input, method, where } = target
    const headers: Record<string, string> = { 'user-agent': userAgent, accept: 'application/json' }
    if (request.headers !== undefined)
      for (const name in request.headers) headers[name] = request.headers[name] as string
    const response = await ky(input, {
      method,
      headers,
      json: request.json,
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      // The attempt's signal goes straight to fetch (it overrides the Request's own): given to ky, it would be
      // combined with ky's internal one by AbortSignal.any on every request, for nothing — ky never aborts here.
      fetch: (input, init) => fetchImpl(input, { ...init, signal }),
      // A redirect is never followed: fetch would resend custom credential headers (X-Api-Key) to whatever origin,
      // and over plain http://, that the Location names.
      redirect: 'manual',
    })
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => {})
      const location = response.headers.get('location')
      return {
        ok: false,
        fatal: true,
        retryAfterMs: null,
        error: fail(
          'provider',
          `${where} answered ${response.status}, a redirect; not followed, so credentials only ever go to the configured base URL (set it to the final address)`,
          {
            httpStatus: response.status,
            retryable: false,
            details: { location: location === null ? null : clip(location, 200) },
          },
        ),
      }
    }
    const read = await readBodyText(response, maxBodyBytes)
    if ('tooLarge' in read) {
      return {
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
      }
    }
    try {
      return answer(request, where, response, read)
    } catch (cause) {
      // Not the network: describing this answer failed (a bug, or a value no code expected). Retrying would get the
      // same answer, so this is final, and says so.
      return {
        ok: false,
        fatal: true,
        retryAfterMs: null,
        error: fail('provider', `${where} answered ${response.status}, which could not be read`, {
          httpStatus: response.status,
          retryable: false,
          cause,
        }),
      }
    }
  }

  /** A complete answer (status and body text) as an attempt's outcome. */
  const answer = (
    request: HttpRequest,
    where: string,
    response: Response,
    read: { text: string; bytes: number },
  ): Attempt => {
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
    if (!response.ok) return failedResponse(request, where, response, body)
    if (!parsed && request.allowText !== true) {
      return {
        ok: false,
        fatal: false,
        retryAfterMs: null,
        error: fail('provider', `${where}: response body is not valid JSON (truncated or malformed)`, {
          httpStatus: response.status,
          retryable: true,
          details: { bytes: read.bytes, start: clip(read.text, 120, true) },
        }),
      }
    }
    return { ok: true, response: { status: response.status, headers: response.headers, body, bytes: read.bytes } }
  }

  const attempt = async (request: HttpRequest, target: Target, number: number): Promise<Attempt> => {
    const { url, method, where } = target
    const started = clock.now()
    const timeout = new AbortController()
    const timer = setTimeout(() => timeout.abort(), timeoutMs)
    const signal = request.signal === undefined ? timeout.signal : AbortSignal.any([request.signal, timeout.signal])
    if (hooks.onRequest !== undefined)
      observe(hooks.onRequest, { provider, method, url: target.href(), attempt: number })
    let result: Attempt
    try {
      result = await exchange(request, target, signal)
    } catch (cause) {
      if (request.signal?.aborted) {
        result = { ok: false, fatal: true, retryAfterMs: null, error: abortedByCaller(method, url, cause) }
      } else if (timeout.signal.aborted) {
        result = {
          ok: false,
          fatal: false,
          retryAfterMs: null,
          error: fail('timeout', `${where}: no complete response within ${timeoutMs} ms`, { retryable: true }),
        }
      } else {
        const reason =
          cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : 'unknown'
        result = {
          ok: false,
          fatal: false,
          retryAfterMs: null,
          error: fail('transport', `${where}: network error (${reason})`, { retryable: true, cause }),
        }
      }
    } finally {
      clearTimeout(timer)
    }
    if (hooks.onResponse === undefined) return result
    const event: HttpEvent = {
      provider,
      method,
      url: target.href(),
      attempt: number,
      durationMs: clock.now() - started,
    }
    if (result.ok) event.status = result.response.status
    else {
      if (result.error.httpStatus !== null) event.status = result.error.httpStatus
      event.error = result.error
    }
    observe(hooks.onResponse, event)
    return result
  }

  const send = async (request: HttpRequest): Promise<Outcome> => {
    const method = request.method ?? 'GET'
    rememberRequestSecrets(secrets, request.headers, undefined, request.json)
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      const shown = (String(request.url).split(/[?#]/)[0] ?? '').replace(/\/\/[^/]*@/, '//…@')
      return { _tag: 'Left', left: fail('config', `not a valid absolute URL: ${clip(shown, 200)}`) }
    }
    if (url.username !== '' || url.password !== '') {
      return {
        _tag: 'Left',
        left: fail('config', `${describe(method, url)}: the URL carries credentials (user:password@); refused`),
      }
    }
    const insecure = originError(url)
    if (insecure !== null) return { _tag: 'Left', left: insecure }
    const params = toSearchParams(request.searchParams)
    if (params !== undefined) for (const [key, value] of params) url.searchParams.append(key, value)
    rememberQuerySecrets(secrets, url.search)
    const idempotent = request.idempotent ?? method === 'GET'
    const retries = idempotent ? retry.limit : 0
    // Without parameters to add, fetch parses the very text just parsed here: the same URL, one long string fewer.
    const target = targetOf(url, params === undefined ? request.url : url, method)
    for (let number = 0; ; number++) {
      if (request.signal?.aborted) return { _tag: 'Left', left: abortedByCaller(method, url, request.signal.reason) }
      const result = await limit(() => attempt(request, target, number + 1))
      if (result.ok) return { _tag: 'Right', right: result.response }
      if (result.fatal || number >= retries) return { _tag: 'Left', left: result.error }
      // A hint of 0 (or a date already past) still waits the first backoff step: never a burst of instant retries.
      const delayMs =
        result.retryAfterMs === null
          ? backoffDelay(number, retry, random)
          : Math.max(result.retryAfterMs, backoffDelay(0, retry, random))
      const href = target.href()
      observe(hooks.onRetry, { provider, method, url: href, attempt: number + 1, error: result.error, delayMs })
      logger.debug('retrying request', {
        provider,
        url: secrets.redact(url.pathname),
        attempt: number + 1,
        delayMs,
        kind: result.error.kind,
      })
      try {
        await clock.sleep(delayMs, request.signal)
      } catch (cause) {
        return { _tag: 'Left', left: abortedByCaller(method, url, cause) }
      }
    }
  }

  const sendSafely = async (request: HttpRequest): Promise<Outcome> => {
    try {
      return await send(request)
    } catch (cause) {
      // Only a broken injected clock or fetch wrapper can get here; the contract is still "never rejects".
      return {
        _tag: 'Left',
        left: fail(
          'transport',
          `request failed unexpectedly: ${cause instanceof Error ? cause.message : String(cause)}`,
          {
            retryable: false,
            cause,
          },
        ),
      }
    }
  }

  return {
    secrets,
    request:
      (request): TaskEither<RcsError, HttpResponse> =>
      () =>
        sendSafely(request),
  }
}

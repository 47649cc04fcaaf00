/**
 * The HTTP transport every adapter uses (through `AdapterContext.http`), as module-level functions over one
 * {@link Transport} (the resolved options of a {@link createHttpTransport} call): `send` runs a request's attempts,
 * `attempt` runs one under its timeout and reports it to the hooks, `exchange` makes the call, `answer` and
 * `failedResponse` turn the vendor's answer into an {@link Attempt}.
 *
 * What ky does here: it builds each request (method, headers, the JSON body and its content type, search
 * parameters already in the URL) and hands it to `fetch` — the injected one, with this attempt's signal.
 * What it does not: ky's retries, timeout and `HTTPError` are switched off (`retry: 0`, `timeout: false`,
 * `throwHttpErrors: false`). Retries (only idempotent requests; on 429, 5xx, network errors, timeouts and truncated
 * bodies; backoff with jitter; `Retry-After` and vendor body hints, capped), timeouts (one per attempt, reading the
 * body included), concurrency, redirects (never followed), the body size limit, and the mapping of every failure to
 * an {@link RcsError} with the secrets scrubbed are ours: they follow the library's contract, not ky's defaults.
 */

import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import ky from 'ky'
import pLimit, { type LimitFunction } from 'p-limit'
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
  HttpHooks,
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

/** The resolved options of one transport: what every function below reads. */
interface Transport {
  readonly provider: string
  readonly clock: Clock
  readonly logger: Logger
  readonly random: () => number
  readonly timeoutMs: number
  readonly maxRetryAfterMs: number
  readonly maxBodyBytes: number
  readonly userAgent: string
  readonly retry: { readonly limit: number; readonly baseDelayMs: number; readonly maxDelayMs: number }
  readonly limit: LimitFunction
  readonly secrets: SecretSet
  /** Each origin's `checkBaseUrl` verdict, computed once. */
  readonly checkedOrigins: Map<string, RcsError | null>
  readonly allowInsecureHttp: boolean
  readonly hooks: HttpHooks
  readonly fetch: typeof fetch
}

interface FailureExtra {
  httpStatus?: number
  retryable?: boolean
  details?: unknown
  cause?: unknown
  retryAfterMs?: number | null
}

/** An {@link RcsError} of this transport's provider, with its secrets scrubbed. */
const fail = (t: Transport, kind: RcsError['kind'], message: string, extra: FailureExtra = {}): RcsError =>
  scrubError(
    t.secrets,
    new RcsError({
      kind,
      provider: t.provider,
      message: `${t.provider}: ${message}`,
      httpStatus: extra.httpStatus ?? null,
      retryable: extra.retryable,
      retryAfterMs: extra.retryAfterMs ?? null,
      details: extra.details,
      cause: extra.cause,
    }),
  )

/** An attempt that ends the request: no retry. */
const final = (error: RcsError): Attempt => ({ ok: false, fatal: true, retryAfterMs: null, error })

/** An attempt that may be retried (if the request is idempotent and retries are left). */
const retryable = (error: RcsError): Attempt => ({ ok: false, fatal: false, retryAfterMs: null, error })

const describe = (method: string, url: URL) => `${method} ${url.origin}${url.pathname}`

/**
 * Redacts, then shortens: shortening first could cut a credential and leave part of it behind. `truncated`: the
 * vendor cut the text, so a trailing start of a credential is redacted too.
 */
const clip = (t: Transport, text: string, max: number, truncated = false): string =>
  t.secrets.clip(text, max, { truncated })

/**
 * What every attempt of one request shares. The redacted URL is made only when a hook needs it, and afresh each
 * time (a secret registered meanwhile is redacted too).
 */
const targetOf = (t: Transport, url: URL, input: string | URL, method: string): Target => ({
  url,
  input,
  method,
  where: describe(method, url),
  href: () => t.secrets.redact(url.href),
})

const originError = (t: Transport, url: URL): RcsError | null => {
  let cached = t.checkedOrigins.get(url.origin)
  if (cached === undefined) {
    cached = checkBaseUrl(url.origin, t.provider, t.allowInsecureHttp)
    t.checkedOrigins.set(url.origin, cached)
  }
  return cached
}

const abortedByCaller = (t: Transport, method: string, url: URL, cause: unknown) =>
  fail(t, 'transport', `${describe(method, url)}: aborted by the caller`, { retryable: false, cause })

/**
 * The delay a failed response asks for: `Retry-After`, else the adapter's body hint; capped at `maxRetryAfterMs`.
 * Null when neither says anything usable (the caller backs off as usual).
 */
const retryHint = (t: Transport, request: HttpRequest, headers: Headers, body: unknown): number | null => {
  let hinted = parseRetryAfter(headers.get('retry-after'), t.clock.now())
  if (hinted === null && request.retryAfterFromBody !== undefined) {
    try {
      hinted = asDelay(request.retryAfterFromBody(body))
    } catch {
      hinted = null
    }
  }
  return hinted === null ? null : Math.min(hinted, t.maxRetryAfterMs)
}

/** The adapter's own reading of a failed response, if it has one (an adapter that throws has none). */
const classify = (request: HttpRequest, failure: HttpFailure) => {
  if (request.classifyError === undefined) return null
  try {
    return request.classifyError(failure) ?? null
  } catch {
    return null
  }
}

/** A complete answer with a non-2xx status as an attempt's outcome: final unless the status is retryable. */
const failedResponse = (
  t: Transport,
  request: HttpRequest,
  where: string,
  response: Response,
  parsed: unknown,
): Attempt => {
  const status = response.status
  // Redacted and bounded before anything reads it: every text below is built from this copy only.
  const body =
    typeof parsed === 'string'
      ? t.secrets.clip(parsed, FAILURE_BODY.stringLength)
      : boundedCopy(parsed, { ...FAILURE_BODY, secrets: t.secrets })
  const override = classify(request, { status, body, headers: response.headers })
  const vendorMessage = vendorMessageOf(body, t.secrets)
  const message =
    override?.message ?? `${where} answered ${status}${vendorMessage === null ? '' : `: ${vendorMessage}`}`
  const retryAfterMs = retryHint(t, request, response.headers, body)
  const isRetryable = isRetryableStatus(status)
  const details =
    override?.details !== undefined
      ? override.details
      : typeof body === 'string'
        ? { body: clip(t, body, 500) }
        : { body }
  return {
    ok: false,
    fatal: !isRetryable,
    retryAfterMs,
    error: fail(t, override?.kind ?? kindOfStatus(status), message, {
      httpStatus: status,
      retryable: isRetryable,
      retryAfterMs,
      details,
    }),
  }
}

/** A complete answer (status and body text) as an attempt's outcome. */
const answer = (
  t: Transport,
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
  if (!response.ok) return failedResponse(t, request, where, response, body)
  if (!parsed && request.allowText !== true) {
    return retryable(
      fail(t, 'provider', `${where}: response body is not valid JSON (truncated or malformed)`, {
        httpStatus: response.status,
        retryable: true,
        details: { bytes: read.bytes, start: clip(t, read.text, 120, true) },
      }),
    )
  }
  return { ok: true, response: { status: response.status, headers: response.headers, body, bytes: read.bytes } }
}

/** One call through ky and the whole body read (it rejects on network errors and aborts; the caller maps those). */
const exchange = async (t: Transport, request: HttpRequest, target: Target, signal: AbortSignal): Promise<Attempt> => {
  const { input, method, where } = target
  const headers: Record<string, string> = { 'user-agent': t.userAgent, accept: 'application/json' }
  if (request.headers !== undefined) for (const name in request.headers) headers[name] = request.headers[name] as string
  const response = await ky(input, {
    method,
    headers,
    json: request.json,
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    // The attempt's signal goes straight to fetch (it overrides the Request's own): given to ky, it would be
    // combined with ky's internal one by AbortSignal.any on every request, for nothing — ky never aborts here.
    fetch: (input, init) => t.fetch(input, { ...init, signal }),
    // A redirect is never followed: fetch would resend custom credential headers (X-Api-Key) to whatever origin,
    // and over plain http://, that the Location names.
    redirect: 'manual',
  })
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel().catch(() => {})
    const location = response.headers.get('location')
    return final(
      fail(
        t,
        'provider',
        `${where} answered ${response.status}, a redirect; not followed, so credentials only ever go to the configured base URL (set it to the final address)`,
        {
          httpStatus: response.status,
          retryable: false,
          details: { location: location === null ? null : clip(t, location, 200) },
        },
      ),
    )
  }
  const read = await readBodyText(response, t.maxBodyBytes)
  if ('tooLarge' in read) {
    return final(
      fail(
        t,
        'provider',
        `${where}: response body exceeds the ${t.maxBodyBytes}-byte limit (http.maxBodyBytes); refused`,
        {
          httpStatus: response.status,
          retryable: false,
          details: { bytes: read.bytes, maxBodyBytes: t.maxBodyBytes },
        },
      ),
    )
  }
  try {
    return answer(t, request, where, response, read)
  } catch (cause) {
    // Not the network: describing this answer failed (a bug, or a value no code expected). Retrying would get the
    // same answer, so this is final, and says so.
    return final(
      fail(t, 'provider', `${where} answered ${response.status}, which could not be read`, {
        httpStatus: response.status,
        retryable: false,
        cause,
      }),
    )
  }
}

/** One attempt under its own timeout (the caller's signal too), reported to the hooks; never rejects. */
const attempt = async (t: Transport, request: HttpRequest, target: Target, number: number): Promise<Attempt> => {
  const { url, method, where } = target
  const { hooks, provider } = t
  const started = t.clock.now()
  const timeout = new AbortController()
  const timer = setTimeout(() => timeout.abort(), t.timeoutMs)
  const signal = request.signal === undefined ? timeout.signal : AbortSignal.any([request.signal, timeout.signal])
  if (hooks.onRequest !== undefined) observe(hooks.onRequest, { provider, method, url: target.href(), attempt: number })
  let result: Attempt
  try {
    result = await exchange(t, request, target, signal)
  } catch (cause) {
    if (request.signal?.aborted) {
      result = final(abortedByCaller(t, method, url, cause))
    } else if (timeout.signal.aborted) {
      result = retryable(
        fail(t, 'timeout', `${where}: no complete response within ${t.timeoutMs} ms`, { retryable: true }),
      )
    } else {
      const reason =
        cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : 'unknown'
      result = retryable(fail(t, 'transport', `${where}: network error (${reason})`, { retryable: true, cause }))
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
    durationMs: t.clock.now() - started,
  }
  if (result.ok) event.status = result.response.status
  else {
    if (result.error.httpStatus !== null) event.status = result.error.httpStatus
    event.error = result.error
  }
  observe(hooks.onResponse, event)
  return result
}

/** A request's checks, then its attempts (under the concurrency limit) with backoff between them. */
const send = async (t: Transport, request: HttpRequest): Promise<Outcome> => {
  const { provider, secrets } = t
  const method = request.method ?? 'GET'
  rememberRequestSecrets(secrets, request.headers, undefined, request.json)
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    const shown = (String(request.url).split(/[?#]/)[0] ?? '').replace(/\/\/[^/]*@/, '//…@')
    return { _tag: 'Left', left: fail(t, 'config', `not a valid absolute URL: ${clip(t, shown, 200)}`) }
  }
  if (url.username !== '' || url.password !== '') {
    return {
      _tag: 'Left',
      left: fail(t, 'config', `${describe(method, url)}: the URL carries credentials (user:password@); refused`),
    }
  }
  const insecure = originError(t, url)
  if (insecure !== null) return { _tag: 'Left', left: insecure }
  const params = toSearchParams(request.searchParams)
  if (params !== undefined) for (const [key, value] of params) url.searchParams.append(key, value)
  rememberQuerySecrets(secrets, url.search)
  const idempotent = request.idempotent ?? method === 'GET'
  const retries = idempotent ? t.retry.limit : 0
  // Without parameters to add, fetch parses the very text just parsed here: the same URL, one long string fewer.
  const target = targetOf(t, url, params === undefined ? request.url : url, method)
  for (let number = 0; ; number++) {
    if (request.signal?.aborted) return { _tag: 'Left', left: abortedByCaller(t, method, url, request.signal.reason) }
    const result = await t.limit(() => attempt(t, request, target, number + 1))
    if (result.ok) return { _tag: 'Right', right: result.response }
    if (result.fatal || number >= retries) return { _tag: 'Left', left: result.error }
    // A hint of 0 (or a date already past) still waits the first backoff step: never a burst of instant retries.
    const delayMs =
      result.retryAfterMs === null
        ? backoffDelay(number, t.retry, t.random)
        : Math.max(result.retryAfterMs, backoffDelay(0, t.retry, t.random))
    const href = target.href()
    observe(t.hooks.onRetry, { provider, method, url: href, attempt: number + 1, error: result.error, delayMs })
    t.logger.debug('retrying request', {
      provider,
      url: secrets.redact(url.pathname),
      attempt: number + 1,
      delayMs,
      kind: result.error.kind,
    })
    try {
      await t.clock.sleep(delayMs, request.signal)
    } catch (cause) {
      return { _tag: 'Left', left: abortedByCaller(t, method, url, cause) }
    }
  }
}

/** {@link send}, keeping the contract "never rejects" even when an injected clock or fetch wrapper breaks it. */
const sendSafely = async (t: Transport, request: HttpRequest): Promise<Outcome> => {
  try {
    return await send(t, request)
  } catch (cause) {
    // Only a broken injected clock or fetch wrapper can get here; the contract is still "never rejects".
    return {
      _tag: 'Left',
      left: fail(
        t,
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

/**
 * Creates the HTTP transport every adapter uses (through `AdapterContext.http`). It sends requests with ky,
 * limits concurrency, times out each attempt (including reading the body), retries idempotent requests on 429,
 * 5xx, network errors, timeouts and unparseable (truncated) bodies with exponential backoff and jitter — honouring
 * `Retry-After` and vendor body hints, capped by `maxRetryAfterMs` — refuses oversized bodies, refuses plain
 * `http://` to non-loopback hosts, and maps failures to `RcsError` kinds with the secrets of `options.secrets`
 * (its `secrets`) scrubbed — in every form a vendor may echo them, before any text is built from the vendor's answer
 * (the credential headers, query parameters and JSON fields of each request are kept among its recent secrets
 * automatically). A failed response's body is handed on redacted and bounded (12 levels, 100 entries, 2,000 characters a string).
 * It never rejects: every outcome is a value. Hooks see method, URL, attempt, status and timing — never headers.
 *
 * @example
 * import { createHttpTransport } from '@rcs-records/core/kit'
 * const http = createHttpTransport({ provider: 'bsg', retry: { limit: 2 } })
 * const result = await http.request({ url: 'https://one-api.bsg.world/api/messages', searchParams: { 'filter[id]': 1 } })()
 */
export const createHttpTransport = (options: TransportOptions): HttpTransport => {
  const t: Transport = {
    provider: options.provider,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? silentLogger,
    random: options.random ?? Math.random,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
    userAgent: options.userAgent ?? DEFAULTS.userAgent,
    retry: {
      limit: Math.max(0, Math.floor(options.retry?.limit ?? DEFAULTS.retry.limit)),
      baseDelayMs: options.retry?.baseDelayMs ?? DEFAULTS.retry.baseDelayMs,
      maxDelayMs: options.retry?.maxDelayMs ?? DEFAULTS.retry.maxDelayMs,
    },
    limit: pLimit(Math.max(1, options.concurrency ?? DEFAULTS.concurrency)),
    secrets: options.secrets ?? createSecretSet(),
    checkedOrigins: new Map(),
    allowInsecureHttp: options.allowInsecureHttp ?? false,
    hooks: options.hooks ?? {},
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
  }
  return {
    secrets: t.secrets,
    request:
      (request): TaskEither<RcsError, HttpResponse> =>
      () =>
        sendSafely(t, request),
  }
}

import { redact, redactDeep } from './secrets.js'

/**
 * What went wrong, in one word:
 * `config` bad settings · `auth` credentials refused · `not_found` · `bad_request` the vendor refused the query ·
 * `rate_limited` · `provider` vendor-side failure · `transport` network failure · `timeout` · `decode` a payload
 * that is not what the vendor documents · `unsupported` the adapter cannot do this.
 *
 * @example
 * import type { RcsErrorKind } from '@rcs-records/core'
 * const kind: RcsErrorKind = 'rate_limited'
 */
export type RcsErrorKind =
  | 'config'
  | 'auth'
  | 'not_found'
  | 'bad_request'
  | 'rate_limited'
  | 'provider'
  | 'transport'
  | 'timeout'
  | 'decode'
  | 'unsupported'

/**
 * Everything needed to build an {@link RcsError}.
 *
 * @example
 * import type { RcsErrorOptions } from '@rcs-records/core'
 * const options: RcsErrorOptions = { kind: 'not_found', message: 'No message 42', provider: 'bsg', httpStatus: 404 }
 */
export interface RcsErrorOptions {
  kind: RcsErrorKind
  message: string
  provider?: string | null
  httpStatus?: number | null
  retryable?: boolean
  retryAfterMs?: number | null
  details?: unknown
  cause?: unknown
}

const DEFAULT_RETRYABLE: Readonly<Record<RcsErrorKind, boolean>> = {
  config: false,
  auth: false,
  not_found: false,
  bad_request: false,
  rate_limited: true,
  provider: true,
  transport: true,
  timeout: true,
  decode: false,
  unsupported: false,
}

/**
 * The message of an error of `provider`: starting with `<provider>: ` exactly once, whether the caller wrote the
 * prefix, forgot it, or wrapped a message that already had it (`bsg: bsg: login refused` becomes `bsg: login
 * refused`). A message without a provider is kept as it is.
 */
const withProviderPrefix = (provider: string | null, message: string): string => {
  if (provider === null || provider === '') return message
  const prefix = `${provider}: `
  let start = 0
  while (message.startsWith(prefix, start)) start += prefix.length
  return start === prefix.length ? message : `${prefix}${message.slice(start)}`
}

/**
 * The one error type of the library. Registered secrets (see `registerSecret`) are scrubbed from the message,
 * details, cause and stack, so the error can be logged or inspected safely. The message of an error with a
 * `provider` always starts with `<provider>: `, exactly once (added when missing, never doubled by a wrapper).
 *
 * @example
 * import { type RcsClient, RcsError } from '@rcs-records/core'
 * declare const client: RcsClient
 * try {
 *   await client.get('42')
 * } catch (error) {
 *   if (error instanceof RcsError && error.kind === 'not_found') console.log('no such message')
 * }
 */
export class RcsError extends Error {
  override readonly name = 'RcsError'
  /** What went wrong, in one word (see {@link RcsErrorKind}). */
  readonly kind: RcsErrorKind
  /** The adapter name, or null when no vendor is involved. */
  readonly provider: string | null
  /** The vendor's HTTP status, or null when there was no HTTP response. */
  readonly httpStatus: number | null
  /** Whether trying again later could succeed (defaults by kind: rate_limited, provider, transport, timeout). */
  readonly retryable: boolean
  /** How long the vendor asked to wait before trying again, when it said so. */
  readonly retryAfterMs: number | null
  /** Structured context, secrets redacted (e.g. decode issues with paths; the vendor's error body). */
  readonly details: unknown

  constructor(options: RcsErrorOptions) {
    const cause = options.cause === undefined ? undefined : sanitizeCause(options.cause)
    const provider = options.provider ?? null
    super(redact(withProviderPrefix(provider, options.message)), cause === undefined ? undefined : { cause })
    this.kind = options.kind
    this.provider = provider
    this.httpStatus = options.httpStatus ?? null
    this.retryable = options.retryable ?? DEFAULT_RETRYABLE[options.kind]
    this.retryAfterMs = options.retryAfterMs ?? null
    this.details = options.details === undefined ? null : redactDeep(options.details)
    if (typeof this.stack === 'string') this.stack = redact(this.stack)
  }

  /**
   * True when `value` is an RcsError, optionally of the given kind.
   *
   * @example
   * import { RcsError } from '@rcs-records/core'
   * RcsError.is(new RcsError({ kind: 'auth', message: 'denied' }), 'auth') // true
   */
  static is(value: unknown, kind?: RcsErrorKind): value is RcsError {
    return value instanceof RcsError && (kind === undefined || value.kind === kind)
  }

  /**
   * A plain, secret-free view for logs and JSON output (`JSON.stringify(error)` uses it).
   *
   * @example
   * import { RcsError } from '@rcs-records/core'
   * JSON.stringify(new RcsError({ kind: 'auth', message: 'denied' })) // '{"name":"RcsError","kind":"auth",…}'
   */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      provider: this.provider,
      httpStatus: this.httpStatus,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      details: this.details,
    }
  }
}

/** Keeps the cause's type and message but never the objects it references (requests, headers, bodies). */
const sanitizeCause = (cause: unknown): unknown => {
  if (cause instanceof RcsError) return cause
  if (cause instanceof Error) {
    const copy = new Error(redact(cause.message))
    copy.name = cause.name
    copy.stack = redact(cause.stack ?? `${cause.name}: ${cause.message}`)
    return copy
  }
  return redactDeep(cause)
}

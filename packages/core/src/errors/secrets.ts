/**
 * Credentials the library has been given. Every {@link RcsError} scrubs them from its message, details and cause,
 * so a key or token can never leak through an error, a log line or `util.inspect`.
 */
const registered = new Set<string>()

/** Shorter values would redact ordinary words; no real credential is this short. */
const MIN_SECRET_LENGTH = 6

const REDACTED = '[REDACTED]'

/**
 * Registers a credential (API key, password, token) so that errors never show it. Adapters call this for every
 * secret they hold, including derived forms such as a Basic-auth header value.
 *
 * @example
 * import { registerSecret } from '@rcs-records/core'
 * registerSecret('live_8f3a…')
 */
export const registerSecret = (secret: string | null | undefined): void => {
  if (typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH) registered.add(secret)
}

/**
 * Replaces every registered secret in a string with `[REDACTED]`.
 *
 * @example
 * import { redact, registerSecret } from '@rcs-records/core'
 * registerSecret('s3cr3t-token')
 * redact('Bearer s3cr3t-token') // 'Bearer [REDACTED]'
 */
export const redact = (text: string): string => {
  let out = text
  for (const secret of registered) if (out.includes(secret)) out = out.split(secret).join(REDACTED)
  return out
}

/**
 * Deep-copies plain data, redacting secrets in every string (keys included). Cycles and non-plain objects are
 * replaced by a short description.
 *
 * @example
 * import { redactDeep } from '@rcs-records/core'
 * redactDeep({ header: 'Bearer s3cr3t-token' })
 */
export const redactDeep = (value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown => {
  if (typeof value === 'string') return redact(value)
  if (value === null || typeof value !== 'object') return value
  if (depth > 8 || seen.has(value)) return '[…]'
  seen.add(value)
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1, seen))
  if (value instanceof Error) return { name: value.name, message: redact(value.message) }
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, redact(key), {
      value: redactDeep(item, depth + 1, seen),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}

/**
 * Credentials the library has been given. Every {@link RcsError} scrubs them from its message, details and cause,
 * so a key or token can never leak through an error, a log line or `util.inspect`.
 */
const registered = new Set<string>()

/** Shorter values would redact ordinary words; no real credential is this short. */
const MIN_SECRET_LENGTH = 6

const REDACTED = '[REDACTED]'

/**
 * Registers a credential (API key, password, token) so that errors never show it — as given and URL-encoded (the
 * form it takes in a query string). Adapters call this for every secret they hold, including derived forms such as
 * a Basic-auth header value; `createClient` registers config fields named like credentials, and the transport the
 * credential headers, query parameters and JSON fields of every request.
 *
 * @example
 * import { registerSecret } from '@rcs-records/core'
 * registerSecret('live_8f3a…')
 */
export const registerSecret = (secret: string | null | undefined): void => {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH || registered.has(secret)) return
  registered.add(secret)
  const encoded = encodeURIComponent(secret)
  if (encoded !== secret) registered.add(encoded)
  const formEncoded = encoded.replace(/%20/g, '+')
  if (formEncoded !== encoded) registered.add(formEncoded)
}

const CREDENTIAL_NAME = /key|token|secret|passw|pwd|auth|bearer|credential|session|cookie|signature/i

/** Whether a header, query parameter or config field name suggests its value is a credential. */
export const looksLikeCredentialName = (name: string): boolean => CREDENTIAL_NAME.test(name)

/**
 * Registers a credential-bearing header value: the whole value, the part after an auth scheme (`Bearer x` → `x`),
 * and for `Basic` the decoded `user:password` and the password.
 */
export const registerCredentialValue = (value: string): void => {
  registerSecret(value)
  const match = /^\s*([A-Za-z][\w-]*)\s+(\S.*)$/.exec(value)
  if (match === null) return
  const credentials = (match[2] as string).trim()
  registerSecret(credentials)
  if ((match[1] as string).toLowerCase() !== 'basic') return
  try {
    const decoded = atob(credentials)
    registerSecret(decoded)
    const colon = decoded.indexOf(':')
    if (colon >= 0) registerSecret(decoded.slice(colon + 1))
  } catch {
    // not base64: nothing more to derive
  }
}

/**
 * Replaces every registered secret in a string with `[REDACTED]` (longest first, so a secret that contains another
 * is removed whole).
 *
 * @example
 * import { redact, registerSecret } from '@rcs-records/core'
 * registerSecret('s3cr3t-token')
 * redact('Bearer s3cr3t-token') // 'Bearer [REDACTED]'
 */
export const redact = (text: string): string => {
  if (registered.size === 0) return text
  let out = text
  for (const secret of bySize()) if (out.includes(secret)) out = out.split(secret).join(REDACTED)
  return out
}

let sorted: string[] = []
let sortedSize = -1

/** Registered secrets, longest first; re-sorted only when the set grew. */
const bySize = (): readonly string[] => {
  if (sortedSize !== registered.size) {
    sorted = [...registered].sort((a, b) => b.length - a.length)
    sortedSize = registered.size
  }
  return sorted
}

/**
 * Whether any string in `value` (object keys included, at any depth) contains a registered secret. Walks plain data
 * without recursion (so a deeply nested payload cannot overflow the stack); cycles are visited once.
 *
 * @example
 * import { containsSecret, registerSecret } from './secrets.js'
 * registerSecret('s3cr3t-token')
 * containsSecret({ message: 'bad token s3cr3t-token' }) // true
 */
export const containsSecret = (value: unknown): boolean => {
  if (registered.size === 0) return false
  const secrets = bySize()
  const hasSecret = (text: string) => secrets.some((secret) => text.includes(secret))
  const seen = new WeakSet<object>()
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const item = pending.pop()
    if (typeof item === 'string') {
      if (hasSecret(item)) return true
      continue
    }
    if (item === null || typeof item !== 'object' || seen.has(item)) continue
    seen.add(item)
    if (Array.isArray(item)) {
      for (const entry of item) pending.push(entry)
      continue
    }
    for (const key of Object.keys(item)) {
      if (hasSecret(key)) return true
      pending.push((item as Record<string, unknown>)[key])
    }
  }
  return false
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

import { formsOfSecret, MIN_SECRET_LENGTH } from './secret-forms.js'
import { compileMatcher, REDACTED, type SecretMatcher } from './secret-matcher.js'

/**
 * The credentials one client holds, and the one place that removes them from text. Every client has its own
 * (`createClient` makes it; adapters reach it as `ctx.http.secrets`): the config's credentials, what an adapter
 * derives or is issued (a login's token), and — in a small bounded "recent" tier — the credentials of the requests it
 * sent and the tokens it replaced, which can still be echoed by an answer in flight. Each secret is redacted in every
 * form a vendor may echo it (see `formsOfSecret` in secret-forms.ts) by one precompiled automaton, rebuilt only when the set
 * changes, so redaction costs one pass over the text however many secrets there are. Secrets registered process-wide
 * with {@link registerSecret} are redacted by every set too.
 *
 * @example
 * import { createSecretSet } from '@rcs-records/core/kit'
 * const secrets = createSecretSet()
 * secrets.add('live_8f3a91c2')
 * secrets.redact('key "live_8f3a91c2" refused') // 'key "[REDACTED]" refused'
 */
export interface SecretSet {
  /** Holds a credential until it is deleted; false when it is not a string of at least 6 characters. */
  add(secret: unknown): boolean
  /** Stops holding a credential; it stays in the recent tier (an answer in flight may still echo it). */
  delete(secret: string): void
  /** A renewed credential: holds `next` and deletes `previous`. */
  replace(previous: string | null | undefined, next: string): boolean
  /** Keeps a credential in the recent tier (the last 8): a request's credential nobody registered. */
  remember(secret: string): void
  /** Whether the set holds `secret` (either tier). */
  has(secret: string): boolean
  /** How many secrets this set holds (both tiers; not counting the process-wide ones). */
  readonly size: number
  /** `text` with every form of every secret replaced by `[REDACTED]`. */
  redact(text: string): string
  /**
   * `text` redacted, then cut to `max` characters (`ellipsis` appended when cut). Redaction comes first, so a cut
   * never leaves part of a secret; with `truncated` (a body the vendor cut), a trailing start of a secret goes too.
   */
  clip(text: string, max: number, options?: { ellipsis?: string; truncated?: boolean }): string
  /** Whether a secret appears in any string (keys included, any depth) of `value`. */
  contains(value: unknown): boolean
  /** A copy of plain data with secrets redacted in every string and key (at most 8 levels; cycles cut). */
  redactDeep(value: unknown): unknown
}

/** How many replaced or request-found credentials a set keeps redacting after it stopped holding them. */
const RECENT_CAPACITY = 8

interface Internals {
  version(): number
  collect(into: Set<string>): void
}

const internals = new WeakMap<SecretSet, Internals>()

/**
 * Creates a {@link SecretSet}. `parent` (default: the process-wide set of {@link registerSecret}) is redacted too.
 *
 * @example
 * import { createSecretSet } from '@rcs-records/core/kit'
 * const secrets = createSecretSet()
 * secrets.replace(null, 'eyJhbGciOi.first.token')
 * secrets.replace('eyJhbGciOi.first.token', 'eyJhbGciOi.second.token')
 * secrets.size // 2: the current token, and the first one among the recent
 */
export const createSecretSet = (options: { parent?: SecretSet | null } = {}): SecretSet => {
  const parent = options.parent === undefined ? globalSecrets : options.parent
  const parentInternals = parent === null ? null : (internals.get(parent) ?? null)
  const held = new Set<string>()
  const recent = new Map<string, true>()
  const forms = new Map<string, readonly string[]>()
  let version = 0
  let built = -1
  let builtParent = -1
  let matcher: SecretMatcher | null = null

  const changed = () => {
    version++
  }
  const formsOf = (secret: string): readonly string[] => {
    let cached = forms.get(secret)
    if (cached === undefined) {
      cached = formsOfSecret(secret)
      forms.set(secret, cached)
    }
    return cached
  }
  const current = (): SecretMatcher | null => {
    const parentVersion = parentInternals?.version() ?? 0
    if (built === version && builtParent === parentVersion) return matcher
    const secrets = new Set<string>()
    collect(secrets)
    parentInternals?.collect(secrets)
    const all: string[] = []
    for (const secret of secrets) for (const form of formsOf(secret)) all.push(form)
    for (const secret of forms.keys()) if (!secrets.has(secret)) forms.delete(secret)
    matcher = compileMatcher(all)
    built = version
    builtParent = parentVersion
    return matcher
  }
  const collect = (into: Set<string>) => {
    for (const secret of held) into.add(secret)
    for (const secret of recent.keys()) into.add(secret)
  }
  /** Drops the oldest recent secrets beyond the capacity; whether any went. */
  const evict = (): boolean => {
    let evicted = false
    while (recent.size > RECENT_CAPACITY) {
      recent.delete(recent.keys().next().value as string)
      evicted = true
    }
    return evicted
  }
  const valid = (secret: unknown): secret is string => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH

  const set: SecretSet = {
    add: (secret) => {
      if (!valid(secret)) return false
      if (held.has(secret)) return true
      held.add(secret)
      // Already redacted when it was recent: the automaton does not change.
      if (!recent.delete(secret)) changed()
      return true
    },
    delete: (secret) => {
      if (!held.delete(secret)) return
      // Still redacted (as a recent one): the automaton changes only when that pushes the oldest out.
      recent.set(secret, true)
      if (evict()) changed()
    },
    replace: (previous, next) => {
      const added = set.add(next)
      if (typeof previous === 'string' && previous !== next) set.delete(previous)
      return added
    },
    remember: (secret) => {
      if (!valid(secret) || held.has(secret)) return
      if (recent.delete(secret)) {
        recent.set(secret, true)
        return
      }
      recent.set(secret, true)
      evict()
      changed()
    },
    has: (secret) => held.has(secret) || recent.has(secret),
    get size() {
      return held.size + recent.size
    },
    redact: (text) => {
      const active = current()
      return active === null ? text : active.redact(text)
    },
    clip: (text, max, clipOptions = {}) => {
      const ellipsis = clipOptions.ellipsis ?? '…'
      const active = current()
      if (active !== null) return active.clip(text, max, ellipsis, clipOptions.truncated ?? false)
      return text.length > max ? `${text.slice(0, max)}${ellipsis}` : text
    },
    contains: (value) => {
      const active = current()
      return active !== null && containsIn(active, value)
    },
    redactDeep: (value) => {
      const active = current()
      return active === null ? copyDeep(value, (text) => text) : copyDeep(value, active.redact)
    },
  }
  internals.set(set, { version: () => version, collect })
  return set
}

/** Walks plain data without recursion (a deeply nested payload cannot overflow the stack); cycles visited once. */
const containsIn = (matcher: SecretMatcher, value: unknown): boolean => {
  const seen = new WeakSet<object>()
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const item = pending.pop()
    if (typeof item === 'string') {
      if (matcher.test(item)) return true
      continue
    }
    if (item === null || typeof item !== 'object' || seen.has(item)) continue
    seen.add(item)
    if (Array.isArray(item)) {
      for (const entry of item) pending.push(entry)
      continue
    }
    if (item instanceof Error) {
      pending.push(item.message, item.stack)
      continue
    }
    for (const key of Object.keys(item)) {
      if (matcher.test(key)) return true
      pending.push((item as Record<string, unknown>)[key])
    }
  }
  return false
}

const MAX_COPY_DEPTH = 8

const copyDeep = (
  value: unknown,
  redactText: (text: string) => string,
  depth = 0,
  seen: WeakSet<object> = new WeakSet(),
): unknown => {
  if (typeof value === 'string') return redactText(value)
  if (value === null || typeof value !== 'object') return value
  if (depth > MAX_COPY_DEPTH || seen.has(value)) return '[…]'
  seen.add(value)
  if (Array.isArray(value)) return value.map((item) => copyDeep(item, redactText, depth + 1, seen))
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) }
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, redactText(key), {
      value: copyDeep(item, redactText, depth + 1, seen),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}

/**
 * The process-wide secrets: what {@link registerSecret} adds. Every client's {@link SecretSet} redacts them too, and
 * every `RcsError` is built with them removed. Keep it for credentials that outlive any one client (a CLI's
 * config); a client's own credentials belong in its set.
 *
 * @example
 * import { globalSecrets } from '@rcs-records/core/kit'
 * globalSecrets.size // 0 until something calls registerSecret
 */
export const globalSecrets: SecretSet = createSecretSet({ parent: null })

/**
 * Registers a credential process-wide (see {@link globalSecrets}): no error, hook event or log line of any client
 * shows it, in any form a vendor may echo it. Values shorter than 6 characters are ignored (see
 * `MIN_SECRET_LENGTH`). An adapter registers what it holds in its own client's set instead: `ctx.http.secrets.add`.
 *
 * @example
 * import { registerSecret } from '@rcs-records/core/kit'
 * registerSecret('live_8f3a…')
 */
export const registerSecret = (secret: string | null | undefined): void => {
  globalSecrets.add(secret)
}

const CREDENTIAL_NAME = /key|token|secret|passw|pwd|auth|bearer|credential|session|cookie|signature/i

/** Whether a header, query parameter or config field name suggests its value is a credential. */
export const looksLikeCredentialName = (name: string): boolean => CREDENTIAL_NAME.test(name)

/**
 * The secrets in a credential-bearing header value: the part after an auth scheme (`Bearer x` → `x`; the scheme
 * word itself is no secret), or the whole value without one; for `Basic` also the decoded `user:password` and the
 * password (the base64 forms of those cover the header's own).
 */
export const credentialParts = (value: string): string[] => {
  const match = /^\s*([A-Za-z][\w-]*)\s+(\S.*)$/.exec(value)
  if (match === null) return [value]
  const credentials = (match[2] as string).trim()
  if ((match[1] as string).toLowerCase() !== 'basic') return [credentials]
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(atob(credentials), (char) => char.charCodeAt(0)),
    )
    const colon = decoded.indexOf(':')
    return colon >= 0 ? [credentials, decoded, decoded.slice(colon + 1)] : [credentials, decoded]
  } catch {
    return [credentials]
  }
}

/**
 * Replaces every process-wide secret (see {@link registerSecret}) in a string with `[REDACTED]`, in every form a
 * vendor may echo it. A client's errors are redacted with its own {@link SecretSet} as well.
 *
 * @example
 * import { redact, registerSecret } from '@rcs-records/core/kit'
 * registerSecret('s3cr3t-token')
 * redact('Bearer s3cr3t-token') // 'Bearer [REDACTED]'
 */
export const redact = (text: string): string => globalSecrets.redact(text)

/**
 * Whether any string in `value` (object keys included, at any depth) contains a process-wide secret.
 */
export const containsSecret = (value: unknown): boolean => globalSecrets.contains(value)

/**
 * Deep-copies plain data, redacting process-wide secrets in every string (keys included). Cycles, levels past the
 * eighth and non-plain objects are replaced by a short description.
 */
export const redactDeep = (value: unknown): unknown => globalSecrets.redactDeep(value)

export { REDACTED }

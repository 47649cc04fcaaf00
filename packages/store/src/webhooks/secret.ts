import { RcsError } from '@rcs-records/core'
import { MIN_SECRET_LENGTH } from '@rcs-records/core/kit'

/** The shortest webhook secret `createWebhookHandler` accepts: a shared secret is all that guards the endpoint. */
export const MIN_WEBHOOK_SECRET_LENGTH = Math.max(16, MIN_SECRET_LENGTH)

/**
 * Checks the configured secret once, when the handler is made: a `config` RcsError (that never quotes it) unless it
 * is a string of at least {@link MIN_WEBHOOK_SECRET_LENGTH} characters.
 */
export const checkSecret = (secret: unknown): string => {
  if (typeof secret !== 'string' || secret.length < MIN_WEBHOOK_SECRET_LENGTH) {
    throw new RcsError({
      kind: 'config',
      message: `createWebhookHandler: secret must be a string of at least ${MIN_WEBHOOK_SECRET_LENGTH} characters (got ${
        typeof secret === 'string' ? `${secret.length}` : typeof secret
      })`,
    })
  }
  return secret
}

/** The password of a Basic credential (`user:password`, base64), or null when it is not one. */
const basicPassword = (encoded: string): string | null => {
  try {
    const binary = atob(encoded.trim())
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
    const colon = text.indexOf(':')
    return colon < 0 ? null : text.slice(colon + 1)
  } catch {
    return null
  }
}

/**
 * Every secret a request presents: an `Authorization: Bearer <secret>` header, the password of an
 * `Authorization: Basic` header, and the `token` query parameter (for vendor consoles that cannot set headers).
 */
export const presentedSecrets = (request: Request, url: URL): string[] => {
  const found: string[] = []
  const authorization = request.headers.get('authorization')
  if (authorization !== null) {
    const match = /^\s*(\S+)\s+(.+)$/.exec(authorization)
    if (match !== null) {
      const [, scheme = '', credential = ''] = match
      if (scheme.toLowerCase() === 'bearer') found.push(credential.trim())
      else if (scheme.toLowerCase() === 'basic') {
        const password = basicPassword(credential)
        if (password !== null) found.push(password)
      }
    }
  }
  for (const token of url.searchParams.getAll('token')) found.push(token)
  return found
}

/**
 * Whether any presented value equals the secret, compared in constant time: every character of a presented value
 * is compared (against the secret's character at the same place, cycling through the secret when the value is
 * longer) and the differences are OR-ed together, with the length difference, before the one test at the end. How
 * long it takes depends on the presented values' lengths only — which the sender knows — never on the secret's
 * length or on where the first wrong character is. No hashing: Web Crypto's `digest` is asynchronous and, on Node,
 * costs more than the rest of the answer's own work (measured by the bench's `webhooks` part).
 */
export const matchesSecret = (presented: readonly string[], secret: string): boolean => {
  let matched = false
  for (const value of presented) {
    let difference = value.length ^ secret.length
    for (let i = 0; i < value.length; i++) difference |= value.charCodeAt(i) ^ secret.charCodeAt(i % secret.length)
    matched = matched || difference === 0
  }
  return matched
}

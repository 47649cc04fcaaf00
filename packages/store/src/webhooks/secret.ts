import { RcsError } from '@rcs-records/core'
import { MIN_SECRET_LENGTH } from '@rcs-records/core/kit'

/** The shortest webhook secret `createWebhookHandler` accepts: a shared secret is all that guards the endpoint. */
export const MIN_WEBHOOK_SECRET_LENGTH = Math.max(16, MIN_SECRET_LENGTH)

const utf8 = new TextEncoder()

const digest = async (text: string): Promise<Uint8Array> =>
  new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', utf8.encode(text)))

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
 * Whether any presented value equals the secret, compared in constant time: both sides are hashed (SHA-256) first,
 * so neither a value's length nor the position of its first wrong character changes how long the comparison takes.
 */
export const matchesSecret = async (presented: readonly string[], expected: Uint8Array): Promise<boolean> => {
  let matched = false
  for (const value of presented) {
    const actual = await digest(value)
    let difference = 0
    for (let i = 0; i < expected.length; i++) difference |= (expected[i] as number) ^ (actual[i] as number)
    matched = matched || difference === 0
  }
  return matched
}

/** The digest {@link matchesSecret} compares against. */
export const secretDigest = (secret: string): Promise<Uint8Array> => digest(secret)

import { randomBytes } from 'node:crypto'
import { inspect } from 'node:util'

/** Fresh canary credentials: unique per call, so a secret registered by an earlier test cannot hide a leak. */
export interface Canaries {
  apiKey: string
  username: string
  password: string
  token: string
  all: readonly string[]
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex')

/** Creates a set of canary credentials. */
export const makeCanaries = (): Canaries => {
  const apiKey = `live_CANARYKEY${hex(10)}`
  const username = `canary-user-${hex(3)}`
  const password = `pw-CANARYPASS-${hex(10)}`
  const token = `eyJhbGciOiJIUzI1NiJ9.CANARYTOKEN${hex(12)}.sig${hex(6)}`
  return { apiKey, username, password, token, all: [apiKey, password, token] }
}

/**
 * Every form a secret could leak in: as is, URL-encoded, base64 (alone and as Basic `user:password`), and its two
 * random halves (a truncated or partly masked secret is still a leak).
 */
const formsOf = (secret: string, canaries: Canaries): string[] => {
  const random = secret.replace(/^.*CANARY(KEY|PASS|TOKEN)/, '')
  const half = Math.floor(random.length / 2)
  return [
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64'),
    Buffer.from(`${canaries.username}:${secret}`).toString('base64'),
    random.slice(0, half),
    random.slice(half),
  ].filter((form) => form.length >= 8)
}

/** The forms of the `secrets` (default: every canary) found in `text` (empty when none leaked). */
export const leaksIn = (text: string, canaries: Canaries, secrets: readonly string[] = canaries.all): string[] =>
  secrets.flatMap((secret) => formsOf(secret, canaries).filter((form) => text.includes(form)))

/** Every way an error can be shown: message, stack, String, JSON, and util.inspect (deep, hidden fields too). */
export const errorTexts = (error: unknown): string => {
  const parts: string[] = [
    String(error),
    inspect(error, { depth: 20 }),
    inspect(error, { depth: 20, showHidden: true }),
  ]
  if (error instanceof Error) {
    parts.push(error.message, error.stack ?? '', inspect(error.cause, { depth: 20 }))
    try {
      parts.push(JSON.stringify(error))
    } catch (caught) {
      parts.push(`JSON.stringify failed: ${String(caught)}`)
    }
    const details = (error as { details?: unknown }).details
    parts.push(inspect(details, { depth: 20 }))
  }
  return parts.join('\n')
}

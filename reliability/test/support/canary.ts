import { randomBytes } from 'node:crypto'
import { inspect } from 'node:util'
import { echoForms } from './echo-forms.js'

/** Fresh canary credentials: unique per call, so a secret registered by an earlier test cannot hide a leak. */
export interface Canaries {
  apiKey: string
  username: string
  password: string
  token: string
  all: readonly string[]
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex')

/**
 * How the canaries are spelt: `plain` (letters, digits, `_-.`), or `hostile` — with a quote, a backslash, a
 * slash and a space in every one (and a non-ASCII letter in the password, which travels base64-encoded), the
 * characters that JSON, URL and HTML escaping change.
 */
export type CanaryStyle = 'plain' | 'hostile'

/** Creates a set of canary credentials. */
export const makeCanaries = (style: CanaryStyle = 'plain'): Canaries => {
  const odd = style === 'hostile' ? '"q\\b/ s' : ''
  const apiKey = `live_CANARYKEY${odd}${hex(10)}`
  const username = `canary-user-${hex(3)}`
  const password = `pw-CANARYPASS${odd}${style === 'hostile' ? 'ä' : ''}${hex(10)}`
  const token = `eyJhbGciOiJIUzI1NiJ9.CANARYTOKEN${odd}${hex(12)}.sig${hex(6)}`
  return { apiKey, username, password, token, all: [apiKey, password, token] }
}

/**
 * Every form a secret could leak in: every echo form ({@link echoForms}), and the two halves of its random part (a
 * truncated or partly masked secret is still a leak).
 */
const formsOf = (secret: string, canaries: Canaries): Array<[string, string]> => {
  const random = secret.replace(/^.*CANARY(KEY|PASS|TOKEN)/, '')
  const half = Math.floor(random.length / 2)
  return [
    ...Object.entries(echoForms(secret, canaries.username)),
    ['first half', random.slice(0, half)] as [string, string],
    ['second half', random.slice(half)] as [string, string],
  ].filter(([, form]) => form.length >= 8)
}

/** The forms (by name) of the `secrets` (default: every canary) found in `text` (empty when none leaked). */
export const leaksIn = (text: string, canaries: Canaries, secrets: readonly string[] = canaries.all): string[] =>
  secrets.flatMap((secret) =>
    formsOf(secret, canaries)
      .filter(([, form]) => text.includes(form))
      .map(([name]) => `${secret.slice(0, 16)}… ${name}`),
  )

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

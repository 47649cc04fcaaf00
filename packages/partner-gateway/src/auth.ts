import type { SecretSet } from '@rcs-records/core/kit'
import { type Auth, authOf, type Config } from './config.js'

/**
 * Base64 of a string's UTF-8 bytes (what Basic auth sends), without `node:` modules.
 */
export const base64Utf8 = (text: string): string => {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/**
 * The credential headers of every request — `X-Api-Key` (the vendor's recommendation) or
 * `Authorization: Basic base64(user:pass)` — with every secret added to the client's `secrets`: the key, or the
 * password and `user:password` (whose base64 forms cover the header value), so no error can echo them in any form.
 */
export const authHeaders = (
  config: Pick<Config, 'apiKey' | 'username' | 'password'>,
  secrets: SecretSet,
): Record<string, string> => {
  const auth: Auth = authOf(config)
  if (auth.kind === 'apiKey') {
    secrets.add(auth.apiKey)
    return { 'x-api-key': auth.apiKey }
  }
  secrets.add(auth.password)
  secrets.add(`${auth.username}:${auth.password}`)
  return { authorization: `Basic ${base64Utf8(`${auth.username}:${auth.password}`)}` }
}

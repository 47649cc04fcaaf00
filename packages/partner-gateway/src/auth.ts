import { registerSecret } from '@rcs-records/core'
import { type Auth, authOf, type Config } from './codec.js'

/**
 * Base64 of a string's UTF-8 bytes (what Basic auth sends), without `node:` modules.
 *
 * @example
 * import { base64Utf8 } from './auth.js'
 * base64Utf8('acme:pässword') // 'YWNtZTpww6Rzc3dvcmQ='
 */
export const base64Utf8 = (text: string): string => {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/**
 * The credential headers of every request — `X-Api-Key` (the vendor's recommendation) or
 * `Authorization: Basic base64(user:pass)` — with every secret and its derived forms registered, so no error can
 * echo them.
 *
 * @example
 * import { authHeaders } from './auth.js'
 * authHeaders({ apiKey: 'pg-live-3f9c2a7b' }) // { 'x-api-key': 'pg-live-3f9c2a7b' }
 */
export const authHeaders = (config: Pick<Config, 'apiKey' | 'username' | 'password'>): Record<string, string> => {
  const auth: Auth = authOf(config)
  if (auth.kind === 'apiKey') {
    registerSecret(auth.apiKey)
    return { 'x-api-key': auth.apiKey }
  }
  const credentials = base64Utf8(`${auth.username}:${auth.password}`)
  registerSecret(auth.password)
  registerSecret(`${auth.username}:${auth.password}`)
  registerSecret(credentials)
  registerSecret(`Basic ${credentials}`)
  return { authorization: `Basic ${credentials}` }
}

/**
 * The claims of a JWT the token manager needs: `iat` and `exp` in epoch seconds, null when absent or unreadable.
 */
export interface JwtTimes {
  iat: number | null
  exp: number | null
}

const decodeBase64Url = (segment: string): string | null => {
  if (!/^[A-Za-z0-9_-]*$/.test(segment) || segment.length % 4 === 1) return null
  const base64 = segment
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(segment.length / 4) * 4, '=')
  try {
    const binary = atob(base64)
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

const seconds = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null

/**
 * Reads `iat` and `exp` from a JWT's payload (base64url JSON, no signature check — the token is only ever sent back
 * to BSG). Never throws: anything unreadable gives nulls.
 */
export const readJwtTimes = (token: string): JwtTimes => {
  const none: JwtTimes = { iat: null, exp: null }
  const segment = token.split('.')[1]
  if (segment === undefined) return none
  const json = decodeBase64Url(segment)
  if (json === null) return none
  let claims: unknown
  try {
    claims = JSON.parse(json)
  } catch {
    return none
  }
  if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) return none
  const record = claims as Record<string, unknown>
  return { iat: seconds(record.iat), exp: seconds(record.exp) }
}

import { RcsError } from '@rcs-records/core'
import { registerSecret } from '@rcs-records/core/kit'

/**
 * Where a store lives, as {@link parseStoreUrl} reads it from the URL given to `openStore`.
 */
export type StoreLocation =
  | { kind: 'memory' }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'postgres'; url: string; display: string }

const POSTGRES = /^postgres(?:ql)?:\/\//i
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i

const configError = (message: string) => new RcsError({ kind: 'config', message: `store: ${message}` })

/**
 * The URL without its password (and without a `password` query parameter), for messages and logs:
 * `postgres://app:secret@db:5432/rcs` → `postgres://app:***@db:5432/rcs`.
 */
export const displayUrl = (url: string): string => {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = '***'
    for (const key of [...parsed.searchParams.keys()]) {
      if (/pass|secret|token|key/i.test(key)) parsed.searchParams.set(key, '***')
    }
    return parsed.toString()
  } catch {
    return `${url.slice(0, url.indexOf('://') + 3)}***`
  }
}

/** Registers every credential a PostgreSQL URL carries, so no RcsError can show it (see core's `registerSecret`). */
const registerUrlSecrets = (url: string): void => {
  registerSecret(url)
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') {
      registerSecret(parsed.password)
      registerSecret(decodeURIComponent(parsed.password))
    }
    for (const [key, value] of parsed.searchParams) if (/pass|secret|token|key/i.test(key)) registerSecret(value)
  } catch {
    // not parseable: the whole URL is registered above
  }
}

/**
 * Reads the URL of `openStore`: nothing or `memory://` → PGlite in memory; `pglite:<dir>`, `pglite://<dir>`,
 * `file:<dir>` or a plain path → PGlite on disk; `postgres://…` / `postgresql://…` → a server. Credentials in a
 * PostgreSQL URL are registered as secrets, so they never appear in an error.
 */
export const parseStoreUrl = (url: string | undefined): StoreLocation => {
  if (url === undefined) return { kind: 'memory' }
  if (typeof url !== 'string') throw configError('the store URL must be a string')
  const text = url.trim()
  if (text === '' || text === 'memory://' || text === 'memory:' || text === 'pglite://memory') return { kind: 'memory' }
  if (POSTGRES.test(text)) {
    registerUrlSecrets(text)
    try {
      new URL(text)
    } catch {
      throw configError(`not a valid PostgreSQL URL: ${displayUrl(text)}`)
    }
    return { kind: 'postgres', url: text, display: displayUrl(text) }
  }
  for (const prefix of ['pglite://', 'pglite:', 'file://', 'file:']) {
    if (text.toLowerCase().startsWith(prefix)) {
      const dataDir = decodeURI(text.slice(prefix.length))
      if (dataDir === '') throw configError(`\`${text}\` names no directory`)
      return { kind: 'pglite', dataDir }
    }
  }
  if (OTHER_SCHEME.test(text)) {
    throw configError(
      `unsupported store URL scheme in ${displayUrl(text)}: use memory://, pglite:<directory>, a directory path, or postgres://…`,
    )
  }
  return { kind: 'pglite', dataDir: text }
}

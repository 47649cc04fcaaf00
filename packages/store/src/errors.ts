import { RcsError } from '@rcs-records/core'
import { redact } from '@rcs-records/core/kit'

/** SQLSTATE classes and Node error codes that mean the connection, not the statement, failed. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
])

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * Whether a database error means the connection failed (refused, reset, closed, the server shutting down) rather
 * than the statement.
 */
export const isConnectionFailure = (error: unknown): boolean => {
  const code = codeOf(error)
  if (code !== undefined && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true
  return /Connection terminated|connection is closed|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(
    messageOf(error),
  )
}

/**
 * Turns whatever a database driver threw into an {@link RcsError}: `transport` when the connection failed, `auth`
 * when the server refused the credentials, otherwise `provider` (the database refused the statement), with the SQLSTATE in `details`. The message names the
 * store by `where` (a URL without its password), never by the URL given.
 */
export const storeError = (error: unknown, where: string, action: string): RcsError => {
  if (error instanceof RcsError) return error
  const code = codeOf(error)
  const connection = isConnectionFailure(error)
  // SQLSTATE class 28: invalid authorization (a wrong password, a role that may not log in).
  const auth = code?.startsWith('28') === true
  return new RcsError({
    kind: connection ? 'transport' : auth ? 'auth' : 'provider',
    message: redact(
      `store (${where}): ${action} failed: ${connection ? 'cannot reach the database: ' : ''}${messageOf(error)}`,
    ),
    retryable: connection || code === '40001' || code === '40P01',
    details: { sqlState: code ?? null },
    cause: error,
  })
}

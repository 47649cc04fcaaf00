import { RcsError } from './rcs-error.js'

/**
 * What a failure that is not an {@link RcsError} (a bug in an adapter or an injected function) becomes, so that every
 * error a client surfaces has a kind: `provider`, not retryable, the original kept as a sanitized `cause`.
 */
export const unexpectedError = (provider: string | null, error: unknown): RcsError => {
  if (error instanceof RcsError) return error
  const prefix = provider === null ? '' : `${provider}: `
  return new RcsError({
    kind: 'provider',
    provider,
    retryable: false,
    message: `${prefix}adapter failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
    cause: error,
  })
}

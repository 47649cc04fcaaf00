import { RcsError } from './rcs-error.js'
import type { SecretSet } from './secrets.js'

const scrubCause = (secrets: SecretSet, cause: unknown): unknown => {
  if (cause instanceof RcsError) return scrubError(secrets, cause)
  if (cause instanceof Error) {
    if (!secrets.contains(cause)) return cause
    const copy = new Error(secrets.redact(cause.message))
    copy.name = cause.name
    copy.stack = secrets.redact(cause.stack ?? `${cause.name}: ${cause.message}`)
    return copy
  }
  return secrets.contains(cause) ? secrets.redactDeep(cause) : cause
}

const needsScrub = (secrets: SecretSet, error: RcsError): boolean =>
  secrets.contains(error.message) ||
  secrets.contains(error.stack ?? '') ||
  secrets.contains(error.details) ||
  (error.cause !== undefined && scrubCause(secrets, error.cause) !== error.cause)

/**
 * An {@link RcsError} with the secrets of `secrets` removed from its message, stack, details and cause (at any
 * depth of causes). The error itself when none appears (the usual case: nothing is copied); otherwise a copy of the
 * same class, kind and fields — `details` redacted deeply, the raw payload of a decode error included. A client
 * passes every error it surfaces through this, whichever code built it (the transport, an adapter, a callback).
 */
export const scrubError = <E>(secrets: SecretSet, error: E): E => {
  if (!(error instanceof RcsError) || !needsScrub(secrets, error)) return error
  const descriptors = Object.getOwnPropertyDescriptors(error) as Record<string, PropertyDescriptor>
  const replace = (name: string, value: unknown) => {
    const descriptor = descriptors[name]
    descriptors[name] =
      descriptor !== undefined && 'value' in descriptor
        ? { ...descriptor, value }
        : { value, writable: true, enumerable: false, configurable: true }
  }
  replace('message', secrets.redact(error.message))
  if (typeof error.stack === 'string') replace('stack', secrets.redact(error.stack))
  if (secrets.contains(error.details)) replace('details', secrets.redactDeep(error.details))
  if (error.cause !== undefined) replace('cause', scrubCause(secrets, error.cause))
  return Object.create(Object.getPrototypeOf(error), descriptors) as E
}

import type { RcsErrorKind } from '../errors/rcs-error.js'
import { redact } from '../errors/secrets.js'

/**
 * The default kind of an HTTP failure status: 401/403 auth, 404/410 not_found, 408 timeout, 429 rate_limited,
 * 5xx provider, other 4xx bad_request.
 *
 * @example
 * import { kindOfStatus } from '@rcs-records/core'
 * kindOfStatus(422) // 'bad_request'
 */
export const kindOfStatus = (status: number): RcsErrorKind => {
  if (status === 401 || status === 403) return 'auth'
  if (status === 404 || status === 410) return 'not_found'
  if (status === 408) return 'timeout'
  if (status === 429) return 'rate_limited'
  if (status >= 500) return 'provider'
  return 'bad_request'
}

/**
 * Whether a status is worth retrying for an idempotent request: 408, 429 and every 5xx.
 *
 * @example
 * import { isRetryableStatus } from '@rcs-records/core'
 * isRetryableStatus(503) // true
 * isRetryableStatus(422) // false
 */
export const isRetryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null)

/**
 * The vendor's own words from an error body: `message`, `error_description`/`errorDescription`, `error`, `detail`,
 * or the text itself — on one line, registered secrets redacted, shortened to 300 characters. Field-level `errors`
 * are summarised too.
 *
 * @example
 * import { vendorMessageOf } from '@rcs-records/core'
 * vendorMessageOf({ message: 'The given data was invalid.' }) // 'The given data was invalid.'
 */
export const vendorMessageOf = (body: unknown): string | null => {
  let message: string | null = null
  if (typeof body === 'string') message = text(body)
  else if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const record = body as Record<string, unknown>
    message =
      text(record.message) ??
      text(record.errorDescription) ??
      text(record.error_description) ??
      text(record.error) ??
      text(record.detail) ??
      null
    const errors = record.errors
    if (errors !== null && typeof errors === 'object') {
      const flat = JSON.stringify(errors)
      message = message === null ? flat : `${message} ${flat}`
    }
  }
  if (message === null) return null
  // Redact before shortening: a cut could otherwise leave part of a credential behind.
  const single = redact(message).replace(/\s+/g, ' ').trim()
  return single.length > 300 ? `${single.slice(0, 297)}...` : single
}

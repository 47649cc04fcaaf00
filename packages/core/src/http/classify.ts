import { boundedJson } from '../errors/bounded-copy.js'
import type { RcsErrorKind } from '../errors/rcs-error.js'
import { globalSecrets, type SecretSet } from '../errors/secrets.js'

/**
 * The default kind of an HTTP failure status: 401/403 auth, 404/410 not_found, 408 timeout, 429 rate_limited,
 * 5xx provider, other 4xx bad_request.
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
 * 5xx statuses that say the server will never do this, however often it is asked: 501 Not Implemented, 505 HTTP
 * Version Not Supported, 506 Variant Also Negotiates, 508 Loop Detected, 510 Not Extended, 511 Network
 * Authentication Required (a captive portal or proxy wants a login).
 */
const PERMANENT_5XX = new Set([501, 505, 506, 508, 510, 511])

/**
 * Whether a status is worth retrying for an idempotent request: 408, 429 and every 5xx except the permanent ones
 * (501, 505, 506, 508, 510, 511).
 */
export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || (status >= 500 && !PERMANENT_5XX.has(status))

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null)

/** Characters of a vendor message kept in an error message. */
const MAX_MESSAGE = 300

/**
 * The vendor's own words from an error body: `message`, `error_description`/`errorDescription`, `error`, `detail`,
 * or the text itself — on one line, secrets redacted (the process-wide ones, and those of `secrets` when given),
 * shortened to 300 characters. Field-level `errors` are summarised too, through `boundedJson` (a body nested
 * 100,000 levels deep or a million entries wide costs a few hundred characters, and never throws).
 *
 * @example
 * import { vendorMessageOf } from '@rcs-records/core/kit'
 * vendorMessageOf({ message: 'The given data was invalid.' }) // 'The given data was invalid.'
 */
export const vendorMessageOf = (body: unknown, secrets: SecretSet = globalSecrets): string | null => {
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
    // Only as much as the message can show: the rest would be cut anyway.
    if (message !== null) message = secrets.clip(message, MAX_MESSAGE * 2, { ellipsis: '' })
    const errors = record.errors
    if (errors !== null && typeof errors === 'object') {
      const flat = boundedJson(errors, { secrets, depth: 6, entries: 20, stringLength: 200, maxLength: MAX_MESSAGE })
      message = message === null ? flat : `${message} ${flat}`
    }
  }
  if (message === null) return null
  // Redact before anything else: collapsing spaces could change a secret, a cut could leave part of one behind.
  const single = secrets
    .clip(message, MAX_MESSAGE * 2, { ellipsis: '' })
    .replace(/\s+/g, ' ')
    .trim()
  return single.length > MAX_MESSAGE ? `${single.slice(0, MAX_MESSAGE - 3)}...` : single
}

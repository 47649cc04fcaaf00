import { RcsError } from './rcs-error.js'

/**
 * A `bad_request` error: the caller asked for something that cannot be done as asked (an invalid query, option or
 * argument), so nothing was sent. `provider` (when given) prefixes the message once, as every {@link RcsError}'s;
 * `details` says which field (`{ field: 'campaign' }`).
 *
 * @example
 * import { badRequest } from '@rcs-records/core/kit'
 * badRequest('`campaign` must be a BSG campaign id', { provider: 'bsg', details: { field: 'campaign' } }).message
 * // 'bsg: `campaign` must be a BSG campaign id'
 */
export const badRequest = (message: string, options: { provider?: string; details?: unknown } = {}): RcsError =>
  new RcsError({ kind: 'bad_request', message, provider: options.provider ?? null, details: options.details })

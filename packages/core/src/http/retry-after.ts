/**
 * Reads a `Retry-After` header: delta-seconds or an HTTP date. Returns ms from `now`, or null when absent/unusable.
 *
 * @example
 * import { parseRetryAfter } from '@rcs-records/core'
 * parseRetryAfter('12', Date.now()) // 12000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT')) // 60000
 */
export const parseRetryAfter = (value: string | null, now: number): number | null => {
  if (value === null) return null
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const at = Date.parse(text)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

/**
 * Backoff before retry number `retry` (0-based): exponential from `baseDelayMs`, capped at `maxDelayMs`, with
 * "equal jitter" (half fixed, half random) so clients spread out without ever retrying instantly.
 *
 * @example
 * import { backoffDelay } from '@rcs-records/core'
 * backoffDelay(2, { baseDelayMs: 100, maxDelayMs: 10_000 }, () => 0.5) // 300
 */
export const backoffDelay = (
  retry: number,
  options: { baseDelayMs: number; maxDelayMs: number },
  random: () => number = Math.random,
): number => {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry)
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

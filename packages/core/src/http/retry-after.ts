const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)'
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)'
const TIME = '\\d{2}:\\d{2}:\\d{2}'
/** The three HTTP-date formats of RFC 9110 §5.6.7: IMF-fixdate, RFC 850 and asctime. Nothing else is a date. */
const HTTP_DATE = new RegExp(
  `^(?:${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT|${LONG_DAY}, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT|${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4})$`,
)

/**
 * Reads a `Retry-After` header: delta-seconds (`120`; a decimal is tolerated) or an HTTP date in one of the three
 * formats HTTP defines. Returns ms from `now` — 0 for `0` or a date already past (the caller still waits its
 * minimum backoff) — or null when absent or not one of those (`-5`, `May 5`, `1, 2`, `soon`): the caller then backs
 * off as usual. A lenient date parser would read `-5` or `May 5` as a day in 2001 and retry at once.
 */
export const parseRetryAfter = (value: string | null, now: number): number | null => {
  if (value === null) return null
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) {
    const ms = Math.round(Number(text) * 1000)
    return Number.isFinite(ms) ? ms : null
  }
  if (!HTTP_DATE.test(text)) return null
  // asctime carries no zone but means GMT (a bare date would be read as local time). RFC 850's two-digit year is
  // read as 19xx/20xx by the usual 50-year pivot.
  const at = Date.parse(text.endsWith('GMT') ? text : `${text} GMT`)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

/**
 * Backoff before retry number `retry` (0-based): exponential from `baseDelayMs`, capped at `maxDelayMs`, with
 * "equal jitter" (half fixed, half random) so clients spread out without ever retrying instantly.
 */
export const backoffDelay = (
  retry: number,
  options: { baseDelayMs: number; maxDelayMs: number },
  random: () => number = Math.random,
): number => {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry)
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

import { parseIsoTimestamp } from '@rcs-records/core/kit'
import { parseDuration } from './duration.js'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const RELATIVE = /^now\s*-\s*(.+)$/i

/**
 * Parses a point in time given on the command line: an ISO-8601 timestamp (with `Z` or an offset; without one it is
 * UTC), a date (`2026-01-31`, midnight UTC), `now`, or `now-<duration>` (`now-2h`, `now-7d`). Returns the canonical
 * ISO UTC string, or null when the text is none of these.
 */
export const parseInstant = (text: string, nowMs: number): string | null => {
  const value = text.trim()
  if (value.toLowerCase() === 'now') return new Date(nowMs).toISOString()
  const relative = RELATIVE.exec(value)
  if (relative !== null) {
    const ago = parseDuration(relative[1] ?? '')
    return ago === null ? null : new Date(nowMs - ago).toISOString()
  }
  if (DATE_ONLY.test(value)) return parseIsoTimestamp(`${value}T00:00:00Z`)
  return parseIsoTimestamp(value)
}

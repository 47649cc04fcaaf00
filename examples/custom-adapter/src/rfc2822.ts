const MONTHS: Readonly<Record<string, number>> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
}

const RFC_2822 =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s*)?(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|GMT|UT|UTC|Z)$/

/**
 * Parses an RFC 2822 date (`Fri, 24 May 2019 17:18:28 +0000`, how Twilio writes `date_*`) to canonical ISO UTC with
 * milliseconds. Anything else — including impossible dates such as 31 Feb — gives null, never an exception.
 */
export const parseRfc2822 = (value: unknown): string | null => {
  if (typeof value !== 'string' || value.length > 40) return null
  const m = RFC_2822.exec(value.trim())
  if (m === null) return null
  const day = Number(m[1])
  const month = MONTHS[m[2] as string] as number
  const year = Number(m[3])
  const hour = Number(m[4])
  const minute = Number(m[5])
  const second = m[6] === undefined ? 0 : Number(m[6])
  if (hour > 23 || minute > 59 || second > 60) return null
  const utc = Date.UTC(year, month, day, hour, minute, Math.min(second, 59))
  if (new Date(utc).getUTCDate() !== day) return null
  const zone = m[7] as string
  const offsetMinutes = /^[+-]/.test(zone)
    ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)))
    : 0
  return new Date(utc - offsetMinutes * 60_000).toISOString()
}

/**
 * Formats an instant as RFC 2822 in GMT, as Twilio does (used by the example's test server).
 */
export const formatRfc2822 = (instant: number): string => new Date(instant).toUTCString().replace('GMT', '+0000')

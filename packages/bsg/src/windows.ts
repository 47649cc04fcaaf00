import { formatZonedTimestamp } from '@rcs-records/core'

/**
 * One `/api/messages` query window: `filter[from]` and `filter[to]` as BSG wants them (`yyyy-mm-dd hh:mm:ss`,
 * wall-clock time in the configured zone). BSG's filters are to the second and inclusive at both ends.
 *
 * @example
 * import type { BsgWindow } from '@rcs-records/bsg'
 * const q1: BsgWindow = { from: '2024-01-01 00:00:00', to: '2024-03-31 23:59:59' }
 */
export interface BsgWindow {
  from: string
  to: string
}

/** The longest window BSG accepts, in calendar months. */
const WINDOW_MONTHS = 3

const SECOND = 1000

/**
 * An instant's wall-clock time in `timeZone`, read as if it were UTC ("floating" time), milliseconds kept. Windows
 * are planned on this scale because that is the scale BSG compares its zone-less filters on.
 *
 * @example
 * import { floatingTime } from '@rcs-records/bsg'
 * floatingTime(Date.parse('2024-07-01T09:00:00Z'), 'Europe/Kyiv') === Date.parse('2024-07-01T12:00:00Z') // true
 */
export const floatingTime = (instant: number, timeZone: string): number => {
  const wall = formatZonedTimestamp(instant, timeZone)
  const millis = ((instant % SECOND) + SECOND) % SECOND
  return Date.parse(`${wall.replace(' ', 'T')}Z`) + millis
}

/**
 * Moves a floating time by calendar months, clamping the day (31 May − 3 months = 28/29 February).
 *
 * @example
 * import { shiftMonths } from '@rcs-records/bsg'
 * new Date(shiftMonths(Date.parse('2024-05-31T10:00:00Z'), -3)).toISOString() // '2024-02-29T10:00:00.000Z'
 */
export const shiftMonths = (floating: number, months: number): number => {
  const date = new Date(floating)
  const day = date.getUTCDate()
  date.setUTCDate(1)
  date.setUTCMonth(date.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate()
  date.setUTCDate(Math.min(day, lastDay))
  return date.getTime()
}

const formatFloating = (floating: number): string => formatZonedTimestamp(floating, 'UTC')

/**
 * Splits the floating range `[from, to)` into BSG windows of at most 3 calendar months. Every second in the range
 * belongs to exactly one window: a window covers its seconds `from … to` inclusive and the next one starts at the
 * following second (a record stamped `hh:mm:ss` is in `[from, to)` when its second starts in it).
 * Each window's 3 months count from its own start (as BSG checks them), so a window that starts on a clamped day
 * (28 February) is never longer than 3 months.
 *
 * @example
 * import { planFloatingWindows } from '@rcs-records/bsg'
 * planFloatingWindows(Date.parse('2024-01-01T00:00:00Z'), Date.parse('2024-04-15T00:00:00Z'))
 * // [{ from: '2024-01-01 00:00:00', to: '2024-03-31 23:59:59' }, { from: '2024-04-01 00:00:00', to: '2024-04-14 23:59:59' }]
 */
export const planFloatingWindows = (from: number, to: number): BsgWindow[] => {
  const end = Math.ceil(to / SECOND) * SECOND
  const windows: BsgWindow[] = []
  for (let start = Math.ceil(from / SECOND) * SECOND; start < end; ) {
    const next = Math.min(shiftMonths(start, WINDOW_MONTHS), end)
    windows.push({ from: formatFloating(start), to: formatFloating(next - SECOND) })
    start = next
  }
  return windows
}

/**
 * Plans the BSG windows of a listing `[from, to)` (epoch ms): `to` clamped to `now` (BSG refuses future dates),
 * both ends written as wall-clock time in `timeZone`, split into consecutive windows of at most 3 calendar months
 * that neither skip nor repeat a second. An empty or inverted range gives none.
 *
 * In a zone with DST, the hour repeated when clocks go back has the same wall-clock seconds twice; BSG's zone-less
 * data cannot tell them apart, so those seconds are queried once (in the window that holds them).
 *
 * @example
 * import { planWindows } from '@rcs-records/bsg'
 * planWindows(Date.parse('2024-03-31T00:30:00Z'), Date.parse('2024-03-31T01:30:00Z'), Date.now(), 'Europe/Kyiv')
 * // [{ from: '2024-03-31 02:30:00', to: '2024-03-31 04:29:59' }]
 */
export const planWindows = (from: number, to: number, now: number, timeZone: string): BsgWindow[] => {
  const end = Math.min(to, now)
  if (!(from < end)) return []
  const floatingEnd = Math.min(floatingTime(end, timeZone), floatingTime(now, timeZone))
  return planFloatingWindows(floatingTime(from, timeZone), floatingEnd)
}

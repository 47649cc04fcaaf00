import { addMonthsUtc, formatZonedTimestamp } from '@rcs-records/core/kit'

/**
 * One `/api/messages` query window: `filter[from]` and `filter[to]` as BSG wants them (`yyyy-mm-dd hh:mm:ss`,
 * wall-clock time in the configured zone). BSG's filters are to the second and inclusive at both ends.
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
 */
export const floatingTime = (instant: number, timeZone: string): number => {
  const wall = formatZonedTimestamp(instant, timeZone)
  const millis = ((instant % SECOND) + SECOND) % SECOND
  return Date.parse(`${wall.replace(' ', 'T')}Z`) + millis
}

// A floating time is read as a UTC instant, so calendar months move it with core's `addMonthsUtc` (the day clamped:
// 31 May − 3 months = 29 February) and it is written with the UTC formatter.
const formatFloating = (floating: number): string => formatZonedTimestamp(floating, 'UTC')

/**
 * Splits the floating range `[from, to)` into BSG windows of at most 3 calendar months. Every second in the range
 * belongs to exactly one window: a window covers its seconds `from … to` inclusive and the next one starts at the
 * following second (a record stamped `hh:mm:ss` is in `[from, to)` when its second starts in it).
 * Each window's 3 months count from its own start (as BSG checks them), so a window that starts on a clamped day
 * (28 February) is never longer than 3 months.
 */
export const planFloatingWindows = (from: number, to: number): BsgWindow[] => {
  const end = Math.ceil(to / SECOND) * SECOND
  const windows: BsgWindow[] = []
  for (let start = Math.ceil(from / SECOND) * SECOND; start < end; ) {
    const next = Math.min(addMonthsUtc(start, WINDOW_MONTHS), end)
    windows.push({ from: formatFloating(start), to: formatFloating(next - SECOND) })
    start = next
  }
  return windows
}

const DAY = 86_400_000

/** Offset of `timeZone` from UTC at `instant`, in ms (Kyiv in summer: +3 h). */
const offsetAt = (instant: number, timeZone: string): number => floatingTime(instant, timeZone) - instant

/**
 * One change of a zone's offset: at instant `at`, from `before` to `after` (ms east of UTC).
 */
export interface ZoneTransition {
  at: number
  before: number
  after: number
}

/**
 * The offset changes of `timeZone` in `[from, to]` (epoch ms), in order: offsets sampled once a day, each change
 * then found to the millisecond. Like the timestamp parser, it assumes a zone changes its offset at most once a day.
 */
export const zoneTransitions = (from: number, to: number, timeZone: string): ZoneTransition[] => {
  const transitions: ZoneTransition[] = []
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return transitions
  let at = from
  let offset = offsetAt(at, timeZone)
  while (at < to) {
    const next = Math.min(at + DAY, to)
    const nextOffset = offsetAt(next, timeZone)
    if (nextOffset === offset) {
      at = next
      continue
    }
    // offsetAt(lo) === offset, offsetAt(hi) !== offset: halve until they are 1 ms apart.
    let lo = at
    let hi = next
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2)
      if (offsetAt(mid, timeZone) === offset) lo = mid
      else hi = mid
    }
    const after = offsetAt(hi, timeZone)
    transitions.push({ at: hi, before: offset, after })
    at = hi
    offset = after
  }
  return transitions
}

/**
 * How the adapter reads wall-clock times near `[from, to)`: floating time `L` denotes `L − offset` of the piece it is
 * in. Piece `i` starts at `T_i + after_i` (floating), so a wall time repeated when clocks go back falls in the piece
 * after the change (its later instant) and one skipped when they go forward in the piece before it (pushed forward by
 * the gap): the rule of core's zone-less timestamp parser.
 */
interface ZoneReading {
  /** Floating start of each piece (the first is -∞) and the offset it reads with. */
  pieces: Array<{ start: number; offset: number }>
  /** Floating `[start, end)` of the wall times that are repeated or skipped. */
  ambiguous: Array<{ start: number; end: number }>
}

const readingOf = (from: number, to: number, timeZone: string): ZoneReading => {
  // A day's margin on each side: a piece reaches at most one offset change beyond the instants it reads as.
  const transitions = zoneTransitions(from - DAY, to + DAY, timeZone)
  const pieces = [{ start: Number.NEGATIVE_INFINITY, offset: transitions[0]?.before ?? offsetAt(from, timeZone) }]
  const ambiguous: ZoneReading['ambiguous'] = []
  for (const { at, before, after } of transitions) {
    pieces.push({ start: at + after, offset: after })
    ambiguous.push({ start: at + Math.min(before, after), end: at + Math.max(before, after) })
  }
  return { pieces, ambiguous }
}

/** The instant the adapter reads floating time `floating` as. */
const instantOf = (reading: ZoneReading, floating: number): number => {
  let offset = 0
  for (const piece of reading.pieces) {
    if (piece.start > floating) break
    offset = piece.offset
  }
  return floating - offset
}

/** The ambiguous range holding whole second `second`, if any. */
const ambiguousAt = (reading: ZoneReading, second: number): { start: number; end: number } | undefined =>
  reading.ambiguous.find((range) => second >= range.start && second < range.end)

const floorSecond = (ms: number): number => Math.floor(ms / SECOND) * SECOND
const ceilSecond = (ms: number): number => Math.ceil(ms / SECOND) * SECOND

/** Inclusive floating seconds `[first, last]`. */
interface SecondRange {
  first: number
  last: number
}

/**
 * The wall-clock seconds the adapter reads as instants in `[from, to)`: per piece, the floating times whose
 * reading falls in the range. At most one range per piece; adjacent ones merged.
 */
const secondsReadIn = (reading: ZoneReading, from: number, to: number): SecondRange[] => {
  const ranges: SecondRange[] = []
  const { pieces } = reading
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index] as { start: number; offset: number }
    const end = pieces[index + 1]?.start ?? Number.POSITIVE_INFINITY
    const first = ceilSecond(Math.max(piece.start, from + piece.offset))
    const last = ceilSecond(Math.min(end, to + piece.offset)) - SECOND
    if (first > last) continue
    const previous = ranges[ranges.length - 1]
    if (previous !== undefined && first <= previous.last + SECOND) previous.last = Math.max(previous.last, last)
    else ranges.push({ first, last })
  }
  return ranges
}

/**
 * Moves the ends of each range off ambiguous wall times: a first second in a repeated or skipped hour goes back to
 * the second before it, a last second forward to the first second after it (unless BSG would read that as later than
 * `now`). An unambiguous end means the same instant however BSG reads its filters — compared as wall clock, or as an
 * instant in either pass — so the window holds both passes of a repeated hour whichever it is. Ranges that then meet
 * are merged.
 */
const unambiguousEnds = (reading: ZoneReading, ranges: SecondRange[], now: number): SecondRange[] => {
  const moved: SecondRange[] = []
  for (const range of ranges) {
    let { first, last } = range
    const before = ambiguousAt(reading, first)
    if (before !== undefined) first = floorSecond(before.start) - SECOND
    const after = ambiguousAt(reading, last)
    if (after !== undefined) {
      const next = ceilSecond(after.end)
      if (instantOf(reading, next) <= now) last = next
    }
    const previous = moved[moved.length - 1]
    if (previous !== undefined && first <= previous.last + SECOND) previous.last = Math.max(previous.last, last)
    else moved.push({ first, last })
  }
  return moved
}

/**
 * Splits inclusive floating seconds into BSG windows of at most 3 calendar months (each counted from its own start),
 * never splitting inside or at the edge of a repeated or skipped hour (a split there would put a window end on an
 * ambiguous wall time; it moves to just before that hour).
 */
const splitRange = (reading: ZoneReading, range: SecondRange): BsgWindow[] => {
  const windows: BsgWindow[] = []
  for (let start = range.first; start <= range.last; ) {
    let next = Math.min(addMonthsUtc(start, WINDOW_MONTHS), range.last + SECOND)
    if (next <= range.last) {
      const at = ambiguousAt(reading, next) ?? ambiguousAt(reading, next - SECOND)
      if (at !== undefined) next = floorSecond(at.start) - SECOND
    }
    windows.push({ from: formatFloating(start), to: formatFloating(next - SECOND) })
    start = next
  }
  return windows
}

/**
 * Plans the BSG windows of a listing `[from, to)` (epoch ms) in `timeZone`: `to` clamped to `now` (BSG refuses future
 * dates), windows of at most 3 calendar months, in order. The windows hold every wall-clock second the adapter reads
 * as an instant in the range — by core's rule for zone-less timestamps, an ambiguous wall time is its later instant
 * — so the records a listing keeps after filtering by parsed `createdAt` are exactly those of `[from, to)`, and
 * consecutive ranges partition the records across both clock changes of the year:
 *
 * - the hour repeated when clocks go back (Kyiv, 27 October 2024: 03:00–03:59 twice) is read as its second pass, so
 *   its wall times belong to the range holding the second pass, and that range asks for the whole repeated hour:
 *   the records of both passes (which BSG's zone-less stamps cannot tell apart) come back together;
 * - the hour skipped when clocks go forward has no records, but its wall times are read (pushed forward by the gap)
 *   as instants after the change, so they belong to the range holding those;
 * - a window never starts or ends on an ambiguous wall time (it moves outward to the nearest unambiguous second), so
 *   it means the same instants whether BSG compares its filters as wall-clock text or reads them as instants in
 *   either pass; the extra records this may return are removed by the filter;
 * - every window end is read as an instant no later than `now`, in every one of those readings.
 *
 * An empty or inverted range gives none.
 */
export const planWindows = (from: number, to: number, now: number, timeZone: string): BsgWindow[] => {
  const end = Math.min(to, now)
  if (!(from < end)) return []
  const reading = readingOf(from, end, timeZone)
  const ranges = unambiguousEnds(reading, secondsReadIn(reading, from, end), now)
  return ranges.flatMap((range) => splitRange(reading, range))
}

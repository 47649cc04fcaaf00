import { addMonthsUtc, formatZonedTimestamp } from '@rcs-records/core/kit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalize } from '../src/index.js'
import { type BsgWindow, planWindows } from '../src/windows.js'

/**
 * The DST partition: for consecutive UTC ranges, every BSG record — known only by its zone-less local timestamp —
 * is (a) inside a window requested by the range that holds its parsed instant, and (b) kept by exactly one range
 * once each range's results are filtered back to `[from, to)` by the parsed instant (what core's list scaffolding
 * does). Records are put around both clock changes of a year, and so are the cuts.
 */

const SECOND = 1000
const HOUR = 3_600_000
const ZONES = ['Europe/Kyiv', 'America/New_York', 'Australia/Lord_Howe', 'UTC'] as const
type Zone = (typeof ZONES)[number]

/** Offset of `zone` at `instant` (wall clock read as UTC, minus the instant), through core's formatter. */
const offsetAt = (instant: number, zone: string): number =>
  Date.parse(`${formatZonedTimestamp(instant, zone).replace(' ', 'T')}Z`) - Math.floor(instant / SECOND) * SECOND

/** The instants `zone` changes its offset in `year` (found by a 15-minute scan, then to the second). */
const transitionsOf = (zone: string, year: number): number[] => {
  const found: number[] = []
  const end = Date.UTC(year + 1, 0, 1)
  for (let t = Date.UTC(year, 0, 1); t < end; t += 15 * 60_000) {
    const before = offsetAt(t, zone)
    if (offsetAt(t + 15 * 60_000, zone) === before) continue
    let lo = t
    let hi = t + 15 * 60_000
    while (hi - lo > SECOND) {
      const mid = lo + Math.floor((hi - lo) / 2 / SECOND) * SECOND
      if (offsetAt(mid, zone) === before) lo = mid
      else hi = mid
    }
    found.push(hi)
  }
  return found
}

const TRANSITIONS = new Map<string, number[]>()
for (const zone of ZONES) {
  for (const year of [2024, 2025]) TRANSITIONS.set(`${zone}|${year}`, transitionsOf(zone, year))
}

/** Anchors for random instants: the two changes of the year (or two fixed instants in UTC). */
const anchorsOf = (zone: Zone, year: number): number[] => {
  const transitions = TRANSITIONS.get(`${zone}|${year}`) ?? []
  return transitions.length > 0 ? transitions : [Date.UTC(year, 2, 31, 1), Date.UTC(year, 9, 27, 1)]
}

/** An instant near one of the anchors (within 3 hours, to the millisecond), or anywhere in the year. */
const instantNear = (zone: Zone, year: number) =>
  fc
    .oneof(
      { weight: 4, arbitrary: fc.tuple(fc.nat(1), fc.integer({ min: -3 * HOUR, max: 3 * HOUR })) },
      { weight: 1, arbitrary: fc.tuple(fc.constant(-1), fc.integer({ min: 0, max: 364 * 24 * HOUR })) },
    )
    .map(([anchor, delta]) =>
      anchor < 0 ? Date.UTC(year, 0, 1) + delta : (anchorsOf(zone, year)[anchor] as number) + delta,
    )

/** What BSG would do with a window: the three readings of zone-less filters a server may have. */
type ServerModel = 'wall-clock' | 'instant-later' | 'instant-earlier'

/** The instant a zone-less text denotes when the repeated hour is read as its first pass (the other reading). */
const earlierInstant = (text: string, zone: string): number => {
  const asIfUtc = Date.parse(`${text.replace(' ', 'T')}Z`)
  const candidates = [-14, -12, -11, -10, -9, -8, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 14]
    .flatMap((hours) => [hours * HOUR, hours * HOUR + 30 * 60_000])
    .map((offset) => asIfUtc - offset)
    .filter((instant) => formatZonedTimestamp(instant, zone) === text)
  return candidates.length > 0 ? Math.min(...candidates) : parsed(text, zone)
}

/** The instant the adapter reads a record's `created_at` as (through its real normaliser). */
const parsed = (text: string, zone: string): number => {
  const result = normalize({ id: 1, status: 'sent', created_at: text }, { timeZone: zone })
  if (result._tag === 'Left' || result.right.createdAt === null) throw new Error(`unparsed ${text}`)
  return Date.parse(result.right.createdAt)
}

interface Record_ {
  /** When the record was really created. */
  instant: number
  /** Its `created_at`: the wall clock at that instant, to the second. */
  stamp: string
  /** What the adapter reads the stamp as. */
  parsedAt: number
}

/** A requested window as each server model sees it. */
interface ServedWindow {
  window: BsgWindow
  later: [number, number]
  earlier: [number, number]
}

const served = (window: BsgWindow, zone: string): ServedWindow => ({
  window,
  later: [parsed(window.from, zone), parsed(window.to, zone) + SECOND],
  earlier: [earlierInstant(window.from, zone), earlierInstant(window.to, zone) + SECOND],
})

const returnedBy = (record: Record_, { window, later, earlier }: ServedWindow, model: ServerModel): boolean => {
  if (model === 'wall-clock') return window.from <= record.stamp && record.stamp <= window.to
  const [from, to] = model === 'instant-later' ? later : earlier
  return from <= record.instant && record.instant < to
}

const checkPartition = (
  zone: Zone,
  instants: readonly number[],
  cutInstants: readonly number[],
  now: number,
  models: readonly ServerModel[],
): void => {
  const cuts = [...new Set(cutInstants)].sort((a, b) => a - b)
  const ranges = cuts.slice(1).map((to, k) => ({ from: cuts[k] as number, to }))
  const plans = ranges.map((range) => planWindows(range.from, range.to, now, zone))
  // Windows stay within BSG's rules: at most 3 months each, never after now (read the adapter's way).
  for (const windows of plans) {
    for (const window of windows) {
      const from = Date.parse(`${window.from.replace(' ', 'T')}Z`)
      const to = Date.parse(`${window.to.replace(' ', 'T')}Z`)
      expect(from).toBeLessThanOrEqual(to)
      expect(to).toBeLessThan(addMonthsUtc(from, 3))
      expect(parsed(window.to, zone)).toBeLessThanOrEqual(now)
    }
  }
  const records: Record_[] = instants
    .map((instant) => Math.floor(instant / SECOND) * SECOND)
    .filter((instant) => instant < now)
    .map((instant) => {
      const stamp = formatZonedTimestamp(instant, zone)
      return { instant, stamp, parsedAt: parsed(stamp, zone) }
    })
  const servedPlans = plans.map((windows) => windows.map((window) => served(window, zone)))
  const first = cuts[0] as number
  const last = cuts[cuts.length - 1] as number
  for (const model of models) {
    for (const record of records) {
      const kept = ranges.filter(
        (range, k) =>
          (servedPlans[k] as ServedWindow[]).some((window) => returnedBy(record, window, model)) &&
          range.from <= record.parsedAt &&
          record.parsedAt < range.to,
      ).length
      const inRanges = record.parsedAt >= first && record.parsedAt < last
      const context = `${model}: ${record.stamp} (${new Date(record.instant).toISOString()}) in ${zone}`
      // A record read as an instant not yet past (a first-pass stamp of an hour that is repeating now) may come
      // early or with the next listing, never twice; every other record comes exactly once.
      if (inRanges && record.parsedAt >= now) expect(kept, context).toBeLessThanOrEqual(1)
      else expect(kept, context).toBe(inRanges ? 1 : 0)
    }
  }
}

const scenario = fc.constantFrom(...ZONES).chain((zone) =>
  fc.constantFrom(2024, 2025).chain((year) =>
    fc.record({
      zone: fc.constant(zone),
      instants: fc.array(instantNear(zone, year), { minLength: 1, maxLength: 40 }),
      cuts: fc.array(instantNear(zone, year), { minLength: 2, maxLength: 8 }),
      now: instantNear(zone, year),
    }),
  ),
)

const FAR_FUTURE = Date.UTC(2030, 0, 1)

describe('BSG windows across clock changes: consecutive UTC ranges partition the records', () => {
  it('whatever way BSG reads its zone-less filters (property)', () => {
    fc.assert(
      fc.property(scenario, ({ zone, instants, cuts }) => {
        checkPartition(zone, instants, cuts, FAR_FUTURE, ['wall-clock', 'instant-later', 'instant-earlier'])
      }),
      { numRuns: 300 },
    )
  })

  it('with `to` clamped to a now that falls anywhere, even in a repeated hour (property)', () => {
    fc.assert(
      fc.property(scenario, ({ zone, instants, cuts, now }) => {
        checkPartition(zone, instants, [...cuts, now + HOUR], now, ['wall-clock', 'instant-later'])
      }),
      { numRuns: 300 },
    )
  })

  it('Europe/Kyiv, autumn 2024: a cut inside the repeated hour keeps both passes, each record once', () => {
    const t = Date.parse
    checkPartition(
      'Europe/Kyiv',
      // 03:10 and 03:40 local, first pass (EEST) and second pass (EET).
      [t('2024-10-27T00:10:00Z'), t('2024-10-27T00:40:00Z'), t('2024-10-27T01:10:00Z'), t('2024-10-27T01:40:00Z')],
      [t('2024-10-26T23:00:00Z'), t('2024-10-27T00:30:00Z'), t('2024-10-27T01:30:00Z'), t('2024-10-27T03:00:00Z')],
      FAR_FUTURE,
      ['wall-clock', 'instant-later', 'instant-earlier'],
    )
  })
})

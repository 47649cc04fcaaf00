import { addMonthsUtc, parseIsoTimestamp } from '@rcs-records/core/kit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { floatingTime, planFloatingWindows, planWindows, zoneTransitions } from '../src/windows.js'

const at = (iso: string) => Date.parse(iso)
/** A window edge read back as wall-clock-as-UTC ms. */
const edge = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`)

describe('planWindows', () => {
  it('splits a 7-month range into 3 windows of at most 3 months, none in the future', () => {
    const now = at('2024-08-15T12:00:00.250Z')
    const windows = planWindows(at('2024-01-01T00:00:00Z'), at('2024-09-01T00:00:00Z'), now, 'UTC')
    expect(windows).toEqual([
      { from: '2024-01-01 00:00:00', to: '2024-03-31 23:59:59' },
      { from: '2024-04-01 00:00:00', to: '2024-06-30 23:59:59' },
      { from: '2024-07-01 00:00:00', to: '2024-08-15 12:00:00' },
    ])
    for (const window of windows) {
      expect(edge(window.to)).toBeLessThan(addMonthsUtc(edge(window.from), 3))
      expect(edge(window.to)).toBeLessThanOrEqual(now)
    }
  })

  it('splits exactly 7 months (Jan 1 → Aug 1) into 3 windows', () => {
    const windows = planWindows(
      at('2024-01-01T00:00:00Z'),
      at('2024-08-01T00:00:00Z'),
      at('2025-01-01T00:00:00Z'),
      'UTC',
    )
    expect(windows.map((w) => [w.from, w.to])).toEqual([
      ['2024-01-01 00:00:00', '2024-03-31 23:59:59'],
      ['2024-04-01 00:00:00', '2024-06-30 23:59:59'],
      ['2024-07-01 00:00:00', '2024-07-31 23:59:59'],
    ])
  })

  it('writes the filters as wall-clock time in the zone, across the spring DST change in Kyiv', () => {
    // 00:30Z is 02:30 EET (UTC+2); 01:30Z is 04:30 EEST (UTC+3): clocks jumped 03:00 → 04:00 in between.
    expect(
      planWindows(at('2024-03-31T00:30:00Z'), at('2024-03-31T01:30:00Z'), at('2025-01-01T00:00:00Z'), 'Europe/Kyiv'),
    ).toEqual([{ from: '2024-03-31 02:30:00', to: '2024-03-31 04:29:59' }])
  })

  it('rounds to whole seconds without losing or repeating one', () => {
    const windows = planWindows(
      at('2024-01-01T00:00:00.200Z'),
      at('2024-01-01T00:00:10.700Z'),
      at('2025-01-01T00:00:00Z'),
      'UTC',
    )
    // [00:00:00.200, 00:00:10.700): seconds 1…10 start inside the range.
    expect(windows).toEqual([{ from: '2024-01-01 00:00:01', to: '2024-01-01 00:00:10' }])
  })

  it('gives nothing for an empty, inverted or future range', () => {
    const now = at('2024-06-01T00:00:00Z')
    expect(planWindows(now, now, now, 'UTC')).toEqual([])
    expect(planWindows(now + 1000, now, now + 5000, 'UTC')).toEqual([])
    expect(planWindows(now + 1000, now + 9000, now, 'UTC')).toEqual([])
  })

  it('plans ordered windows of at most 3 months, exactly [from, to) where the zone has no clock change (property)', () => {
    const zone = fc.constantFrom('UTC', 'Europe/Kyiv', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe')
    const instant = fc.integer({ min: at('2019-01-01T00:00:00Z'), max: at('2026-01-01T00:00:00Z') })
    fc.assert(
      fc.property(zone, instant, fc.integer({ min: 0, max: 3 * 366 * 86_400_000 }), (timeZone, from, length) => {
        const to = from + length
        const windows = planWindows(from, to, at('2030-01-01T00:00:00Z'), timeZone)
        let previousEnd: number | null = null
        for (const window of windows) {
          const start = edge(window.from)
          const end = edge(window.to)
          if (end < start) return false
          if (end >= addMonthsUtc(start, 3)) return false
          if (previousEnd !== null && start <= previousEnd) return false
          previousEnd = end
        }
        // Without a clock change (UTC, Kolkata, or a range far from one), the seconds of [from, to) in wall-clock
        // terms, consecutive.
        const changes = timeZone === 'UTC' || timeZone === 'Asia/Kolkata'
        if (!changes || floatingTime(to, timeZone) - to !== floatingTime(from, timeZone) - from) return true
        if (windows.length === 0) return Math.ceil(to / 1000) <= Math.ceil(from / 1000)
        const first = edge(windows[0]?.from as string)
        const last = edge(windows[windows.length - 1]?.to as string)
        return (
          first === Math.ceil(floatingTime(from, timeZone) / 1000) * 1000 &&
          last === Math.ceil(floatingTime(to, timeZone) / 1000) * 1000 - 1000 &&
          windows.every((window, k) => k === 0 || edge(window.from) === edge(windows[k - 1]?.to as string) + 1000)
        )
      }),
      { numRuns: 500 },
    )
  })

  describe('the hour repeated when clocks go back (Europe/Kyiv, 2024-10-27: 03:00–03:59 twice)', () => {
    const now = at('2025-01-01T00:00:00Z')
    const kyiv = (from: string, to: string, clock = now) => planWindows(at(from), at(to), clock, 'Europe/Kyiv')

    it('its wall times are read as the second pass, so the range holding the second pass asks for the whole hour', () => {
      // [00:30Z, 01:30Z): the second half of the first pass (no wall time reads as it) and the first half of the
      // second pass (03:00–03:29, read as 01:00–01:29Z). The window holds both passes and ends off the hour.
      expect(kyiv('2024-10-27T00:30:00Z', '2024-10-27T01:30:00Z')).toEqual([
        { from: '2024-10-27 02:59:59', to: '2024-10-27 04:00:00' },
      ])
      expect(kyiv('2024-10-27T01:30:00Z', '2024-10-27T03:00:00Z')).toEqual([
        { from: '2024-10-27 02:59:59', to: '2024-10-27 04:59:59' },
      ])
    })

    it('the first pass alone holds no reading of any wall time: nothing to ask for', () => {
      expect(kyiv('2024-10-27T00:00:00Z', '2024-10-27T01:00:00Z')).toEqual([])
    })

    it('never splits a long range inside the repeated hour', () => {
      // 3 months from 2024-07-27 03:30 would end at 2024-10-27 03:29:59, inside the repeated hour.
      expect(kyiv('2024-07-27T00:30:00Z', '2024-12-01T00:00:00Z')).toEqual([
        { from: '2024-07-27 03:30:00', to: '2024-10-27 02:59:58' },
        { from: '2024-10-27 02:59:59', to: '2024-12-01 01:59:59' },
      ])
    })

    it('while the hour is repeating, asks for nothing read as later than now', () => {
      // now = 01:30Z (03:30 in the second pass): the second pass up to now; the first pass's 03:30–03:59 stamps read
      // as 01:30–01:59Z, not yet past.
      expect(kyiv('2024-10-26T23:00:00Z', '2024-10-27T03:00:00Z', at('2024-10-27T01:30:00Z'))).toEqual([
        { from: '2024-10-27 02:00:00', to: '2024-10-27 03:29:59' },
      ])
      // now = 00:30Z (03:30 in the first pass): every 03:xx stamp reads as the second pass, still to come.
      expect(kyiv('2024-10-26T23:00:00Z', '2024-10-27T03:00:00Z', at('2024-10-27T00:30:00Z'))).toEqual([
        { from: '2024-10-27 02:00:00', to: '2024-10-27 02:59:59' },
      ])
    })
  })

  it('a record stamped on a boundary second lands in exactly one window', () => {
    const windows = planWindows(
      at('2024-01-01T00:00:00Z'),
      at('2024-08-01T00:00:00Z'),
      at('2025-01-01T00:00:00Z'),
      'Europe/Kyiv',
    )
    for (const stamp of ['2024-04-01 02:00:00', '2024-04-01 01:59:59', '2024-07-01 02:00:00']) {
      expect(windows.filter((w) => w.from <= stamp && stamp <= w.to)).toHaveLength(1)
    }
    // Kyiv is UTC+2 on 1 January: the range starts at 02:00 local.
    expect(windows[0]?.from).toBe('2024-01-01 02:00:00')
    expect(parseIsoTimestamp(windows[0]?.from, 'Europe/Kyiv')).toBe('2024-01-01T00:00:00.000Z')
  })
})

describe('planFloatingWindows and addMonthsUtc', () => {
  it('clamps the day when shifting months', () => {
    expect(new Date(addMonthsUtc(at('2024-05-31T10:00:00Z'), -3)).toISOString()).toBe('2024-02-29T10:00:00.000Z')
    expect(new Date(addMonthsUtc(at('2024-11-30T00:00:00Z'), 3)).toISOString()).toBe('2025-02-28T00:00:00.000Z')
  })

  it('counts each window from its own start, so a window starting on a clamped day stays within 3 months', () => {
    expect(planFloatingWindows(at('2023-11-30T00:00:00Z'), at('2024-09-01T00:00:00Z'))).toEqual([
      { from: '2023-11-30 00:00:00', to: '2024-02-28 23:59:59' },
      { from: '2024-02-29 00:00:00', to: '2024-05-28 23:59:59' },
      { from: '2024-05-29 00:00:00', to: '2024-08-28 23:59:59' },
      { from: '2024-08-29 00:00:00', to: '2024-08-31 23:59:59' },
    ])
  })

  it('plans windows on wall-clock time', () => {
    expect(planFloatingWindows(at('2024-01-01T00:00:00Z'), at('2024-04-15T00:00:00Z'))).toEqual([
      { from: '2024-01-01 00:00:00', to: '2024-03-31 23:59:59' },
      { from: '2024-04-01 00:00:00', to: '2024-04-14 23:59:59' },
    ])
  })
})

describe('zoneTransitions', () => {
  it('finds each offset change to the millisecond, with the offsets on either side', () => {
    const hour = 3_600_000
    expect(zoneTransitions(at('2024-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z'), 'Europe/Kyiv')).toEqual([
      { at: at('2024-03-31T01:00:00Z'), before: 2 * hour, after: 3 * hour },
      { at: at('2024-10-27T01:00:00Z'), before: 3 * hour, after: 2 * hour },
    ])
    // Lord Howe moves by half an hour: back at 02:00 local (15:00Z) in April, forward at 02:00 in October.
    expect(zoneTransitions(at('2024-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z'), 'Australia/Lord_Howe')).toEqual([
      { at: at('2024-04-06T15:00:00Z'), before: 11 * hour, after: 10.5 * hour },
      { at: at('2024-10-05T15:30:00Z'), before: 10.5 * hour, after: 11 * hour },
    ])
    expect(zoneTransitions(at('2024-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z'), 'UTC')).toEqual([])
    expect(zoneTransitions(at('2024-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z'), 'Asia/Kolkata')).toEqual([])
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatIsoSeconds, formatZonedTimestamp, isValidTimeZone, parseIsoTimestamp, toEpochMs } from '../src/kit.js'
import { IsoTimestampCodec } from '../src/model/record.js'

const KYIV = 'Europe/Kyiv'

describe('parseIsoTimestamp', () => {
  it.each([
    ['2021-04-27T19:44:06Z', '2021-04-27T19:44:06.000Z'],
    ['2021-04-27T19:44:06z', '2021-04-27T19:44:06.000Z'],
    ['2021-04-27T19:44:06.5Z', '2021-04-27T19:44:06.500Z'],
    ['2021-04-27T19:44:06.123456789Z', '2021-04-27T19:44:06.123Z'],
    ['2025-10-16T12:42:18+02:00', '2025-10-16T10:42:18.000Z'],
    ['2025-10-16T12:42:18+0200', '2025-10-16T10:42:18.000Z'],
    ['2025-10-16T12:42:18+02', '2025-10-16T10:42:18.000Z'],
    ['2025-10-16T12:42:18-05:30', '2025-10-16T18:12:18.000Z'],
    ['2025-10-16T00:30:00+03:00', '2025-10-15T21:30:00.000Z'],
    ['2025-10-16 12:42:18Z', '2025-10-16T12:42:18.000Z'],
    ['2025-10-16T12:42Z', '2025-10-16T12:42:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2025-10-16T12:42:18', '2025-10-16T12:42:18.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(parseIsoTimestamp(input)).toBe(expected)
  })

  it('reads a zone-less timestamp in the assumed zone', () => {
    expect(parseIsoTimestamp('2024-07-01T12:00:00', KYIV)).toBe('2024-07-01T09:00:00.000Z')
    expect(parseIsoTimestamp('2024-07-01T12:00:00Z', KYIV)).toBe('2024-07-01T12:00:00.000Z')
  })

  it.each([
    '2021-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2021-04-31T00:00:00Z',
    '2021-13-01T00:00:00Z',
    '2021-00-10T00:00:00Z',
    '2021-04-00T00:00:00Z',
    '2021-04-27T24:00:00Z',
    '2021-04-27T23:60:00Z',
    '2021-04-27T23:59:60Z',
    '2021-04-27T19:44:06+25:00',
    '2021-04-27T19:44:06+02:75',
    '2021-04-27',
    '27.04.2021 19:44',
    'yesterday',
    '',
    '2021-04-27T19:44:06Z junk',
    ` 2021-04-27T19:44:06Z`,
    '1619552646',
  ])('gives null for %s', (input) => {
    expect(parseIsoTimestamp(input)).toBeNull()
  })

  it.each([null, undefined, 1619552646000, {}, new Date()])('gives null for the non-string %s', (input) => {
    expect(parseIsoTimestamp(input)).toBeNull()
  })

  it('gives null when the offset moves the instant outside years 0000–9999 (not writable canonically)', () => {
    expect(parseIsoTimestamp('9999-12-31T23:00:00-05:00')).toBeNull()
    expect(parseIsoTimestamp('0000-01-01T00:30:00+01:00')).toBeNull()
    expect(parseIsoTimestamp('0000-01-01 00:30:00', KYIV)).toBeNull()
    expect(parseIsoTimestamp('9999-12-31T23:59:59.999Z')).toBe('9999-12-31T23:59:59.999Z')
    expect(parseIsoTimestamp('0000-01-01T00:00:00Z')).toBe('0000-01-01T00:00:00.000Z')
  })

  it('gives null for absurdly long input without scanning it', () => {
    expect(parseIsoTimestamp(`2021-04-27T19:44:06Z${' '.repeat(10_000)}`)).toBeNull()
  })

  it('round-trips every canonical timestamp (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const iso = new Date(ms).toISOString()
        expect(parseIsoTimestamp(iso)).toBe(iso)
      }),
    )
  })
})

describe('parsers only ever produce canonical timestamps (fast-check)', () => {
  const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'))
  const isoish = fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
      two(13),
      two(32),
      fc.constantFrom('T', ' '),
      two(25),
      two(61),
      two(61),
      fc.constantFrom('', '.5', '.123', '.123456789'),
      fc.constantFrom('', 'Z', '+14:00', '-12:00', '+05:45', '+0200', '-03', '+19:00'),
    )
    .map(([y, mo, d, sep, h, mi, se, frac, zone]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${se}${frac}${zone}`)

  it('parseIsoTimestamp gives null or a timestamp RcsRecordCodec accepts', () => {
    fc.assert(
      fc.property(isoish, fc.constantFrom('UTC', KYIV, 'Pacific/Kiritimati'), (text, zone) => {
        const iso = parseIsoTimestamp(text, zone)
        if (iso !== null) expect(IsoTimestampCodec.is(iso)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('parseIsoTimestamp gives null or a timestamp RcsRecordCodec accepts', () => {
    fc.assert(
      fc.property(isoish, fc.constantFrom('UTC', KYIV, 'America/Santiago'), (text, zone) => {
        const iso = parseIsoTimestamp(text, zone)
        if (iso !== null) expect(IsoTimestampCodec.is(iso)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})

describe('parseIsoTimestamp in Europe/Kyiv', () => {
  it('winter (+02:00) and summer (+03:00)', () => {
    expect(parseIsoTimestamp('2024-01-15 12:00:00', KYIV)).toBe('2024-01-15T10:00:00.000Z')
    expect(parseIsoTimestamp('2024-07-01 12:00:00', KYIV)).toBe('2024-07-01T09:00:00.000Z')
  })

  it('spring forward, 2024-03-31: 03:00–03:59 does not exist and is pushed forward by the hour', () => {
    expect(parseIsoTimestamp('2024-03-31 02:59:59', KYIV)).toBe('2024-03-31T00:59:59.000Z')
    expect(parseIsoTimestamp('2024-03-31 03:00:00', KYIV)).toBe('2024-03-31T01:00:00.000Z')
    expect(parseIsoTimestamp('2024-03-31 03:30:00', KYIV)).toBe('2024-03-31T01:30:00.000Z')
    expect(parseIsoTimestamp('2024-03-31 04:00:00', KYIV)).toBe('2024-03-31T01:00:00.000Z')
    expect(parseIsoTimestamp('2024-03-31 04:30:00', KYIV)).toBe('2024-03-31T01:30:00.000Z')
    expect(parseIsoTimestamp('2024-03-31 12:00:00', KYIV)).toBe('2024-03-31T09:00:00.000Z')
  })

  it('fall back, 2024-10-27: 03:00–03:59 happens twice and is read as its later (second) occurrence', () => {
    expect(parseIsoTimestamp('2024-10-27 02:59:59', KYIV)).toBe('2024-10-26T23:59:59.000Z')
    expect(parseIsoTimestamp('2024-10-27 03:00:00', KYIV)).toBe('2024-10-27T01:00:00.000Z')
    expect(parseIsoTimestamp('2024-10-27 03:30:00', KYIV)).toBe('2024-10-27T01:30:00.000Z')
    expect(parseIsoTimestamp('2024-10-27 03:59:59', KYIV)).toBe('2024-10-27T01:59:59.000Z')
    expect(parseIsoTimestamp('2024-10-27 04:00:00', KYIV)).toBe('2024-10-27T02:00:00.000Z')
    expect(parseIsoTimestamp('2024-10-27 12:00:00', KYIV)).toBe('2024-10-27T10:00:00.000Z')
  })

  it('the same wall time gives the same answer however often it is asked (the offset cache is sound)', () => {
    for (let i = 0; i < 3; i++) {
      expect(parseIsoTimestamp('2024-10-27 03:15:00', KYIV)).toBe('2024-10-27T01:15:00.000Z')
      expect(parseIsoTimestamp('2024-10-27 04:15:00', KYIV)).toBe('2024-10-27T02:15:00.000Z')
      expect(parseIsoTimestamp('2024-03-31 03:15:00', KYIV)).toBe('2024-03-31T01:15:00.000Z')
      expect(parseIsoTimestamp('2024-01-15 12:15:00', KYIV)).toBe('2024-01-15T10:15:00.000Z')
    }
  })

  it('UTC and the default zone read the wall time as UTC', () => {
    expect(parseIsoTimestamp('2024-03-31 03:30:00', 'UTC')).toBe('2024-03-31T03:30:00.000Z')
    expect(parseIsoTimestamp('2024-03-31 03:30:00')).toBe('2024-03-31T03:30:00.000Z')
    expect(parseIsoTimestamp('2024-03-31T03:30:00.250', 'Etc/UTC')).toBe('2024-03-31T03:30:00.250Z')
  })

  it.each(['2024-02-30 10:00:00', '2024-03-31 25:00:00', '2024-03-31', 'junk', ''])('gives null for %s', (input) => {
    expect(parseIsoTimestamp(input, KYIV)).toBeNull()
  })

  it('throws a RangeError for a time zone the runtime does not know', () => {
    expect(() => parseIsoTimestamp('2024-01-01 00:00:00', 'Mars/Olympus')).toThrow(RangeError)
  })
})

describe('formatZonedTimestamp', () => {
  it('formats across both DST changes in Kyiv', () => {
    expect(formatZonedTimestamp(new Date('2024-03-31T00:59:59Z'), KYIV)).toBe('2024-03-31 02:59:59')
    expect(formatZonedTimestamp(new Date('2024-03-31T01:00:00Z'), KYIV)).toBe('2024-03-31 04:00:00')
    expect(formatZonedTimestamp(new Date('2024-10-27T00:30:00Z'), KYIV)).toBe('2024-10-27 03:30:00')
    expect(formatZonedTimestamp(new Date('2024-10-27T01:30:00Z'), KYIV)).toBe('2024-10-27 03:30:00')
    expect(formatZonedTimestamp(Date.parse('2024-10-27T02:00:00Z'), KYIV)).toBe('2024-10-27 04:00:00')
  })

  it('formats in UTC by default, midnight as 00', () => {
    expect(formatZonedTimestamp(Date.parse('2024-01-01T00:00:00.999Z'))).toBe('2024-01-01 00:00:00')
    expect(formatZonedTimestamp(Date.parse('2024-01-01T22:00:00Z'), KYIV)).toBe('2024-01-02 00:00:00')
  })

  it('formatIsoSeconds drops milliseconds', () => {
    expect(formatIsoSeconds(new Date('2025-01-01T00:00:00.123Z'))).toBe('2025-01-01T00:00:00Z')
    expect(formatIsoSeconds(0)).toBe('1970-01-01T00:00:00Z')
  })
})

describe('zoned round trips (fast-check)', () => {
  const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => ms - (ms % 1000))
  const zones = fc.constantFrom(
    KYIV,
    'UTC',
    'America/New_York',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'America/Santiago',
  )

  it('format then parse gives back the instant, except for the first occurrence of a repeated hour', () => {
    fc.assert(
      fc.property(instant, zones, (ms, zone) => {
        const wall = formatZonedTimestamp(ms, zone)
        const parsed = parseIsoTimestamp(wall, zone) as string
        expect(formatZonedTimestamp(Date.parse(parsed), zone)).toBe(wall)
        if (Date.parse(parsed) !== ms) {
          // Only a repeated wall time may map elsewhere, and then to its later occurrence: never before it was written.
          expect(Date.parse(parsed)).toBeGreaterThan(ms)
          expect(Date.parse(parsed) - ms).toBeLessThanOrEqual(3_600_000)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('every Kyiv instant of 2024 round-trips hour by hour except the repeated hour', () => {
    const start = Date.UTC(2024, 0, 1)
    let mismatches = 0
    for (let ms = start; ms < Date.UTC(2025, 0, 1); ms += 3_600_000 + 17_000) {
      const back = Date.parse(parseIsoTimestamp(formatZonedTimestamp(ms, KYIV), KYIV) as string)
      if (back !== ms) {
        mismatches++
        expect(ms).toBeGreaterThanOrEqual(Date.parse('2024-10-27T00:00:00Z'))
        expect(ms).toBeLessThan(Date.parse('2024-10-27T01:00:00Z'))
      }
    }
    expect(mismatches).toBeLessThanOrEqual(1)
  })
})

describe('isValidTimeZone / toEpochMs', () => {
  it('knows IANA zones', () => {
    expect(isValidTimeZone(KYIV)).toBe(true)
    expect(isValidTimeZone('Europe/Kiev')).toBe(true)
    expect(isValidTimeZone('UTC')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })

  it('reads Dates, ISO strings, dates and epoch ms; null otherwise', () => {
    expect(toEpochMs('2025-01-01T00:00:00Z')).toBe(1735689600000)
    expect(toEpochMs('2025-01-01T02:00:00+02:00')).toBe(1735689600000)
    expect(toEpochMs('2025-01-01')).toBe(1735689600000)
    expect(toEpochMs(new Date(1735689600000))).toBe(1735689600000)
    expect(toEpochMs(1735689600000)).toBe(1735689600000)
    expect(toEpochMs('2021-02-30')).toBeNull()
    expect(toEpochMs('next tuesday')).toBeNull()
    expect(toEpochMs(new Date('junk'))).toBeNull()
    expect(toEpochMs(Number.NaN)).toBeNull()
    expect(toEpochMs(Number.POSITIVE_INFINITY)).toBeNull()
    expect(toEpochMs(undefined)).toBeNull()
    expect(toEpochMs(null)).toBeNull()
  })
})

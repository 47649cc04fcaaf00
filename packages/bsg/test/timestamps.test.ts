import { parseIsoTimestamp } from '@rcs-records/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createTimestampReader } from '../src/timestamps.js'

const ZONES = [
  'UTC',
  'Europe/Kyiv',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Africa/Casablanca',
]

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** `yyyy-mm-dd hh:mm:ss` texts, mostly valid, some with impossible days or hours. */
const bsgStamp = fc
  .record({
    year: fc.integer({ min: 1850, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 60 }),
    separator: fc.constantFrom(' ', 'T'),
  })
  .map(
    (f) =>
      `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}${f.separator}${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`,
  )

describe('timestamp reader', () => {
  it('gives exactly what core gives, in every zone (property)', () => {
    const readers = new Map(ZONES.map((zone) => [zone, createTimestampReader(zone)]))
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.oneof(bsgStamp, fc.string(), fc.anything()), (zone, value) => {
        const read = readers.get(zone) as (value: unknown) => string | null
        const expected = typeof value === 'string' ? parseIsoTimestamp(value, zone) : null
        return read(value) === expected && read(value) === expected // second call: from the cache
      }),
      { numRuns: 20_000 },
    )
  })

  it('matches core on every minute around the DST changes in Kyiv', () => {
    const read = createTimestampReader('Europe/Kyiv')
    for (const day of ['2024-03-31', '2024-10-27']) {
      for (let minute = 0; minute < 6 * 60; minute++) {
        const text = `${day} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:30`
        expect(read(text)).toBe(parseIsoTimestamp(text, 'Europe/Kyiv'))
      }
    }
  })

  it('rejects impossible dates and reads offsets as written', () => {
    const read = createTimestampReader('Europe/Kyiv')
    expect(read('2023-02-29 10:00:00')).toBeNull()
    expect(read('2024-02-29 10:00:00')).toBe('2024-02-29T08:00:00.000Z')
    expect(read('2000-01-23T04:56:07.000+00:00')).toBe('2000-01-23T04:56:07.000Z')
  })
})

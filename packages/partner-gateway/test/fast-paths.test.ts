import { parseIsoTimestamp, toE164 } from '@rcs-records/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readE164 } from '../src/phone.js'
import { formatIsoMillis, readIsoTimestamp } from '../src/timestamp.js'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Timestamps in (and around) the shape partner-gateway sends, including invalid fields. */
const timestampText = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 0, max: 9999 })),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{0,10}$/), { nil: undefined }),
    zone: fc.oneof(
      fc.constant('Z'),
      fc.constant('z'),
      fc.constant(''),
      fc
        .record({
          sign: fc.constantFrom('+', '-'),
          h: fc.integer({ min: 0, max: 19 }),
          m: fc.constantFrom(0, 30, 45, 60),
        })
        .map(({ sign, h, m }) => `${sign}${pad(h)}:${pad(m)}`),
      fc.constantFrom('+0100', '+01', '+1:00', '+01:0'),
    ),
    separator: fc.constantFrom('T', 'T', 'T', ' ', 't'),
  })
  .map(
    (f) =>
      `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}${f.separator}${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${f.fraction === undefined ? '' : `.${f.fraction}`}${f.zone}`,
  )

describe('readIsoTimestamp: exactly what core gives', () => {
  it('agrees with parseIsoTimestamp on generated timestamps, valid or not', () => {
    fc.assert(
      fc.property(timestampText, (text) => {
        expect(readIsoTimestamp(text)).toBe(parseIsoTimestamp(text))
      }),
      { numRuns: 20_000 },
    )
  })

  it('agrees on arbitrary strings and on runs of timestamps in the same hour', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => readIsoTimestamp(text) === parseIsoTimestamp(text)))
    const base = Date.UTC(2025, 2, 30, 0, 0, 0)
    for (let i = 0; i < 5000; i++) {
      const local = new Date(base + i * 37_000).toISOString().slice(0, 19)
      for (const zone of ['+01:00', '+02:00', '-05:00', 'Z']) {
        expect(readIsoTimestamp(`${local}${zone}`)).toBe(parseIsoTimestamp(`${local}${zone}`))
      }
    }
  })

  it('reads the documented forms', () => {
    expect(readIsoTimestamp('2025-10-16T12:42:18+02:00')).toBe('2025-10-16T10:42:18.000Z')
    expect(readIsoTimestamp('2026-04-09T10:30:00Z')).toBe('2026-04-09T10:30:00.000Z')
    expect(readIsoTimestamp('2025-01-01T00:30:00.5+01:00')).toBe('2024-12-31T23:30:00.500Z')
    expect(readIsoTimestamp('2024-02-29T23:00:00-02:00')).toBe('2024-03-01T01:00:00.000Z')
    expect(readIsoTimestamp('2025-02-29T10:00:00Z')).toBeNull()
  })

  it('formats like Date#toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (ms) => {
        expect(formatIsoMillis(ms)).toBe(new Date(ms).toISOString())
      }),
      { numRuns: 20_000 },
    )
  })
})

describe('readE164: exactly what core gives', () => {
  it('agrees with toE164 on phone-like and arbitrary values', () => {
    const phoneLike = fc.stringMatching(/^\+?[0-9 ()-]{0,18}$/)
    fc.assert(
      fc.property(fc.oneof(phoneLike, fc.anything()), (value) => readE164(value) === toE164(value)),
      {
        numRuns: 20_000,
      },
    )
    expect(readE164('+393401234567')).toBe('+393401234567')
    expect(readE164('+0393401234')).toBeNull()
  })
})

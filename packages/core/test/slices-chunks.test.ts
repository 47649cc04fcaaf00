import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chunkIds, splitTimeRange, uniqueIds } from '../src/kit.js'

const at = (iso: string) => Date.parse(iso)
const isoSlices = (slices: Array<{ from: number; to: number }>) =>
  slices.map((s) => `${new Date(s.from).toISOString().slice(0, 10)}..${new Date(s.to).toISOString().slice(0, 10)}`)

describe('splitTimeRange', () => {
  it('splits by a fixed length, the last slice shorter', () => {
    const day = 86_400_000
    expect(splitTimeRange(at('2025-01-01Z'), at('2025-01-03T12:00Z'), { ms: day })).toEqual([
      { from: at('2025-01-01Z'), to: at('2025-01-02Z') },
      { from: at('2025-01-02Z'), to: at('2025-01-03Z') },
      { from: at('2025-01-03Z'), to: at('2025-01-03T12:00Z') },
    ])
  })

  it('splits by calendar months counted from the start: Jan 31 + 1 month is Feb 29, then Mar 31', () => {
    expect(isoSlices(splitTimeRange(at('2024-01-31Z'), at('2024-06-01Z'), { months: 1 }))).toEqual([
      '2024-01-31..2024-02-29',
      '2024-02-29..2024-03-31',
      '2024-03-31..2024-04-30',
      '2024-04-30..2024-05-31',
      '2024-05-31..2024-06-01',
    ])
    expect(isoSlices(splitTimeRange(at('2023-01-31Z'), at('2023-03-01Z'), { months: 1 }))[0]).toBe(
      '2023-01-31..2023-02-28',
    )
  })

  it('splits by three months (BSG) and keeps the time of day', () => {
    const slices = splitTimeRange(at('2024-11-15T10:30:00Z'), at('2025-06-01Z'), { months: 3 })
    expect(slices.map((s) => new Date(s.from).toISOString())).toEqual([
      '2024-11-15T10:30:00.000Z',
      '2025-02-15T10:30:00.000Z',
      '2025-05-15T10:30:00.000Z',
    ])
  })

  it('clamps the end to now, and gives nothing for a window entirely in the future', () => {
    const now = at('2025-01-02T06:00Z')
    expect(splitTimeRange(at('2025-01-01Z'), at('2025-02-01Z'), { ms: 86_400_000 }, now)).toEqual([
      { from: at('2025-01-01Z'), to: at('2025-01-02Z') },
      { from: at('2025-01-02Z'), to: now },
    ])
    expect(splitTimeRange(at('2025-03-01Z'), at('2025-04-01Z'), { ms: 86_400_000 }, now)).toEqual([])
  })

  it('gives nothing for an empty, inverted or NaN range', () => {
    expect(splitTimeRange(5, 5, { ms: 1 })).toEqual([])
    expect(splitTimeRange(10, 5, { ms: 1 })).toEqual([])
    expect(splitTimeRange(Number.NaN, 5, { ms: 1 })).toEqual([])
  })

  it('refuses lengths that could never advance', () => {
    expect(() => splitTimeRange(0, 10, { ms: 0 })).toThrow(RangeError)
    expect(() => splitTimeRange(0, 10, { ms: -1 })).toThrow(RangeError)
    expect(() => splitTimeRange(0, 10, { months: 0 })).toThrow(RangeError)
    expect(() => splitTimeRange(0, 10, { months: 0.5 })).toThrow(RangeError)
    expect(() => splitTimeRange(1.7e12, 1.7e12 + 10, { ms: 1e-6 })).toThrow(RangeError)
  })

  it('covers the range exactly, in order, each slice within the limit (fast-check)', () => {
    const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 50 * 86_400_000 }),
        fc.integer({ min: 3_600_000, max: 40 * 86_400_000 }),
        (from, span, ms) => {
          const to = from + span
          const slices = splitTimeRange(from, to, { ms })
          if (from === to) {
            expect(slices).toEqual([])
            return
          }
          expect(slices[0]?.from).toBe(from)
          expect(slices.at(-1)?.to).toBe(to)
          const broken = slices.findIndex(
            (slice, i) =>
              !(slice.to > slice.from && slice.to - slice.from <= ms && (i === 0 || slice.from === slices[i - 1]?.to)),
          )
          expect(broken).toBe(-1)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('chunkIds', () => {
  it('chunks by count', () => {
    expect(chunkIds(['a', 'b', 'c', 'd', 'e'], { maxCount: 2, maxEncodedLength: 100 })).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e'],
    ])
  })

  it('chunks by encoded length, counting separators and percent-encoding', () => {
    // 'a b' encodes to 'a%20b' (5), ',' to '%2C' (3)
    const chunks = chunkIds(['a b', 'a b', 'a b'], { maxCount: 10, maxEncodedLength: 13 })
    expect(chunks).toEqual([['a b', 'a b'], ['a b']])
    expect(chunkIds(['abc', 'def'], { maxCount: 10, maxEncodedLength: 7, separator: '|', encode: (s) => s })).toEqual([
      ['abc', 'def'],
    ])
  })

  it('puts an id that alone exceeds the budget in a chunk of its own, dropping nothing', () => {
    const huge = 'x'.repeat(50)
    expect(chunkIds(['a', huge, 'b'], { maxCount: 10, maxEncodedLength: 10 })).toEqual([['a'], [huge], ['b']])
  })

  it('gives no chunks for no ids', () => {
    expect(chunkIds([], { maxCount: 3, maxEncodedLength: 10 })).toEqual([])
  })

  it('keeps order, places every id exactly once, and respects both limits (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 80 }),
        (ids, maxCount, maxEncodedLength) => {
          const chunks = chunkIds(ids, { maxCount, maxEncodedLength })
          expect(chunks.flat()).toEqual(ids)
          for (const chunk of chunks) {
            expect(chunk.length).toBeGreaterThan(0)
            expect(chunk.length).toBeLessThanOrEqual(maxCount)
            const encoded = chunk.map(encodeURIComponent).join(encodeURIComponent(','))
            if (chunk.length > 1) expect(encoded.length).toBeLessThanOrEqual(maxEncodedLength)
          }
        },
      ),
    )
  })
})

describe('uniqueIds', () => {
  it('drops duplicates, keeping the first occurrence order', () => {
    expect(uniqueIds(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c'])
    expect(uniqueIds([])).toEqual([])
  })
})

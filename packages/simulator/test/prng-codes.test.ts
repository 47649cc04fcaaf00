import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  digitsFrom,
  hex8,
  hexReferenceFor,
  indexFromHexReference,
  indexFromUuid,
  scrambleIndex,
  unscrambleIndex,
  uuidFor,
} from '../src/data/codes.js'
import { deriveSeed, logUniform, mix32, mulberry32, pickWeighted, unitAt, unmix32 } from '../src/prng.js'

const u32 = fc.integer({ min: 0, max: 0xffffffff })

describe('prng', () => {
  it('unmix32 inverts mix32 (the ids rely on it)', () => {
    fc.assert(fc.property(u32, (x) => unmix32(mix32(x)) === x && mix32(unmix32(x)) === x))
  })

  it('is deterministic and spreads values over [0, 1)', () => {
    const seed = deriveSeed(1, 2)
    const values = Array.from({ length: 10_000 }, (_, i) => unitAt(seed, i))
    expect(values).toEqual(Array.from({ length: 10_000 }, (_, i) => unitAt(seed, i)))
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...values)).toBeLessThan(1)
    const mean = values.reduce((a, b) => a + b, 0) / values.length
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02)
    expect(unitAt(deriveSeed(2, 2), 0)).not.toBe(unitAt(seed, 0))
  })

  it('picks by weight and spreads log-uniformly', () => {
    expect(
      pickWeighted(
        [
          ['a', 9],
          ['b', 1],
        ] as const,
        0.5,
      ),
    ).toBe('a')
    expect(
      pickWeighted(
        [
          ['a', 9],
          ['b', 1],
        ] as const,
        0.95,
      ),
    ).toBe('b')
    expect(logUniform(1000, 100_000, 0)).toBe(1000)
    expect(logUniform(1000, 100_000, 0.5)).toBe(10_000)
    const next = mulberry32(5)
    const again = mulberry32(5)
    expect([next(), next()]).toEqual([again(), again()])
  })
})

describe('reversible ids', () => {
  it('reads the index back from a scrambled code, a UUID and a hex reference', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), u32, u32, (index, key, seed) => {
        expect(unscrambleIndex(scrambleIndex(index, key), key)).toBe(index)
        const uuid = uuidFor(index, key, seed)
        expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
        expect(indexFromUuid(uuid, key)).toBe(index)
        const reference = hexReferenceFor(index, key, seed)
        expect(reference).toMatch(/^[0-9a-f]{32}$/)
        expect(indexFromHexReference(reference, key)).toBe(index)
      }),
    )
  })

  it('refuses strings that are not ids', () => {
    expect(indexFromUuid('order-1', 1)).toBeNull()
    expect(indexFromHexReference('not-hex', 1)).toBeNull()
  })

  it('formats hex and digits with fixed width', () => {
    expect(hex8(255)).toBe('000000ff')
    expect(hex8(0xffffffff)).toBe('ffffffff')
    expect(digitsFrom(0, 7, 9)).toBe('000000007')
  })
})

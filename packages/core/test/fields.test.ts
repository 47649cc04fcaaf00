import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readIntegerId, readTextOrNumber } from '../src/kit.js'
import { integerText } from '../src/util/integer-text.js'

describe('shared field readers', () => {
  it('readIntegerId reads non-negative integers and digit strings only', () => {
    expect(readIntegerId(4419393338)).toBe('4419393338')
    expect(readIntegerId('3266500452')).toBe('3266500452')
    expect(readIntegerId(0)).toBe('0')
    expect(readIntegerId(-1)).toBeNull()
    expect(readIntegerId(1.5)).toBeNull()
    expect(readIntegerId(2 ** 53)).toBeNull()
    expect(readIntegerId('12a')).toBeNull()
    expect(readIntegerId('1'.repeat(21))).toBeNull()
    expect(readIntegerId(null)).toBeNull()
  })

  it('integerText writes what String writes, for every non-negative safe integer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeNat(), fc.nat(), fc.integer({ min: 999_999_000, max: 1_000_001_000 })), (n) => {
        expect(integerText(n)).toBe(String(n))
      }),
      { numRuns: 20_000 },
    )
    for (const n of [0, 999_999_999, 1_000_000_000, 1_000_000_007, 4_403_089_865, Number.MAX_SAFE_INTEGER]) {
      expect(integerText(n)).toBe(String(n))
    }
  })

  it('readTextOrNumber reads non-empty strings and finite numbers', () => {
    expect(readTextOrNumber('abc')).toBe('abc')
    expect(readTextOrNumber(53651994)).toBe('53651994')
    expect(readTextOrNumber('')).toBeNull()
    expect(readTextOrNumber(Number.NaN)).toBeNull()
    expect(readTextOrNumber({})).toBeNull()
  })
})

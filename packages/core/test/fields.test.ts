import { describe, expect, it } from 'vitest'
import { readIntegerId, readTextOrNumber } from '../src/index.js'

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

  it('readTextOrNumber reads non-empty strings and finite numbers', () => {
    expect(readTextOrNumber('abc')).toBe('abc')
    expect(readTextOrNumber(53651994)).toBe('53651994')
    expect(readTextOrNumber('')).toBeNull()
    expect(readTextOrNumber(Number.NaN)).toBeNull()
    expect(readTextOrNumber({})).toBeNull()
  })
})

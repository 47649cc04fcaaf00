import { describe, expect, it } from 'vitest'
import { describeValue, registerSecret } from '../src/kit.js'

describe('describeValue', () => {
  it('describes values without copying them whole', () => {
    expect(describeValue(undefined)).toBe('undefined')
    expect(describeValue(null)).toBe('null')
    expect(describeValue([1, 2])).toBe('array(2)')
    expect(describeValue({ a: 1 })).toBe('object')
    expect(describeValue('delivered')).toBe('"delivered"')
    expect(describeValue(42)).toBe('42')
    expect(describeValue('x'.repeat(100))).toBe(`"${'x'.repeat(36)}...`)
  })

  it('redacts a registered credential before cutting', () => {
    registerSecret('describe-value-secret-123')
    expect(describeValue('key describe-value-secret-123')).not.toContain('describe-value-secret')
  })
})

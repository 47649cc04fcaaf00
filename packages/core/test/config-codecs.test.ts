import { isLeft } from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { isHttpUrl, nullableCodec, refinedCodec } from '../src/kit.js'

describe('config-codec helpers', () => {
  it('refinedCodec accepts base values that satisfy the predicate and names the expectation otherwise', () => {
    const Positive = refinedCodec(t.number, (n) => n > 0, 'a positive number')
    expect(Positive.is(1)).toBe(true)
    expect(Positive.is(-1)).toBe(false)
    expect(Positive.is('1')).toBe(false)
    const result = Positive.decode(-1)
    expect(isLeft(result) && result.left[0]?.context.at(-1)?.type.name).toBe('a positive number')
  })

  it('nullableCodec accepts null and the codec values only', () => {
    expect(nullableCodec(t.string).is(null)).toBe(true)
    expect(nullableCodec(t.string).is('x')).toBe(true)
    expect(nullableCodec(t.string).is(undefined)).toBe(false)
    expect(nullableCodec(t.string).is(1)).toBe(false)
  })

  it('isHttpUrl accepts http(s) URLs without query or fragment', () => {
    expect(isHttpUrl('https://one-api.bsg.world')).toBe(true)
    expect(isHttpUrl('http://127.0.0.1:8787/api')).toBe(true)
    expect(isHttpUrl('https://example.com/api?key=1')).toBe(false)
    expect(isHttpUrl('https://example.com/#x')).toBe(false)
    expect(isHttpUrl('ftp://example.com')).toBe(false)
    expect(isHttpUrl('not a url')).toBe(false)
  })
})

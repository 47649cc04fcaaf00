import { describe, expect, it } from 'vitest'
import { RcsError } from '../src/index.js'
import { encodePathSegment } from '../src/kit.js'

describe('encodePathSegment: an id is exactly one path segment, or refused', () => {
  it.each([
    ['order-12345', 'order-12345'],
    ['a b/ü', 'a%20b%2F%C3%BC'],
    ['..x', '..x'],
    ['%2e%2e', '%252e%252e'],
    ['../etc', '..%2Fetc'],
  ])('%j → %j', (id, segment) => {
    expect(encodePathSegment('acme', id)).toEqual({ _tag: 'Right', right: segment })
  })

  it.each(['.', '..', ''])('%j is a bad_request: it would name another path', (id) => {
    const result = encodePathSegment('acme', id)
    expect(result._tag).toBe('Left')
    const error = (result as { left: RcsError }).left
    expect(RcsError.is(error, 'bad_request')).toBe(true)
    expect(error.message).toMatch(/^acme: the id /)
  })

  it('what it gives resolves to the same path whatever the id (WHATWG URL)', () => {
    for (const id of ['.', '..', '.%2e', '%2e.', 'a/..', '..\\x', '?x', '#x']) {
      const segment = encodePathSegment('acme', id)
      if (segment._tag === 'Left') continue
      expect(new URL(`https://x.example/v1/status/${segment.right}`).pathname.startsWith('/v1/status/')).toBe(true)
    }
  })
})

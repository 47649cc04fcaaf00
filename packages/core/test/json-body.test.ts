import { describe, expect, it } from 'vitest'
import { type DecodeErrorDetails, RcsError } from '../src/index.js'
import { parseJsonBody } from '../src/kit.js'

describe('parseJsonBody', () => {
  it('parses a JSON string and passes other values through', () => {
    expect(parseJsonBody('bsg', '{"id":"1"}')).toEqual({ _tag: 'Right', right: { id: '1' } })
    const parsed = { id: '1' }
    expect(parseJsonBody('bsg', parsed)).toEqual({ _tag: 'Right', right: parsed })
  })

  it('gives a decode error at (root) that keeps the text for invalid JSON', () => {
    const result = parseJsonBody('bsg', '{oops')
    if (result._tag !== 'Left') throw new Error('expected a Left')
    expect(result.left).toBeInstanceOf(RcsError)
    expect(result.left.kind).toBe('decode')
    expect(result.left.provider).toBe('bsg')
    const details = result.left.details as DecodeErrorDetails
    expect(details.issues[0]?.path).toBe('(root)')
    expect(details.raw).toBe('{oops')
  })
})

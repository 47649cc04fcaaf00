import { RcsError } from '@rcs-records/core'
import { describe, expect, it } from 'vitest'
import { ConfigCodec } from '../src/config.js'
import { createNormalizer, normalize } from '../src/index.js'
import { item, makeClient, SEED_RECORD } from './fixtures.js'

const recipientOf = (number: unknown, defaultCountry?: string) => {
  const result =
    defaultCountry === undefined ? normalize(item({ number })) : createNormalizer({ defaultCountry })(item({ number }))
  if (result._tag === 'Left') throw new Error(result.left.message)
  return result.right.recipient
}

describe('recipients: never invent a country', () => {
  it('the seed example (+33612345678) is kept as it is', () => {
    const result = normalize(SEED_RECORD)
    expect(result._tag === 'Right' && result.right.recipient).toBe('+33612345678')
  })

  it('digits without + only when they are a valid international number', () => {
    expect(recipientOf('33612345678')).toBe('+33612345678')
    expect(recipientOf('0612345678')).toBeNull()
    expect(recipientOf('612345678')).toBeNull()
  })

  it('`defaultCountry` reads national numbers, in normalize and through the client', () => {
    expect(recipientOf('0612345678', 'FR')).toBe('+33612345678')
    expect(recipientOf('06 12 34 56 78', 'FR')).toBe('+33612345678')
    expect(makeClient({ defaultCountry: 'FR' }).normalize(item({ number: '0612345678' })).recipient).toBe(
      '+33612345678',
    )
  })

  it('`defaultCountry` is validated by the config codec', () => {
    const decoded = ConfigCodec.decode({ token: 't', baseUrl: 'https://api.example.com', defaultCountry: 'FR' })
    expect(decoded._tag === 'Right' && decoded.right.defaultCountry).toBe('FR')
    let caught: unknown
    try {
      makeClient({ defaultCountry: 'France' })
    } catch (error) {
      caught = error
    }
    expect(RcsError.is(caught, 'config')).toBe(true)
    expect((caught as RcsError).message).toContain('defaultCountry')
  })
})

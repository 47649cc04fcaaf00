import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchesSecret } from '../src/webhooks/secret.js'

const SECRET = 'whsec_0123456789abcdef'

describe('matchesSecret', () => {
  it('accepts the secret among other presented values, and nothing but the secret', () => {
    expect(matchesSecret([SECRET], SECRET)).toBe(true)
    expect(matchesSecret(['wrong', SECRET], SECRET)).toBe(true)
    expect(matchesSecret([], SECRET)).toBe(false)
    expect(matchesSecret([''], SECRET)).toBe(false)
    expect(matchesSecret([SECRET.slice(0, -1)], SECRET)).toBe(false)
    expect(matchesSecret([`${SECRET}x`], SECRET)).toBe(false)
    // Cycling through the secret for a longer value never makes a repetition of it match.
    expect(matchesSecret([SECRET + SECRET], SECRET)).toBe(false)
    expect(matchesSecret([SECRET.toUpperCase()], SECRET)).toBe(false)
  })

  it('is string equality for any presented values and secret', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' })),
        fc.string({ minLength: 1, unit: 'binary' }),
        (values, secret) => {
          expect(matchesSecret(values, secret)).toBe(values.includes(secret))
          expect(matchesSecret([...values, secret], secret)).toBe(true)
        },
      ),
      { numRuns: 500 },
    )
  })
})

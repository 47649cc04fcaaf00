import { RcsError } from '@rcs-records/core'
import { describe, expect, it } from 'vitest'
import { ConfigCodec } from '../src/config.js'
import { normalize, parseWebhook } from '../src/index.js'
import { CALLBACK_EXAMPLE, makeClient, message } from './fixtures.js'

const recipientOf = (phone: unknown, defaultCountry?: string) => {
  const result = normalize(message(7, { phone }), defaultCountry === undefined ? undefined : { defaultCountry })
  if (result._tag === 'Left') throw new Error(result.left.message)
  return result.right
}

describe('recipients: never invent a country', () => {
  it('the documented international digits (a JSON number or a string) become E.164', () => {
    expect(recipientOf(380661234567).recipient).toBe('+380661234567')
    expect(recipientOf('380661234567').recipient).toBe('+380661234567')
  })

  it('national digits are not E.164 without a default country: null, the raw kept', () => {
    const record = recipientOf(3401234567)
    expect(record.recipient).toBeNull()
    expect((record.raw as { phone: unknown }).phone).toBe(3401234567)
    expect(recipientOf('0661234567').recipient).toBeNull()
  })

  it("config `defaultCountry` reads them as that country's national numbers", () => {
    expect(recipientOf(3401234567, 'IT').recipient).toBe('+393401234567')
    expect(recipientOf('0661234567', 'UA').recipient).toBe('+380661234567')
    expect(recipientOf(380661234567, 'IT').recipient).toBe('+380661234567')
    const client = makeClient({ defaultCountry: 'IT' })
    expect(client.normalize(message(7, { phone: 3401234567 })).recipient).toBe('+393401234567')
    expect(client.parseWebhook({ ...CALLBACK_EXAMPLE, msisdn: '3401234567' })[0]?.recipient).toBe('+393401234567')
  })

  it('the callback msisdn follows the same rule', () => {
    const result = parseWebhook({ ...CALLBACK_EXAMPLE, msisdn: '3401234567' })
    expect(result._tag === 'Right' && result.right[0]?.recipient).toBeNull()
    const withCountry = parseWebhook({ ...CALLBACK_EXAMPLE, msisdn: '3401234567' }, { defaultCountry: 'IT' })
    expect(withCountry._tag === 'Right' && withCountry.right[0]?.recipient).toBe('+393401234567')
  })

  it('`defaultCountry` must be an ISO 3166-1 alpha-2 code the phone metadata knows', () => {
    const decoded = ConfigCodec.decode({ apiKey: 'live_8JeF1mLckxI4QResuP6X', defaultCountry: 'UA' })
    expect(decoded._tag === 'Right' && decoded.right.defaultCountry).toBe('UA')
    for (const bad of ['ua', 'XX', 'UKR', 380, '']) {
      let caught: unknown
      try {
        makeClient({ defaultCountry: bad })
      } catch (error) {
        caught = error
      }
      expect(RcsError.is(caught, 'config'), String(bad)).toBe(true)
      expect((caught as RcsError).message).toContain('defaultCountry')
    }
    const bad = normalize(message(7), { defaultCountry: 'it' })
    expect(bad._tag === 'Left' && bad.left.kind).toBe('config')
  })
})

import { RcsError } from '@rcs-records/core'
import nock from 'nock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConfigCodec } from '../src/config.js'
import { normalize, parseWebhook } from '../src/index.js'
import { STATUS_DELIVERED, WEBHOOK_GUIDE_DELIVERED, WEBHOOK_READ } from './fixtures.js'
import { makeClient, ORIGIN, STATUS_PATH } from './helpers.js'

beforeEach(() => nock.disableNetConnect())
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

const recipientOf = (destination: unknown, defaultCountry?: string) => {
  const result = normalize(
    { ...STATUS_DELIVERED, destination },
    defaultCountry === undefined ? undefined : { defaultCountry },
  )
  if (result._tag === 'Left') throw new Error(result.left.message)
  return result.right.recipient
}

describe('recipients: never invent a country', () => {
  it('the documented +E.164 destination is kept; valid international digits become E.164', () => {
    expect(recipientOf('+393401234567')).toBe('+393401234567')
    expect(recipientOf('393401234567')).toBe('+393401234567')
  })

  it('an Italian national number is not +3401234567: null without a default country', () => {
    expect(recipientOf('3401234567')).toBeNull()
    const [record] = (
      parseWebhook({ ...WEBHOOK_GUIDE_DELIVERED, phoneNumber: '3401234567' }) as {
        right: { recipient: string | null }[]
      }
    ).right
    expect(record?.recipient).toBeNull()
  })

  it('`defaultCountry` reads national numbers, in normalize, parseWebhook, get and the client', async () => {
    expect(recipientOf('3401234567', 'IT')).toBe('+393401234567')
    const webhook = parseWebhook({ ...WEBHOOK_READ, destination: '3401234567' }, { defaultCountry: 'IT' })
    expect(webhook._tag === 'Right' && webhook.right[0]?.recipient).toBe('+393401234567')
    const client = makeClient({ defaultCountry: 'IT' })
    expect(client.normalize({ ...STATUS_DELIVERED, destination: '340 123 4567' }).recipient).toBe('+393401234567')
    expect(client.parseWebhook({ ...WEBHOOK_GUIDE_DELIVERED, phoneNumber: '3401234567' })[0]?.recipient).toBe(
      '+393401234567',
    )
    nock(ORIGIN)
      .get(`${STATUS_PATH}/order-12345`)
      .query(true)
      .reply(200, { deliveryStatus: 'DELIVERED', destination: '3401234567' })
    expect((await client.get('order-12345')).recipient).toBe('+393401234567')
  })

  it('`defaultCountry` is validated by the config codec', () => {
    const decoded = ConfigCodec.decode({ apiKey: 'k', defaultCountry: 'IT' })
    expect(decoded._tag === 'Right' && decoded.right.defaultCountry).toBe('IT')
    expect(ConfigCodec.decode({ apiKey: 'k', defaultCountry: 'Italy' })._tag).toBe('Left')
    let caught: unknown
    try {
      makeClient({ defaultCountry: 'it' })
    } catch (error) {
      caught = error
    }
    expect(RcsError.is(caught, 'config')).toBe(true)
    expect((caught as RcsError).message).toContain('defaultCountry')
  })
})

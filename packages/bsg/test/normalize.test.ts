import { isFinal, RcsRecordCodec } from '@rcs-records/core'
import { lookupStatus } from '@rcs-records/core/kit'
import fc from 'fast-check'
import { isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { createNormalizer, normalize, statusTable } from '../src/index.js'
import { channelOf, channelTable, statusOf } from '../src/mapping.js'
import { message, SEED_EXAMPLE, SPEC_SINGLE } from './fixtures.js'

const ok = (payload: unknown, timeZone?: string) => {
  const result = normalize(payload, timeZone === undefined ? undefined : { timeZone })
  if (result._tag === 'Left') throw new Error(`expected a record, got ${result.left.message}`)
  return result.right
}

describe('normalize: the seed example verbatim', () => {
  const item = SEED_EXAMPLE.data[0]
  const record = ok(item)

  it('maps every field it can and keeps the raw payload by reference', () => {
    expect(record).toMatchObject({
      provider: 'bsg',
      id: '26130',
      reference: 'string',
      channel: 'rcs',
      recipient: '+380661234567',
      sender: 'sender',
      campaign: '1',
      status: 'pending',
      final: false,
      reason: null,
      vendorStatus: 'scheduled',
      vendorDescription: null,
      createdAt: '2021-04-27T19:44:06.000Z',
      sentAt: '2021-04-27T19:44:06.000Z',
      deliveredAt: null,
      readAt: null,
      updatedAt: '2021-04-27T19:44:06.000Z',
      fallback: { channel: 'sms', ids: ['0'], parts: 0 },
    })
    expect(record.raw).toBe(item)
    expect(isRight(RcsRecordCodec.decode(record))).toBe(true)
  })

  it('drops the placeholder amount ("value":"string") instead of failing', () => {
    expect(record.cost).toBeNull()
    expect((record.raw as { amount: unknown }).amount).toEqual({ value: 'string', currency: 'UAH' })
  })

  it('puts content, source, validity and type in extra', () => {
    expect(record.extra).toEqual({
      type: 'rcs',
      source: 'web',
      validity: 72,
      content: { text: 'text', rcs_options: item?.rcs_options },
    })
  })
})

describe('normalize: the spec example', () => {
  it('reads cost, country, parts and the SMS channel', () => {
    const record = ok(SPEC_SINGLE.data[0])
    expect(record).toMatchObject({
      id: '4419393338',
      channel: 'sms',
      reference: null,
      status: 'delivered',
      final: true,
      cost: { amount: '0.0100000', currency: 'UAH' },
      createdAt: '2025-03-20T05:11:15.000Z',
      sentAt: '2025-03-20T05:11:16.000Z',
      deliveredAt: '2025-03-20T05:11:21.000Z',
      recipient: '+380981171206',
      campaign: '58982653',
    })
    expect(record.extra).toMatchObject({ country: 'UA', parts: 1, content: { text: 'Test' } })
  })

  it('reads timestamps that carry an offset as written (MessageApiSchema example)', () => {
    const record = ok(message(1, { created_at: '2000-01-23T04:56:07.000+00:00' }), 'Europe/Kyiv')
    expect(record.createdAt).toBe('2000-01-23T04:56:07.000Z')
  })
})

describe('normalize: statuses', () => {
  const cases: [string, string, string | null, boolean | null][] = [
    ['scheduled', 'pending', null, null],
    ['moderation', 'pending', null, null],
    ['accepted', 'pending', null, null],
    ['sending', 'pending', null, null],
    ['sent', 'sent', null, null],
    ['delivered', 'delivered', null, null],
    ['read', 'read', null, null],
    // "Sending error, e.g. invalid number": the status alone proves neither the cause nor its permanence.
    ['failed', 'rejected', 'unknown', null],
    ['undelivered', 'undeliverable', 'unknown', null],
    ['not_service_user', 'undeliverable', 'not_rcs_capable', true],
    ['not_rcs_user', 'undeliverable', 'not_rcs_capable', true],
    ['not_viber_user', 'undeliverable', 'not_rcs_capable', true],
    ['expired', 'expired', 'timed_out', false],
    ['unknown', 'unknown', null, null],
    ['constructor', 'unknown', null, null],
    // BSG's own status table writes the values upper-case: they match regardless of case (kept as sent).
    ['DELIVERED', 'delivered', null, null],
    ['FAILED', 'rejected', 'unknown', null],
    ['Not_Rcs_User', 'undeliverable', 'not_rcs_capable', true],
    ['EXPIRED', 'expired', 'timed_out', false],
    ['Scheduled', 'pending', null, null],
    ['brand_new_status', 'unknown', null, null],
  ]
  it.each(cases)('%s → %s (reason %s)', (vendor, canonical, code, permanent) => {
    const record = ok(message(7, { status: vendor }))
    expect(record.status).toBe(canonical)
    expect(record.vendorStatus).toBe(vendor)
    expect(record.final).toBe(isFinal(record.status))
    if (code === null) expect(record.reason).toBeNull()
    else expect(record.reason).toEqual({ code, permanent, vendorCode: vendor, message: null })
  })

  it('statusOf and channelOf (the normalise hot path) answer what the tables answer, whatever the case', () => {
    const natives = [...Object.keys(statusTable), 'unknown', 'constructor', '__proto__', 'toString', 'SENT', '']
    const upper = Object.keys(statusTable).map((native) => native.toUpperCase())
    for (const native of [...natives, ...upper]) {
      expect(statusOf(native)).toBe(lookupStatus(statusTable, native.toLowerCase()))
    }
    fc.assert(
      fc.property(fc.string(), (native) => statusOf(native) === lookupStatus(statusTable, native.toLowerCase())),
    )
    for (const type of [...Object.keys(channelTable), 'hlr', 'constructor', 'RCS', 'Viber', '']) {
      const lower = type.toLowerCase()
      expect(channelOf(type)).toBe(Object.hasOwn(channelTable, lower) ? channelTable[lower] : 'other')
    }
  })

  it('covers every status BSG documents in the exported table', () => {
    expect(Object.keys(statusTable).sort()).toEqual(
      [
        'accepted',
        'delivered',
        'expired',
        'failed',
        'moderation',
        'not_rcs_user',
        'not_service_user',
        'not_viber_user',
        'read',
        'scheduled',
        'sending',
        'sent',
        'undelivered',
        'unknown',
      ].sort(),
    )
  })

  it('sets deliveredAt only for delivered/read; the report time of a failure is updatedAt', () => {
    const failed = ok(message(1, { status: 'undelivered' }))
    expect(failed.deliveredAt).toBeNull()
    expect(failed.updatedAt).toBe('2024-05-01T10:00:05.000Z')
    const read = ok(message(2, { status: 'read' }))
    expect(read.deliveredAt).toBe('2024-05-01T10:00:05.000Z')
    expect(read.readAt).toBeNull()
  })
})

describe('normalize: field quirks', () => {
  it('reads phone as a number and as a string', () => {
    expect(ok(message(1, { phone: 380661234567 })).recipient).toBe('+380661234567')
    expect(ok(message(1, { phone: '380661234567' })).recipient).toBe('+380661234567')
    expect(ok(message(1, { phone: '+380 66 123 45 67' })).recipient).toBe('+380661234567')
    expect(ok(message(1, { phone: 'string' })).recipient).toBeNull()
    expect(ok(message(1, { phone: 1.5 })).recipient).toBeNull()
  })

  it('reads amount, the misspelt amont (object or array) and refuses non-decimals', () => {
    const { amount: _, ...noAmount } = message(1)
    expect(ok({ ...noAmount, amont: { value: '0.0100000', currency: 'UAH' } }).cost).toEqual({
      amount: '0.0100000',
      currency: 'UAH',
    })
    expect(ok({ ...noAmount, amont: [{ value: '0.10', currency: 'USD' }] }).cost).toEqual({
      amount: '0.10',
      currency: 'USD',
    })
    expect(ok(message(1, { amount: { value: '1e5', currency: 'UAH' } })).cost).toBeNull()
    expect(ok(message(1, { amount: { value: '0.10' } })).cost).toBeNull()
    expect(ok(message(1, { amount: null })).cost).toBeNull()
  })

  it('reads sent_at or the older send_at', () => {
    const { sent_at: _, ...noSentAt } = message(1)
    expect(ok({ ...noSentAt, send_at: '2024-05-01 10:00:02' }).sentAt).toBe('2024-05-01T10:00:02.000Z')
    expect(ok(message(1, { sent_at: null })).sentAt).toBeNull()
  })

  it('turns unusable timestamps into null without failing the record', () => {
    const record = ok(message(1, { created_at: '2021-02-30 10:00:00', sent_at: 'string', delivered_at: 42 }))
    expect([record.createdAt, record.sentAt, record.deliveredAt]).toEqual([null, null, null])
  })

  it('maps type to channel', () => {
    const channels = ['rcs', 'sms', 'viber', 'whatsapp', 'hlr', 'email', 42].map(
      (type) => ok(message(1, { type })).channel,
    )
    expect(channels).toEqual(['rcs', 'sms', 'viber', 'whatsapp', 'other', 'other', 'other'])
    const { type: _, ...noType } = message(1)
    expect(ok(noType).channel).toBe('rcs')
  })

  it('reads the SMS or Viber fallback with ids as strings', () => {
    expect(
      ok(message(1, { alternative_channels: { sms: { parts: 2, id: [4419393338, 4419393339] } } })).fallback,
    ).toEqual({
      channel: 'sms',
      ids: ['4419393338', '4419393339'],
      parts: 2,
    })
    expect(ok(message(1, { alternative_channels: { viber: { parts: 1, id: [12345] } } })).fallback).toEqual({
      channel: 'viber',
      ids: ['12345'],
      parts: 1,
    })
    expect(ok(message(1, { alternative_channels: { sms: { id: ['x', 5] } } })).fallback).toEqual({
      channel: 'sms',
      ids: ['5'],
      parts: null,
    })
    expect(ok(message(1, { alternative_channels: null })).fallback).toBeNull()
    expect(ok(message(1, { alternative_channels: [] })).fallback).toBeNull()
  })

  it('accepts an id above 2^31 and a digit-string id', () => {
    expect(ok(message(4419393338)).id).toBe('4419393338')
    expect(ok({ ...message(1), id: '3266500452' }).id).toBe('3266500452')
  })

  it('never copies __proto__-like vendor keys into extra', () => {
    const payload = JSON.parse('{"id":1,"status":"sent","__proto__":{"polluted":true},"constructor":"x"}')
    const record = ok(payload)
    expect(Object.keys(record.extra)).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('normalize: time zones (Europe/Kyiv across DST)', () => {
  const kyiv = (created_at: string) => ok(message(1, { created_at }), 'Europe/Kyiv').createdAt

  it('converts winter (UTC+2) and summer (UTC+3) wall-clock times', () => {
    expect(kyiv('2024-01-15 12:00:00')).toBe('2024-01-15T10:00:00.000Z')
    expect(kyiv('2024-07-01 12:00:00')).toBe('2024-07-01T09:00:00.000Z')
  })

  it('converts both sides of the spring change (31 March 2024, 03:00 → 04:00)', () => {
    expect(kyiv('2024-03-31 02:59:59')).toBe('2024-03-31T00:59:59.000Z')
    expect(kyiv('2024-03-31 04:00:00')).toBe('2024-03-31T01:00:00.000Z')
  })

  it('converts both sides of the autumn change (27 October 2024, 04:00 → 03:00)', () => {
    expect(kyiv('2024-10-27 02:30:00')).toBe('2024-10-26T23:30:00.000Z')
    expect(kyiv('2024-10-27 04:30:00')).toBe('2024-10-27T02:30:00.000Z')
  })

  it('refuses an unknown time zone with a config error instead of throwing', () => {
    const result = normalize(message(1), { timeZone: 'Mars/Olympus' })
    expect(result._tag === 'Left' && result.left.kind).toBe('config')
    expect(createNormalizer('Nope/Nope')(message(1))._tag).toBe('Left')
  })
})

describe('normalize: junk', () => {
  it('names the failing paths of a payload that is not a record', () => {
    const result = normalize({ id: 'abc', status: 5 })
    expect(result._tag).toBe('Left')
    if (result._tag === 'Left') {
      expect(result.left.kind).toBe('decode')
      const details = result.left.details as { issues: { path: string }[]; raw: unknown }
      expect(details.issues.map((issue) => issue.path)).toEqual(['id', 'status'])
      expect(result.left.message).toContain('id: expected')
    }
    const notObject = normalize([1, 2])
    expect(
      notObject._tag === 'Left' && (notObject.left.details as { issues: { path: string }[] }).issues[0]?.path,
    ).toBe('(root)')
  })

  it('keeps the raw payload in the decode error by reference', () => {
    const payload = { id: null, status: 'sent' }
    const result = normalize(payload)
    expect(result._tag === 'Left' && (result.left.details as { raw: unknown }).raw).toBe(payload)
  })

  it('never throws on arbitrary JSON and always returns a valid record or a decode error', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.jsonValue(), fc.record({ id: fc.anything(), status: fc.anything() })),
        (value) => {
          const result = normalize(value, { timeZone: 'Europe/Kyiv' })
          if (result._tag === 'Left') return result.left.kind === 'decode'
          return isRight(RcsRecordCodec.decode(result.right)) && result.right.raw === value
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('never throws on records with arbitrary field values', () => {
    const field = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(null))
    fc.assert(
      fc.property(
        fc.record({
          id: fc.oneof(fc.nat(), fc.stringMatching(/^\d{1,12}$/)),
          status: fc.oneof(fc.constantFrom(...Object.keys(statusTable)), fc.string()),
          phone: field,
          amount: field,
          amont: field,
          created_at: field,
          sent_at: field,
          delivered_at: field,
          type: field,
          alternative_channels: fc.oneof(field, fc.record({ sms: fc.record({ parts: field, id: field }) })),
          campaign_id: field,
          reference_id: field,
        }),
        (value) => {
          const result = normalize(value)
          return result._tag === 'Right' && isRight(RcsRecordCodec.decode(result.right))
        },
      ),
      { numRuns: 1000 },
    )
  })
})

describe('normalize: campaign_id', () => {
  it.each([
    [53651994, '53651994'],
    ['53651994', '53651994'],
    ['0053651994', '53651994'],
    [0, '0'],
  ])('%j is campaign %j', (campaignId, campaign) => {
    expect(ok(message(7, { campaign_id: campaignId })).campaign).toBe(campaign)
  })

  it.each([12.5, '12.5', 1e21, '1e+21', 2 ** 53, '9007199254740993', -3, '-3', Number.NaN, 'spring', true, {}])(
    '%j is not a BSG campaign id: null in the record, kept in raw',
    (campaignId) => {
      const payload = message(7, { campaign_id: campaignId })
      const record = ok(payload)
      expect(record.campaign).toBeNull()
      expect(record.raw).toBe(payload)
      expect(Object.is((record.raw as { campaign_id: unknown }).campaign_id, campaignId)).toBe(true)
    },
  )
})

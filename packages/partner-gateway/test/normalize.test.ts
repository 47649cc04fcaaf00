import { isFinal, type RcsRecord, RcsRecordCodec } from '@rcs-records/core'
import fc from 'fast-check'
import { isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { createNormalizer, normalize } from '../src/index.js'
import { STATUS_DELIVERED, STATUS_ITALIAN, statusPayload, WRAPPED_HISTORY } from './fixtures.js'

const ok = (payload: unknown, options?: Parameters<typeof normalize>[1]): RcsRecord => {
  const result = normalize(payload, options)
  if (result._tag === 'Left') throw new Error(`expected a record, got ${result.left.message}`)
  return result.right
}

const decodePaths = (payload: unknown): string[] => {
  const result = normalize(payload)
  if (result._tag === 'Right') throw new Error('expected a decode error')
  expect(result.left.kind).toBe('decode')
  expect(result.left.provider).toBe('partner-gateway')
  const details = result.left.details as { issues: Array<{ path: string }>; raw: unknown }
  expect(details.raw).toBe(payload)
  return details.issues.map((issue) => issue.path)
}

describe('normalize: DeliveryStatusResponse', () => {
  const record = ok(STATUS_DELIVERED)

  it('maps every field it can and keeps the raw payload by reference', () => {
    expect(record).toEqual({
      provider: 'partner-gateway',
      id: '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f',
      reference: null,
      channel: 'rcs',
      recipient: '+393401234567',
      sender: null,
      campaign: null,
      status: 'delivered',
      final: true,
      reason: null,
      vendorStatus: 'DELIVERED',
      vendorDescription: 'Message delivered',
      createdAt: '2025-01-01T09:00:00.000Z',
      sentAt: '2025-01-01T09:00:00.000Z',
      deliveredAt: '2025-01-01T09:00:05.000Z',
      readAt: null,
      updatedAt: '2025-01-01T09:00:05.000Z',
      cost: { amount: '0.042', currency: 'EUR' },
      fallback: null,
      extra: {},
      raw: STATUS_DELIVERED,
    })
    expect(record.raw).toBe(STATUS_DELIVERED)
    expect(isRight(RcsRecordCodec.decode(record))).toBe(true)
  })

  it('reads the Italian spelling (deliveryStato, deliveryStatoDescription)', () => {
    const italian = ok(STATUS_ITALIAN)
    expect(italian).toMatchObject({
      id: 'order-12345',
      status: 'undeliverable',
      final: true,
      vendorStatus: 'ERROR',
      vendorDescription: 'RCS disabled',
      reason: { code: 'not_rcs_capable', permanent: true, vendorCode: 'ERROR', message: 'RCS disabled' },
    })
  })

  it('prefers deliveryStatus when both spellings are present', () => {
    expect(ok({ customerMessageId: 'a', deliveryStatus: 'SENT', deliveryStato: 'ERROR' }).vendorStatus).toBe('SENT')
    expect(ok({ customerMessageId: 'a', deliveryStatus: null, deliveryStato: 'EXPIRED' }).status).toBe('expired')
  })

  it('treats RECEIVED as sent, EXPIRED as expired with timed_out, UNKNOWN and new values as unknown', () => {
    expect(ok(statusPayload('RECEIVED'))).toMatchObject({ status: 'sent', final: false, reason: null })
    expect(ok(statusPayload('EXPIRED')).reason?.code).toBe('timed_out')
    expect(ok(statusPayload('UNKNOWN'))).toMatchObject({ status: 'unknown', final: false, vendorStatus: 'UNKNOWN' })
    expect(ok(statusPayload('PENDING_RETRY'))).toMatchObject({ status: 'unknown', vendorStatus: 'PENDING_RETRY' })
    expect(ok(statusPayload('__proto__'))).toMatchObject({ status: 'unknown', vendorStatus: '__proto__' })
  })

  it('puts deliveryDate in deliveredAt only for DELIVERED', () => {
    const error = ok(statusPayload('ERROR', { deliveryDate: '2025-01-01T10:05:00Z' }))
    expect(error.deliveredAt).toBeNull()
    expect(error.updatedAt).toBe('2025-01-01T10:05:00.000Z')
  })

  it('uses the currency and default channel it is given', () => {
    const record = ok(
      { customerMessageId: 'a', deliveryStatus: 'SENT', cost: '0.0350' },
      { currency: 'USD', channel: 'sms' },
    )
    expect(record.cost).toEqual({ amount: '0.0350', currency: 'USD' })
    expect(record.channel).toBe('sms')
    expect(ok({ ...STATUS_DELIVERED, channel: 'WHATSAPP' }, { channel: 'sms' }).channel).toBe('whatsapp')
  })

  it('turns present-but-unusable fields into null without failing the record', () => {
    const payload = statusPayload('DELIVERED', {
      destination: 'not a phone',
      sendDate: '2025-01-01 10:00:00 CET',
      deliveryDate: 12,
      cost: '1e-3',
      channel: { wire: 'RCS' },
      deliveryStatusDescription: 42,
    })
    const record = ok(payload)
    expect(record).toMatchObject({
      recipient: null,
      createdAt: null,
      deliveredAt: null,
      cost: null,
      channel: 'other',
      vendorDescription: null,
    })
    expect(record.raw).toBe(payload)
  })

  it('accepts a numeric id as a string', () => {
    expect(ok({ customerMessageId: 12345, deliveryStatus: 'SENT' }).id).toBe('12345')
  })
})

describe('normalize: the wrapped history shape', () => {
  it('reads messageId, status, sender, dates, cost and keeps direction, body and parts in extra', () => {
    const item = WRAPPED_HISTORY.messages[0]
    const record = ok(item)
    expect(record).toMatchObject({
      id: 'e766b2f0-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
      channel: 'rcs',
      recipient: '+393401234567',
      sender: 'AcmeAgent',
      status: 'delivered',
      vendorStatus: 'DELIVERED',
      createdAt: '2025-01-01T10:00:00.000Z',
      deliveredAt: '2025-01-01T10:00:03.000Z',
      cost: { amount: '0.06', currency: 'EUR' },
      extra: {
        messageId: 'e766b2f0-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
        direction: 'OUTBOUND',
        body: 'Your order has shipped',
        parts: 1,
      },
    })
    // Keyed by messageId alone: extra.messageId is the id (the store's alias rule reads it).
    expect(record.extra.messageId).toBe(record.id)
    expect(record.raw).toBe(item)
  })

  it('keeps messageId in extra when the id came from customerMessageId', () => {
    expect(ok({ customerMessageId: 'order-1', messageId: 'uuid-1', deliveryStatus: 'SENT' }).extra).toEqual({
      messageId: 'uuid-1',
    })
  })

  it('never copies vendor objects or prototype keys into extra', () => {
    const payload = JSON.parse(
      '{"customerMessageId":"a","deliveryStatus":"SENT","body":{"x":1},"__proto__":{"polluted":1},"constructor":"x"}',
    )
    const record = ok(payload)
    expect(record.extra).toEqual({})
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('normalize: junk is a decode error with paths', () => {
  it.each([
    [null, ['(root)']],
    [[], ['(root)']],
    [42, ['(root)']],
    ['DELIVERED', ['(root)']],
    [{}, ['customerMessageId', 'deliveryStatus']],
    [{ customerMessageId: 'a' }, ['deliveryStatus']],
    [{ deliveryStatus: 'SENT' }, ['customerMessageId']],
    [{ customerMessageId: '', deliveryStatus: 'SENT' }, ['customerMessageId']],
    [{ messageId: {}, status: 'SENT' }, ['messageId']],
    [{ customerMessageId: 'a', deliveryStato: 3 }, ['deliveryStato']],
    [{ messageId: 'a', status: ['SENT'] }, ['status']],
  ])('%j → %j', (payload, paths) => {
    expect(decodePaths(payload)).toEqual(paths)
  })

  it('names the readable id in the error details', () => {
    const result = normalize({ customerMessageId: 'order-9', deliveryStatus: 7 })
    expect(result._tag === 'Left' && (result.left.details as { id: string }).id).toBe('order-9')
  })

  it('reports bad options as a config error instead of throwing', () => {
    const result = createNormalizer({ currency: 'euro' })(STATUS_DELIVERED)
    expect(result._tag === 'Left' && result.left.kind).toBe('config')
    const channel = normalize(STATUS_DELIVERED, { channel: 'pigeon' as never })
    expect(channel._tag === 'Left' && channel.left.kind).toBe('config')
  })
})

describe('normalize: properties', () => {
  it('never throws on arbitrary values; records are sound, errors are decode errors', () => {
    fc.assert(
      fc.property(fc.anything(), (payload) => {
        const result = normalize(payload)
        if (result._tag === 'Left') return result.left.kind === 'decode'
        return isRight(RcsRecordCodec.decode(result.right)) && result.right.raw === payload
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws on near-valid payloads and keeps final consistent with status', () => {
    const field = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined))
    const payload = fc.record({
      customerMessageId: field,
      messageId: field,
      deliveryStatus: fc.oneof(fc.constantFrom('SENT', 'RECEIVED', 'DELIVERED', 'ERROR', 'EXPIRED', 'UNKNOWN'), field),
      deliveryStato: field,
      deliveryStatusDescription: field,
      channel: field,
      destination: field,
      sendDate: field,
      deliveryDate: field,
      cost: field,
    })
    fc.assert(
      fc.property(payload, (value) => {
        const result = normalize(value)
        if (result._tag === 'Left') return result.left.kind === 'decode'
        const record = result.right
        return record.final === isFinal(record.status) && isRight(RcsRecordCodec.decode(record))
      }),
      { numRuns: 2000 },
    )
  })
})

import { mergeRecords, type RcsRecord, RcsRecordCodec } from '@rcs-records/core'
import fc from 'fast-check'
import { isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { parseWebhook } from '../src/index.js'
import {
  WEBHOOK_DELIVERY_RCS,
  WEBHOOK_DELIVERY_SMS,
  WEBHOOK_GUIDE_DELIVERED,
  WEBHOOK_INBOUND,
  WEBHOOK_NOT_DELIVERED_PART,
  WEBHOOK_READ,
} from './fixtures.js'

const ok = (body: unknown, options?: Parameters<typeof parseWebhook>[1]): RcsRecord[] => {
  const result = parseWebhook(body, options)
  if (result._tag === 'Left') throw new Error(`expected records, got ${result.left.message}`)
  return result.right
}

const decodePaths = (body: unknown): string[] => {
  const result = parseWebhook(body)
  if (result._tag === 'Right') throw new Error('expected a decode error')
  expect(result.left.kind).toBe('decode')
  return (result.left.details as { issues: Array<{ path: string }> }).issues.map((issue) => issue.path)
}

describe('parseWebhook: the documented variants', () => {
  it('DELIVERY with statusCode 3 and customerMessageId (the id), messageId kept in extra', () => {
    const [record] = ok(WEBHOOK_DELIVERY_SMS)
    expect(record).toEqual({
      provider: 'partner-gateway',
      id: 'order-12345',
      reference: null,
      channel: 'sms',
      recipient: '+393401234567',
      sender: null,
      campaign: null,
      status: 'delivered',
      final: true,
      reason: null,
      vendorStatus: 3,
      vendorDescription: 'Message delivered',
      createdAt: null,
      sentAt: null,
      deliveredAt: '2026-04-09T10:30:00.000Z',
      readAt: null,
      updatedAt: '2026-04-09T10:30:00.000Z',
      cost: null,
      fallback: null,
      extra: { eventType: 'DELIVERY', messageId: 'e766…' },
      raw: WEBHOOK_DELIVERY_SMS,
    })
    expect(record?.raw).toBe(WEBHOOK_DELIVERY_SMS)
  })

  it('READ → read with readAt, id from messageId', () => {
    const [record] = ok(WEBHOOK_READ)
    expect(record).toMatchObject({
      id: 'e766…',
      channel: 'rcs',
      status: 'read',
      final: true,
      vendorStatus: 'READ',
      readAt: '2026-04-09T10:31:15.000Z',
      deliveredAt: null,
      updatedAt: '2026-04-09T10:31:15.000Z',
      // Keyed by messageId alone (a READ has no customerMessageId): extra.messageId is the id.
      extra: { eventType: 'READ', messageId: 'e766…' },
    })
    expect(record?.extra).toEqual({ eventType: 'READ', messageId: 'e766…' })
  })

  it('eventDate instead of timestamp', () => {
    const [record] = ok(WEBHOOK_DELIVERY_RCS)
    expect(record).toMatchObject({
      id: 'uuid',
      channel: 'rcs',
      status: 'delivered',
      vendorDescription: 'delivered',
      deliveredAt: '2025-10-16T10:42:18.000Z',
    })
  })

  it('statusCode 6 with statusDescription, price and part numbers', () => {
    const [record] = ok(WEBHOOK_NOT_DELIVERED_PART)
    expect(record).toMatchObject({
      id: 'uuid',
      channel: 'sms',
      status: 'undeliverable',
      final: true,
      vendorStatus: 6,
      vendorDescription: 'Not Delivered',
      reason: { code: 'unknown', permanent: null, vendorCode: '6', message: 'Not Delivered' },
      deliveredAt: null,
      updatedAt: '2024-01-15T10:30:00.000Z',
      cost: { amount: '0.035', currency: 'EUR' },
      extra: { eventType: 'DELIVERY', numPart: 1, totalParts: 1 },
    })
  })

  it('derives the failure reason from the description', () => {
    const [record] = ok({ ...WEBHOOK_DELIVERY_RCS, statusCode: 6, description: 'No RCS-capable device' })
    expect(record?.reason).toMatchObject({ code: 'not_rcs_capable', permanent: true })
  })

  it('an unknown status code is unknown with the code kept', () => {
    const [record] = ok({ ...WEBHOOK_DELIVERY_RCS, statusCode: 2, description: 'buffered' })
    expect(record).toMatchObject({ status: 'unknown', final: false, reason: null, vendorStatus: 2 })
    const [text] = ok({ ...WEBHOOK_DELIVERY_RCS, statusCode: '3' })
    expect(text).toMatchObject({ status: 'delivered', vendorStatus: '3' })
  })

  it("the webhook guide's shape: status from `status`, recipient from `phoneNumber`", () => {
    const [record] = ok(WEBHOOK_GUIDE_DELIVERED)
    expect(record).toMatchObject({
      id: 'order-12345',
      channel: 'sms',
      recipient: '+393401234567',
      status: 'delivered',
      final: true,
      reason: null,
      vendorStatus: 'DELIVERED',
      deliveredAt: '2026-04-09T10:30:00.000Z',
      updatedAt: '2026-04-09T10:30:00.000Z',
      extra: { messageId: 'e766b2f0-1c3d-4e5f-8a9b-0c1d2e3f4a5b' },
    })
    expect(record?.raw).toBe(WEBHOOK_GUIDE_DELIVERED)
  })

  it("the guide's shape on a failure: its `error` is the description the reason is read from", () => {
    const [record] = ok({ ...WEBHOOK_GUIDE_DELIVERED, status: 'ERROR', error: 'Invalid destination number' })
    expect(record).toMatchObject({
      status: 'undeliverable',
      vendorStatus: 'ERROR',
      vendorDescription: 'Invalid destination number',
      reason: {
        code: 'invalid_recipient',
        permanent: true,
        vendorCode: 'ERROR',
        message: 'Invalid destination number',
      },
      deliveredAt: null,
    })
    const [coded] = ok({ ...WEBHOOK_GUIDE_DELIVERED, status: 'ERROR', error: { code: 21, message: 'RCS disabled' } })
    expect(coded?.reason).toMatchObject({ code: 'not_rcs_capable', message: 'RCS disabled' })
    const [read] = ok({ ...WEBHOOK_GUIDE_DELIVERED, status: 'READ', channel: 'whatsapp' })
    expect(read).toMatchObject({ status: 'read', channel: 'whatsapp', readAt: '2026-04-09T10:30:00.000Z' })
    const [odd] = ok({ ...WEBHOOK_GUIDE_DELIVERED, status: 'QUEUED_AT_CARRIER' })
    expect(odd).toMatchObject({ status: 'unknown', vendorStatus: 'QUEUED_AT_CARRIER', reason: null })
  })

  it('INBOUND (a user reply) is not a delivery report: []', () => {
    expect(ok(WEBHOOK_INBOUND)).toEqual([])
    expect(ok([WEBHOOK_INBOUND, WEBHOOK_GUIDE_DELIVERED]).map((r) => r.id)).toEqual(['order-12345'])
  })

  it('INBOUND is not a status: no record, no error', () => {
    expect(ok({ eventType: 'INBOUND', messageId: 'm1', destination: '+393401234567', body: 'STOP' })).toEqual([])
    expect(ok([WEBHOOK_READ, { eventType: 'INBOUND' }, WEBHOOK_DELIVERY_RCS]).map((r) => r.status)).toEqual([
      'read',
      'delivered',
    ])
  })

  it('an unknown event type is unknown with the event type kept; without eventType a code is enough', () => {
    const [record] = ok({ eventType: 'CLICK', messageId: 'm1', timestamp: '2026-04-09T10:31:15Z' })
    expect(record).toMatchObject({ status: 'unknown', vendorStatus: 'CLICK', updatedAt: '2026-04-09T10:31:15.000Z' })
    expect(ok({ messageId: 'm1', statusCode: 3 })[0]?.status).toBe('delivered')
  })

  it('accepts the body as a JSON string, and batches', () => {
    expect(ok(JSON.stringify(WEBHOOK_READ))[0]?.status).toBe('read')
    expect(ok([WEBHOOK_DELIVERY_SMS, WEBHOOK_READ]).map((r) => r.id)).toEqual(['order-12345', 'e766…'])
  })

  it('uses the currency and default channel it is given', () => {
    const [record] = ok({ messageId: 'm1', statusCode: 3, price: '0.05' }, { currency: 'GBP', channel: 'whatsapp' })
    expect(record).toMatchObject({ channel: 'whatsapp', cost: { amount: '0.05', currency: 'GBP' } })
  })
})

describe('parseWebhook: per-part SMS callbacks', () => {
  it('gives one record per part for the same id, which mergeRecords combines', () => {
    const part1 = {
      ...WEBHOOK_NOT_DELIVERED_PART,
      statusCode: 3,
      numPart: 1,
      totalParts: 2,
      timestamp: '2024-01-15T10:30:00Z',
    }
    const part2 = {
      ...WEBHOOK_NOT_DELIVERED_PART,
      statusCode: 3,
      numPart: 2,
      totalParts: 2,
      timestamp: '2024-01-15T10:30:02Z',
    }
    const records = [...ok(part1), ...ok(part2)]
    expect(records.map((r) => [r.id, r.extra.numPart, r.extra.totalParts])).toEqual([
      ['uuid', 1, 2],
      ['uuid', 2, 2],
    ])
    const merged = records.reduce<RcsRecord | undefined>((current, record) => mergeRecords(current, record), undefined)
    expect(merged).toMatchObject({ id: 'uuid', status: 'delivered' })
  })
})

describe('parseWebhook: junk', () => {
  it.each([
    [null, ['(root)']],
    [42, ['(root)']],
    [[], ['(root)']],
    ['not json', ['(root)']],
    [{}, ['messageId', 'statusCode']],
    [{ eventType: 'DELIVERY', messageId: 'm1' }, ['statusCode']],
    [{ eventType: 'DELIVERY', messageId: 'm1', statusCode: 'three' }, ['statusCode']],
    [{ eventType: 'READ' }, ['messageId']],
    [{ eventType: 5, messageId: 'm1' }, ['eventType']],
    [{ eventType: 'READ', customerMessageId: '' }, ['customerMessageId']],
    [[WEBHOOK_READ, { eventType: 'DELIVERY', messageId: 'x' }], ['1.statusCode']],
    [[WEBHOOK_READ, 7], ['1']],
  ])('%j → %j', (body, paths) => {
    expect(decodePaths(body)).toEqual(paths)
  })

  it('reports bad options as a config error', () => {
    const result = parseWebhook(WEBHOOK_READ, { currency: 'eur' })
    expect(result._tag === 'Left' && result.left.kind).toBe('config')
  })
})

describe('parseWebhook: properties', () => {
  it('never throws on arbitrary values; records are sound', () => {
    fc.assert(
      fc.property(fc.anything(), (body) => {
        const result = parseWebhook(body)
        if (result._tag === 'Left') return result.left.kind === 'decode'
        return result.right.every((record) => isRight(RcsRecordCodec.decode(record)))
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws on near-valid callbacks', () => {
    const field = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined))
    const body = fc.record({
      eventType: fc.oneof(fc.constantFrom('DELIVERY', 'READ', 'INBOUND'), field),
      messageId: field,
      customerMessageId: field,
      statusCode: fc.oneof(fc.constantFrom(3, 6, '3'), field),
      description: field,
      statusDescription: field,
      timestamp: field,
      eventDate: field,
      price: field,
      numPart: field,
      channel: field,
      destination: field,
    })
    fc.assert(
      fc.property(
        fc.oneof(
          body,
          fc.array(body, { maxLength: 3 }),
          body.map((b) => JSON.stringify(b)),
        ),
        (value) => {
          const result = parseWebhook(value)
          if (result._tag === 'Left') return result.left.kind === 'decode'
          return result.right.every((record) => isRight(RcsRecordCodec.decode(record)))
        },
      ),
      { numRuns: 2000 },
    )
  })
})

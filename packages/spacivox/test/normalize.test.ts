import { type DecodeErrorDetails, RcsRecordCodec } from '@rcs-records/core'
import { lookupStatus } from '@rcs-records/core/kit'
import fc from 'fast-check'
import { isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { normalize, statusTable } from '../src/index.js'
import { item, SEED_RECORD } from './fixtures.js'

const ok = (payload: unknown) => {
  const result = normalize(payload)
  if (result._tag === 'Left') throw result.left
  return result.right
}

const fail = (payload: unknown) => {
  const result = normalize(payload)
  if (result._tag === 'Right') throw new Error('expected a decode error')
  return result.left
}

describe('normalize: the seed example', () => {
  it('normalises the vendor example verbatim', () => {
    const record = ok(SEED_RECORD)
    expect(record).toEqual({
      provider: 'spacivox',
      id: '1',
      reference: '123456',
      channel: 'rcs',
      recipient: '+33612345678',
      sender: null,
      campaign: '1',
      status: 'sent',
      final: false,
      reason: null,
      vendorStatus: 0,
      vendorDescription: 'sent',
      createdAt: null,
      sentAt: '2015-01-06T10:21:14.243Z',
      deliveredAt: null,
      readAt: null,
      updatedAt: '2015-01-06T10:21:14.243Z',
      cost: null,
      fallback: null,
      extra: { job: 1, team: 1, portal: null },
      raw: SEED_RECORD,
    })
    expect(record.raw).toBe(SEED_RECORD)
    expect(isRight(RcsRecordCodec.decode(record))).toBe(true)
  })
})

describe('normalize: states', () => {
  const at = '2015-01-06T10:21:14.243Z'

  it('maps every documented state, with the timestamp as the time of that state', () => {
    expect(ok(item({ state: 0 }))).toMatchObject({
      status: 'sent',
      final: false,
      sentAt: at,
      deliveredAt: null,
      readAt: null,
      updatedAt: at,
    })
    expect(ok(item({ state: 1 }))).toMatchObject({
      status: 'delivered',
      final: true,
      sentAt: null,
      deliveredAt: at,
      readAt: null,
      reason: null,
    })
    expect(ok(item({ state: 4 }))).toMatchObject({
      status: 'read',
      final: true,
      readAt: at,
      deliveredAt: null,
      updatedAt: at,
      reason: null,
    })
    expect(ok(item({ state: 2 }))).toMatchObject({
      status: 'undeliverable',
      final: true,
      vendorStatus: 2,
      vendorDescription: 'failed',
      reason: { code: 'unknown', permanent: null, vendorCode: '2', message: 'failed' },
      sentAt: null,
      updatedAt: at,
    })
    expect(ok(item({ state: 3 }))).toMatchObject({
      status: 'rejected',
      final: true,
      vendorDescription: 'rejected',
      reason: { code: 'unknown', permanent: null, vendorCode: '3', message: 'rejected' },
    })
  })

  it('exports the table the design documents', () => {
    expect(statusTable).toEqual({ 0: 'sent', 1: 'delivered', 2: 'undeliverable', 3: 'rejected', 4: 'read' })
    expect(lookupStatus(statusTable, 'constructor')).toBe('unknown')
  })

  it.each([7, -1, 5, 1.5, 1e21, '1', 'read', ''])('state %j is unknown, with the raw value kept', (state) => {
    const record = ok(item({ state }))
    expect(record.status).toBe('unknown')
    expect(record.final).toBe(false)
    expect(record.vendorStatus).toBe(state)
    expect(record.vendorDescription).toBeNull()
    expect(record.reason).toBeNull()
    expect(record.sentAt).toBeNull()
    expect(record.updatedAt).toBe(at)
  })
})

describe('normalize: fields', () => {
  it('puts content_message in extra.content and keeps job, team, portal', () => {
    const content = { type: 'text', text: 'Hello' }
    expect(ok(item({ content_message: content, portal: 3 })).extra).toEqual({ job: 1, team: 1, portal: 3, content })
    expect(ok({ id: 9, state: 1 }).extra).toEqual({})
  })

  it('never copies __proto__-like keys into extra', () => {
    const payload = JSON.parse('{"id":1,"state":0,"__proto__":{"polluted":true},"constructor":1}')
    const record = ok(payload)
    expect(Object.keys(record.extra)).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('makes unusable values null without failing the record', () => {
    const record = ok(
      item({ number: 'not a phone', timestamp: '2015-02-30T10:00:00.000Z', campaign: { x: 1 }, reference: 5 }),
    )
    expect(record.recipient).toBeNull()
    expect(record.updatedAt).toBeNull()
    expect(record.sentAt).toBeNull()
    expect(record.campaign).toBeNull()
    expect(record.reference).toBe('5')
    expect(ok(item({ timestamp: 'yesterday', number: null })).updatedAt).toBeNull()
  })

  it('reads other ISO-8601 forms of timestamp as UTC instants', () => {
    expect(ok(item({ timestamp: '2015-01-06T11:21:14+01:00' })).updatedAt).toBe('2015-01-06T10:21:14.000Z')
    expect(ok(item({ timestamp: '2015-01-06T10:21:14Z' })).updatedAt).toBe('2015-01-06T10:21:14.000Z')
  })

  it('accepts a digit-string id and normalises numbers to E.164', () => {
    expect(ok(item({ id: '77' })).id).toBe('77')
    expect(ok(item({ number: '0033612345678' })).recipient).toBe('+33612345678')
  })
})

describe('normalize: decode errors', () => {
  it('names the missing id and state', () => {
    const error = fail({ number: '+33612345678' })
    expect(error.kind).toBe('decode')
    expect(error.provider).toBe('spacivox')
    const details = error.details as DecodeErrorDetails
    expect(details.issues.map((issue) => issue.path)).toEqual(['id', 'state'])
    expect(error.message).toContain('id: expected a non-negative integer id')
  })

  it('refuses a non-integer id, a null or structured state, and non-objects', () => {
    expect((fail(item({ id: 1.5 })).details as DecodeErrorDetails).issues[0]?.path).toBe('id')
    expect((fail(item({ state: null })).details as DecodeErrorDetails).issues[0]?.path).toBe('state')
    expect((fail(item({ state: { v: 1 } })).details as DecodeErrorDetails).issues[0]?.path).toBe('state')
    expect((fail(item({ state: true })).details as DecodeErrorDetails).issues[0]?.path).toBe('state')
    for (const payload of [null, 1, 'x', [SEED_RECORD]]) {
      expect((fail(payload).details as DecodeErrorDetails).issues[0]?.path).toBe('(root)')
    }
  })

  it('keeps the raw payload and the readable id', () => {
    const payload = { id: 5 }
    const details = fail(payload).details as DecodeErrorDetails
    expect(details.raw).toBe(payload)
    expect(details.id).toBe('5')
  })
})

describe('normalize: properties', () => {
  it('never throws on arbitrary JSON, and returns a valid record or a decode error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (payload) => {
        const result = normalize(payload)
        if (result._tag === 'Left') expect(result.left.kind).toBe('decode')
        else expect(isRight(RcsRecordCodec.decode(result.right))).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('on record-shaped payloads with arbitrary field values: valid records, raw kept, status from the table', () => {
    const value = fc.oneof(fc.jsonValue(), fc.constant(undefined))
    const payload = fc.record(
      {
        id: fc.oneof(fc.nat(), value),
        state: fc.oneof(fc.integer({ min: -2, max: 8 }), value),
        campaign: value,
        job: value,
        number: fc.oneof(fc.string(), value),
        portal: value,
        reference: value,
        team: value,
        timestamp: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          value,
        ),
        content_message: value,
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(payload, (p) => {
        const result = normalize(p)
        if (result._tag === 'Left') {
          expect(result.left.kind).toBe('decode')
          return
        }
        const record = result.right
        expect(record.raw).toBe(p)
        expect(isRight(RcsRecordCodec.decode(record))).toBe(true)
        const expected =
          typeof p.state === 'number' && Number.isInteger(p.state)
            ? (statusTable[p.state as 0] ?? 'unknown')
            : 'unknown'
        expect(record.status).toBe(expected)
      }),
      { numRuns: 2000 },
    )
  })
})

import { RcsRecordCodec } from '@rcs-records/core'
import fc from 'fast-check'
import { isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { parseWebhook } from '../src/index.js'
import { CALLBACK_EXAMPLE, makeClient, SPEC_CLICK_CALLBACK, SPEC_STATUS_CALLBACK } from './fixtures.js'

const ok = (body: unknown, timeZone?: string) => {
  const result = parseWebhook(body, timeZone === undefined ? undefined : { timeZone })
  if (result._tag === 'Left') throw new Error(result.left.message)
  return result.right
}

describe('parseWebhook', () => {
  it('parses the documented callback verbatim', () => {
    const [record] = ok(CALLBACK_EXAMPLE)
    expect(record).toMatchObject({
      provider: 'bsg',
      id: '3266500452',
      reference: 'hello',
      channel: 'rcs',
      recipient: '+380997087351',
      status: 'delivered',
      final: true,
      reason: null,
      vendorStatus: 'delivered',
      vendorDescription: 'No errors',
      createdAt: '2024-08-22T11:47:42.000Z',
      sentAt: '2024-08-22T11:47:42.000Z',
      deliveredAt: '2024-08-22T11:47:53.000Z',
      readAt: null,
      updatedAt: '2024-08-22T11:47:53.000Z',
      cost: { amount: '1.1000000', currency: 'EUR' },
      fallback: null,
      extra: { error: 0 },
    })
    expect(record?.raw).toBe(CALLBACK_EXAMPLE)
    expect(isRight(RcsRecordCodec.decode(record))).toBe(true)
  })

  it('reads the times in the configured zone', () => {
    const [record] = ok(CALLBACK_EXAMPLE, 'Europe/Kyiv')
    expect(record?.deliveredAt).toBe('2024-08-22T08:47:53.000Z')
  })

  it('turns error/errorDescription into the reason of a failure', () => {
    const [record] = ok({ ...CALLBACK_EXAMPLE, status: 'failed', error: 12, errorDescription: 'Invalid number' })
    expect(record?.status).toBe('rejected')
    expect(record?.reason).toEqual({
      code: 'invalid_recipient',
      permanent: true,
      vendorCode: '12',
      message: 'Invalid number',
    })
    expect(record?.deliveredAt).toBeNull()
    expect(record?.updatedAt).toBe('2024-08-22T11:47:53.000Z')
  })

  it('a failure is only as specific as BSG says: `failed` alone is an unknown cause, permanence unknown', () => {
    const [bare] = ok({ ...CALLBACK_EXAMPLE, status: 'failed' })
    expect(bare?.status).toBe('rejected')
    expect(bare?.reason).toEqual({ code: 'unknown', permanent: null, vendorCode: 'failed', message: null })
    const [vague] = ok({ ...CALLBACK_EXAMPLE, status: 'failed', error: 3, errorDescription: 'Sending error' })
    expect(vague?.reason).toEqual({ code: 'unknown', permanent: null, vendorCode: '3', message: 'Sending error' })
  })

  it.each([
    ['Invalid phone number format', 'invalid_recipient', true],
    ['Missing prefix', 'invalid_recipient', true],
    ['Exists on the stop list', 'opted_out', true],
    ['Insufficient funds', 'provider_error', false],
  ])('reads the cause from the description: %s → %s', (description, code, permanent) => {
    const [record] = ok({ ...CALLBACK_EXAMPLE, status: 'failed', error: 7, errorDescription: description })
    expect(record?.reason).toEqual({ code, permanent, vendorCode: '7', message: description })
    const [undelivered] = ok({ ...CALLBACK_EXAMPLE, status: 'undelivered', error: 7, errorDescription: description })
    expect(undelivered?.reason?.code).toBe(code)
  })

  it('matches status values regardless of case (BSG writes them upper-case in its status table)', () => {
    const [record] = ok({ ...CALLBACK_EXAMPLE, status: 'DELIVERED' })
    expect(record).toMatchObject({
      status: 'delivered',
      vendorStatus: 'DELIVERED',
      deliveredAt: '2024-08-22T11:47:53.000Z',
    })
    const [read] = ok({ ...CALLBACK_EXAMPLE, status: 'Read' })
    expect(read).toMatchObject({ status: 'read', readAt: '2024-08-22T11:47:53.000Z' })
  })

  it("parses the spec's RcsStatusCallback example verbatim", () => {
    const [record] = ok(SPEC_STATUS_CALLBACK)
    expect(record).toMatchObject({
      id: '3272625618',
      reference: 'f2d37bf77f6242daa83f23b0cc84b627',
      recipient: '+380661231231',
      status: 'delivered',
      createdAt: '2025-04-14T10:56:09.000Z',
      deliveredAt: '2025-04-14T10:56:13.000Z',
      cost: { amount: '0.10', currency: 'EUR' },
    })
  })

  it('the RcsClickCallback (a suggestion tapped, posted to the same URL) is not a delivery report: no record', () => {
    expect(ok(SPEC_CLICK_CALLBACK)).toEqual([])
    expect(ok(JSON.stringify(SPEC_CLICK_CALLBACK))).toEqual([])
    const records = ok([SPEC_CLICK_CALLBACK, SPEC_STATUS_CALLBACK])
    expect(records.map((record) => record.id)).toEqual(['3272625618'])
    expect(records[0]?.status).toBe('delivered')
  })

  it('uses the status as vendorCode when the error code is 0, and ignores "No errors"', () => {
    const [record] = ok({ ...CALLBACK_EXAMPLE, status: 'not_rcs_user' })
    expect(record?.reason).toEqual({
      code: 'not_rcs_capable',
      permanent: true,
      vendorCode: 'not_rcs_user',
      message: null,
    })
    const [expired] = ok({ ...CALLBACK_EXAMPLE, status: 'expired' })
    expect(expired?.reason?.code).toBe('timed_out')
  })

  it('never sets a reason on success, even with an error code', () => {
    const [record] = ok({ ...CALLBACK_EXAMPLE, error: 5, errorDescription: 'odd' })
    expect(record?.reason).toBeNull()
  })

  it('puts time_dr in readAt for read', () => {
    const [record] = ok({ ...CALLBACK_EXAMPLE, status: 'read' })
    expect(record?.readAt).toBe('2024-08-22T11:47:53.000Z')
    expect(record?.deliveredAt).toBeNull()
  })

  it('accepts an array of callbacks and a JSON string body', () => {
    const records = ok([CALLBACK_EXAMPLE, { ...CALLBACK_EXAMPLE, id: 3266500453, status: 'sent' }])
    expect(records.map((r) => [r.id, r.status])).toEqual([
      ['3266500452', 'delivered'],
      ['3266500453', 'sent'],
    ])
    expect(ok(JSON.stringify(CALLBACK_EXAMPLE))[0]?.id).toBe('3266500452')
    expect(ok([])).toEqual([])
  })

  it('names the failing path inside a batch', () => {
    const result = parseWebhook([CALLBACK_EXAMPLE, { ...CALLBACK_EXAMPLE, status: undefined }])
    expect(result._tag).toBe('Left')
    if (result._tag === 'Left') {
      expect(result.left.kind).toBe('decode')
      expect((result.left.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['1.status'])
    }
    const text = parseWebhook('{not json')
    expect(text._tag === 'Left' && text.left.kind).toBe('decode')
  })

  it('is what the client exposes', () => {
    const client = makeClient({ timeZone: 'Europe/Kyiv' })
    expect(client.parseWebhook(CALLBACK_EXAMPLE)[0]?.createdAt).toBe('2024-08-22T08:47:42.000Z')
    expect(() => client.parseWebhook({})).toThrow(/status/)
  })

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.string(), fc.array(fc.anything())), (value) => {
        const result = parseWebhook(value, { timeZone: 'Europe/Kyiv' })
        return result._tag === 'Left'
          ? result.left.kind === 'decode'
          : result.right.every((record) => isRight(RcsRecordCodec.decode(record)))
      }),
      { numRuns: 2000 },
    )
  })
})

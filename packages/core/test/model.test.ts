import { isLeft, isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  ChannelCodec,
  DELIVERY_STATUSES,
  type DeliveryStatus,
  DeliveryStatusCodec,
  isFailure,
  isFinal,
  outcomeOf,
  type RcsRecord,
  RcsRecordCodec,
} from '../src/index.js'
import { buildRecord, failureReason, issuesFromValidation, lookupStatus, reasonOnFailure } from '../src/kit.js'
import { FailureReasonCodec, ReasonCodeCodec } from '../src/model/reason.js'
import { IsoTimestampCodec } from '../src/model/record.js'

const TABLE: Record<DeliveryStatus, { final: boolean; outcome: string }> = {
  pending: { final: false, outcome: 'in_flight' },
  sent: { final: false, outcome: 'in_flight' },
  delivered: { final: true, outcome: 'success' },
  read: { final: true, outcome: 'success' },
  rejected: { final: true, outcome: 'failure' },
  undeliverable: { final: true, outcome: 'failure' },
  expired: { final: true, outcome: 'failure' },
  canceled: { final: true, outcome: 'failure' },
  unknown: { final: false, outcome: 'unknown' },
}

describe('statuses', () => {
  it('lists exactly the nine canonical statuses', () => {
    expect([...DELIVERY_STATUSES].sort()).toEqual(Object.keys(TABLE).sort())
  })

  it.each(Object.entries(TABLE))('%s: isFinal and outcomeOf follow the design', (status, expected) => {
    const s = status as DeliveryStatus
    expect(isFinal(s)).toBe(expected.final)
    expect(isFinal(s)).toBe(outcomeOf(s) === 'success' || outcomeOf(s) === 'failure')
    expect(outcomeOf(s)).toBe(expected.outcome)
    expect(isFailure(s)).toBe(expected.outcome === 'failure')
    const reason = failureReason('unreachable')
    expect(reasonOnFailure(s, reason)).toBe(expected.outcome === 'failure' ? reason : null)
    expect(reasonOnFailure(s, null)).toBeNull()
  })

  it('DeliveryStatusCodec accepts every status and nothing else', () => {
    for (const status of DELIVERY_STATUSES) expect(DeliveryStatusCodec.is(status)).toBe(true)
    for (const bad of ['DELIVERED', 'failed', '', 'constructor', '__proto__', 1, null, undefined, {}]) {
      expect(DeliveryStatusCodec.is(bad)).toBe(false)
      expect(isLeft(DeliveryStatusCodec.decode(bad))).toBe(true)
    }
  })

  it('ChannelCodec accepts the five channels only', () => {
    for (const channel of ['rcs', 'sms', 'whatsapp', 'viber', 'other']) expect(ChannelCodec.is(channel)).toBe(true)
    for (const bad of ['RCS', 'email', 'toString', 0, null]) expect(ChannelCodec.is(bad)).toBe(false)
  })

  it('ReasonCodeCodec accepts the ten reason codes only', () => {
    const codes = [
      'invalid_recipient',
      'not_rcs_capable',
      'unreachable',
      'opted_out',
      'blocked',
      'content_rejected',
      'rate_limited',
      'timed_out',
      'provider_error',
      'unknown',
    ]
    for (const code of codes) expect(ReasonCodeCodec.is(code)).toBe(true)
    for (const bad of ['not_rcs_user', 'hasOwnProperty', '', 3]) expect(ReasonCodeCodec.is(bad)).toBe(false)
  })
})

describe('failureReason', () => {
  it.each([
    ['invalid_recipient', true],
    ['not_rcs_capable', true],
    ['opted_out', true],
    ['blocked', true],
    ['content_rejected', true],
    ['unreachable', false],
    ['rate_limited', false],
    ['timed_out', false],
    ['provider_error', false],
    ['unknown', null],
  ] as const)('%s defaults permanent to %s and the rest to null', (code, permanent) => {
    expect(failureReason(code)).toEqual({ code, permanent, vendorCode: null, message: null })
  })

  it('keeps what the adapter says, including an explicit null permanence', () => {
    expect(failureReason('unreachable', { vendorCode: 'ERROR', message: 'RCS disabled', permanent: true })).toEqual({
      code: 'unreachable',
      permanent: true,
      vendorCode: 'ERROR',
      message: 'RCS disabled',
    })
    expect(failureReason('invalid_recipient', { permanent: null }).permanent).toBeNull()
    expect(FailureReasonCodec.is(failureReason('blocked'))).toBe(true)
  })
})

const validStored = (): RcsRecord => ({
  provider: 'bsg',
  id: '26130',
  reference: 'ext-1',
  channel: 'rcs',
  recipient: '+380661234567',
  sender: 'Agent',
  campaign: null,
  status: 'undeliverable',
  final: true,
  reason: { code: 'not_rcs_capable', permanent: true, vendorCode: 'not_rcs_user', message: null },
  vendorStatus: 'not_rcs_user',
  vendorDescription: null,
  createdAt: '2021-04-27T19:44:06.000Z',
  sentAt: '2021-04-27T19:44:07.000Z',
  deliveredAt: null,
  readAt: null,
  updatedAt: '2021-04-27T19:45:00.000Z',
  cost: { amount: '0.0100000', currency: 'UAH' },
  fallback: { channel: 'sms', ids: ['889123'], parts: 1 },
  extra: { job: 7 },
  raw: { anything: true },
})

const decodeProblems = (value: unknown): string[] => {
  const result = RcsRecordCodec.decode(value)
  return result._tag === 'Left'
    ? issuesFromValidation(result.left).map((issue) => `${issue.path}: ${issue.expected}`)
    : []
}

describe('RcsRecordCodec', () => {
  it('accepts a valid stored record, also after a JSON round trip', () => {
    const record = validStored()
    expect(isRight(RcsRecordCodec.decode(record))).toBe(true)
    expect(RcsRecordCodec.is(record)).toBe(true)
    expect(isRight(RcsRecordCodec.decode(JSON.parse(JSON.stringify(record))))).toBe(true)
    expect(RcsRecordCodec.encode(record)).toBe(record)
  })

  it('accepts a numeric vendor status and all-null optional fields', () => {
    const record = buildRecord({ provider: 'spacivox', id: '1', status: 'sent', vendorStatus: 0, raw: null })
    expect(isRight(RcsRecordCodec.decode(record))).toBe(true)
  })

  it.each([
    ['a non-object', 'nope', '(root)'],
    ['a missing id', { ...validStored(), id: undefined }, 'id'],
    ['a numeric id', { ...validStored(), id: 26130 }, 'id'],
    ['an unknown status', { ...validStored(), status: 'failed' }, 'status'],
    ['an unknown channel', { ...validStored(), channel: 'email' }, 'channel'],
    ['a bad reason code', { ...validStored(), reason: { ...validStored().reason, code: 'nope' } }, 'reason.code'],
    ['a boolean vendorStatus', { ...validStored(), vendorStatus: true }, 'vendorStatus'],
    ['extra as null', { ...validStored(), extra: null }, 'extra'],
    ['extra as a string', { ...validStored(), extra: 'x' }, 'extra'],
    [
      'fallback ids not strings',
      { ...validStored(), fallback: { channel: 'sms', ids: [1], parts: 1 } },
      'fallback.ids.0',
    ],
  ])('rejects %s', (_label, value, path) => {
    expect(isLeft(RcsRecordCodec.decode(value))).toBe(true)
    expect(RcsRecordCodec.is(value)).toBe(false)
    expect(decodeProblems(value).map((p) => p.split(':')[0])).toContain(path)
  })

  it.each([
    '2021-04-27T19:44:06Z',
    '2021-04-27T19:44:06.000+02:00',
    '2021-04-27 19:44:06',
    '2021-02-30T00:00:00.000Z',
    '2021-13-01T00:00:00.000Z',
    '2021-04-27T24:00:00.000Z',
    'yesterday',
  ])('rejects the non-canonical or impossible timestamp %s', (timestamp) => {
    expect(IsoTimestampCodec.is(timestamp)).toBe(false)
    expect(decodeProblems({ ...validStored(), sentAt: timestamp })).toEqual(['sentAt: IsoTimestamp | null'])
  })

  it.each(['0.01', '12', '-0.5', '0.0100000'])('accepts the amount %s', (amount) => {
    expect(RcsRecordCodec.is({ ...validStored(), cost: { amount, currency: 'UAH' } })).toBe(true)
  })

  it.each(['1e-7', '0,01', '.5', '5.', ' 1', 'string', ''])('rejects the amount %s', (amount) => {
    expect(decodeProblems({ ...validStored(), cost: { amount, currency: 'UAH' } })[0]).toMatch(/^cost\.amount: /)
  })

  it('rejects an amount stored as a number', () => {
    expect(decodeProblems({ ...validStored(), cost: { amount: 0.01, currency: 'UAH' } })[0]).toMatch(/^cost\.amount/)
  })

  it('rejects `final` that disagrees with the status, naming the field', () => {
    expect(decodeProblems({ ...validStored(), final: false })).toEqual(['final: `final` must equal isFinal(status)'])
    expect(decodeProblems({ ...validStored(), status: 'sent', reason: null, final: true })).toEqual([
      'final: `final` must equal isFinal(status)',
    ])
    expect(RcsRecordCodec.is({ ...validStored(), status: 'unknown', reason: null, final: true })).toBe(false)
  })

  it('rejects a reason on a status that is not a failure', () => {
    const record = { ...validStored(), status: 'delivered', final: true }
    expect(decodeProblems(record)).toEqual(['reason: `reason` must be null unless the status is a failure'])
    expect(RcsRecordCodec.is(record)).toBe(false)
  })
})

describe('buildRecord', () => {
  it('computes final and defaults every optional field', () => {
    const raw = { id: 1 }
    const record = buildRecord({ provider: 'x', id: '1', status: 'delivered', vendorStatus: 1, raw })
    expect(record).toEqual({
      provider: 'x',
      id: '1',
      reference: null,
      channel: 'rcs',
      recipient: null,
      sender: null,
      campaign: null,
      status: 'delivered',
      final: true,
      reason: null,
      vendorStatus: 1,
      vendorDescription: null,
      createdAt: null,
      sentAt: null,
      deliveredAt: null,
      readAt: null,
      updatedAt: null,
      cost: null,
      fallback: null,
      extra: {},
      raw,
    })
    expect(record.raw).toBe(raw)
    expect(RcsRecordCodec.is(record)).toBe(true)
  })

  it.each(DELIVERY_STATUSES)('%s: final is isFinal(status) and a reason survives only on failure', (status) => {
    const reason = failureReason('unreachable')
    const record = buildRecord({ provider: 'x', id: '1', status, vendorStatus: status, raw: {}, reason })
    expect(record.final).toBe(isFinal(status))
    expect(record.reason).toEqual(isFailure(status) ? reason : null)
    expect(RcsRecordCodec.is(record)).toBe(true)
  })

  it('keeps the fields it is given', () => {
    const record = buildRecord({
      provider: 'x',
      id: '1',
      status: 'sent',
      vendorStatus: 'SENT',
      raw: {},
      channel: 'sms',
      recipient: '+380661234567',
      sentAt: '2021-04-27T19:44:06.000Z',
      extra: { job: 1 },
    })
    expect(record).toMatchObject({
      channel: 'sms',
      recipient: '+380661234567',
      sentAt: '2021-04-27T19:44:06.000Z',
      extra: { job: 1 },
    })
  })
})

describe('lookupStatus', () => {
  const table = { DELIVERED: 'delivered', SENT: 'sent', 1: 'delivered' } as const

  it('maps what the table has, by string or number', () => {
    expect(lookupStatus(table, 'DELIVERED')).toBe('delivered')
    expect(lookupStatus(table, 1)).toBe('delivered')
    expect(lookupStatus(table, '1')).toBe('delivered')
  })

  it.each([
    'READ',
    'delivered',
    '',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf',
    2,
    Number.NaN,
  ])('maps the unmapped value %s to unknown', (value) => {
    expect(lookupStatus(table, value)).toBe('unknown')
  })

  it.each([null, undefined, true, {}, ['SENT'], { toString: () => 'SENT' }])(
    'maps the non-scalar %s to unknown',
    (value) => {
      expect(lookupStatus(table, value)).toBe('unknown')
    },
  )

  it('maps a value that is in the table as undefined to unknown', () => {
    expect(lookupStatus({ X: undefined }, 'X')).toBe('unknown')
  })
})

import { describe, expect, it } from 'vitest'
import { type DeliveryStatus, mergeRecords, type RcsRecord } from '../src/index.js'
import { buildRecord, failureReason, type RecordInit } from '../src/kit.js'

const T = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString()

const obs = (status: DeliveryStatus, init: Partial<RecordInit> = {}): RcsRecord =>
  buildRecord({
    provider: 'partner-gateway',
    id: 'm1',
    status,
    vendorStatus: status.toUpperCase(),
    raw: { status },
    ...init,
  })

const fold = (...records: RcsRecord[]): RcsRecord =>
  records.reduce<RcsRecord | undefined>((acc, record) => mergeRecords(acc, record), undefined) as RcsRecord

describe('mergeRecords: progress ranks pending < sent < delivered < read', () => {
  const progress: DeliveryStatus[] = ['pending', 'sent', 'delivered', 'read']
  for (const [i, lower] of progress.entries()) {
    for (const higher of progress.slice(i + 1)) {
      it(`${higher} then a later ${lower}: stays ${higher}`, () => {
        const merged = fold(obs(higher, { updatedAt: T(1) }), obs(lower, { updatedAt: T(2) }))
        expect(merged.status).toBe(higher)
        expect(merged.vendorStatus).toBe(higher.toUpperCase())
      })
      it(`${lower} then ${higher}: becomes ${higher}`, () => {
        expect(fold(obs(lower, { updatedAt: T(2) }), obs(higher, { updatedAt: T(1) })).status).toBe(higher)
      })
    }
  }
})

describe('mergeRecords: failures', () => {
  const failures: DeliveryStatus[] = ['rejected', 'undeliverable', 'expired', 'canceled']
  for (const failure of failures) {
    for (const inFlight of ['pending', 'sent'] as const) {
      it(`${failure} is sticky against a later ${inFlight}`, () => {
        const reason = failureReason('unreachable', { vendorCode: 'E1' })
        const merged = fold(obs(failure, { updatedAt: T(1), reason }), obs(inFlight, { updatedAt: T(5) }))
        expect(merged.status).toBe(failure)
        expect(merged.final).toBe(true)
        expect(merged.reason).toEqual(reason)
      })
      it(`${failure} overrides an earlier ${inFlight}`, () => {
        expect(fold(obs(inFlight, { updatedAt: T(1) }), obs(failure, { updatedAt: T(5) })).status).toBe(failure)
      })
    }
    for (const success of ['delivered', 'read'] as const) {
      it(`${success} wins over a later ${failure}, which leaves no reason behind`, () => {
        const merged = fold(
          obs(success, { updatedAt: T(1), readAt: success === 'read' ? T(1) : null }),
          obs(failure, { updatedAt: T(9), reason: failureReason('timed_out') }),
        )
        expect(merged.status).toBe(success)
        expect(merged.reason).toBeNull()
        expect(merged.final).toBe(true)
      })
      it(`${success} arriving after ${failure} wins too (a receipt proves delivery)`, () => {
        const merged = fold(
          obs(failure, { updatedAt: T(9), reason: failureReason('timed_out') }),
          obs(success, { updatedAt: T(1) }),
        )
        expect(merged.status).toBe(success)
        expect(merged.reason).toBeNull()
      })
    }
  }

  it('between two failures the later updatedAt wins, whatever the arrival order', () => {
    const rejected = obs('rejected', { updatedAt: T(1), reason: failureReason('invalid_recipient') })
    const expired = obs('expired', { updatedAt: T(2), reason: failureReason('timed_out') })
    expect(fold(rejected, expired).status).toBe('expired')
    expect(fold(expired, rejected).status).toBe('expired')
    expect(fold(expired, rejected).reason?.code).toBe('timed_out')
  })

  it('the reason belongs to the observation that set the status, like vendorStatus', () => {
    const early = obs('undeliverable', { updatedAt: T(1), reason: failureReason('not_rcs_capable') })
    const late = obs('undeliverable', { updatedAt: T(2), reason: failureReason('unreachable') })
    expect(fold(early, late).reason?.code).toBe('unreachable')
    expect(fold(late, early).reason?.code).toBe('unreachable')
  })
})

describe('mergeRecords: unknown', () => {
  for (const known of [
    'pending',
    'sent',
    'delivered',
    'read',
    'rejected',
    'undeliverable',
    'expired',
    'canceled',
  ] as const) {
    it(`a later unknown never overwrites ${known}`, () => {
      const merged = fold(obs(known, { updatedAt: T(1) }), obs('unknown', { updatedAt: T(9), vendorStatus: 'WEIRD' }))
      expect(merged.status).toBe(known)
      expect(merged.vendorStatus).toBe(known.toUpperCase())
    })
    it(`${known} replaces an earlier unknown`, () => {
      expect(fold(obs('unknown', { updatedAt: T(9) }), obs(known, { updatedAt: T(1) })).status).toBe(known)
    })
  }

  it('between two unknowns the later updatedAt wins', () => {
    const a = obs('unknown', { updatedAt: T(1), vendorStatus: 'A' })
    const b = obs('unknown', { updatedAt: T(2), vendorStatus: 'B' })
    expect(fold(a, b).vendorStatus).toBe('B')
    expect(fold(b, a).vendorStatus).toBe('B')
  })
})

describe('mergeRecords: read implies delivered', () => {
  it('read without any delivered sets deliveredAt to readAt', () => {
    const merged = mergeRecords(undefined, obs('read', { readAt: T(7) }))
    expect(merged.deliveredAt).toBe(T(7))
    expect(merged.readAt).toBe(T(7))
  })

  it('read after sent (no receipt) sets deliveredAt to readAt', () => {
    const merged = fold(obs('sent', { sentAt: T(1) }), obs('read', { readAt: T(7) }))
    expect(merged).toMatchObject({ status: 'read', sentAt: T(1), deliveredAt: T(7), readAt: T(7) })
  })

  it('a real delivery time is kept, whichever arrives first', () => {
    const delivered = obs('delivered', { deliveredAt: T(3), updatedAt: T(3) })
    const read = obs('read', { readAt: T(7), updatedAt: T(7) })
    expect(fold(delivered, read).deliveredAt).toBe(T(3))
    expect(fold(read, delivered).deliveredAt).toBe(T(3))
  })

  it('a read without readAt leaves deliveredAt unknown rather than guessing', () => {
    expect(mergeRecords(undefined, obs('read')).deliveredAt).toBeNull()
  })

  it('a deliveredAt later than readAt is brought back to readAt', () => {
    expect(mergeRecords(undefined, obs('read', { deliveredAt: T(9), readAt: T(7) })).deliveredAt).toBe(T(7))
  })

  it('delivered does not invent a readAt', () => {
    expect(mergeRecords(undefined, obs('delivered', { deliveredAt: T(3) })).readAt).toBeNull()
  })
})

describe('mergeRecords: equal ranks and filling in', () => {
  it('equal rank: the later updatedAt decides vendorStatus, description, channel and raw', () => {
    const early = obs('sent', { updatedAt: T(1), vendorStatus: 'SENT', vendorDescription: 'early', channel: 'rcs' })
    const late = obs('sent', { updatedAt: T(2), vendorStatus: 'RECEIVED', vendorDescription: 'late', channel: 'sms' })
    for (const merged of [fold(early, late), fold(late, early)]) {
      expect(merged).toMatchObject({ vendorStatus: 'RECEIVED', vendorDescription: 'late', channel: 'sms' })
      expect(merged.raw).toBe(late.raw)
      expect(merged.updatedAt).toBe(T(2))
    }
  })

  it('an observation with updatedAt beats one without at equal rank', () => {
    const timed = obs('sent', { updatedAt: T(1), vendorStatus: 'TIMED' })
    const untimed = obs('sent', { vendorStatus: 'UNTIMED' })
    expect(fold(timed, untimed).vendorStatus).toBe('TIMED')
    expect(fold(untimed, timed).vendorStatus).toBe('TIMED')
  })

  it('fields and timestamps the winner lacks are filled from the other observation', () => {
    const poll = obs('sent', {
      reference: 'ref-1',
      recipient: '+380661234567',
      sender: 'Agent',
      campaign: 'spring',
      createdAt: T(0),
      sentAt: T(1),
      cost: { amount: '0.01', currency: 'UAH' },
      fallback: { channel: 'sms', ids: ['9'], parts: 1 },
      extra: { job: 1, team: 'a' },
    })
    const webhook = obs('delivered', { deliveredAt: T(3), updatedAt: T(3), extra: { team: 'a', portal: 'p' } })
    for (const merged of [fold(poll, webhook), fold(webhook, poll)]) {
      expect(merged).toMatchObject({
        status: 'delivered',
        reference: 'ref-1',
        recipient: '+380661234567',
        sender: 'Agent',
        campaign: 'spring',
        createdAt: T(0),
        sentAt: T(1),
        deliveredAt: T(3),
        updatedAt: T(3),
        cost: { amount: '0.01', currency: 'UAH' },
        fallback: { channel: 'sms', ids: ['9'], parts: 1 },
      })
      expect(merged.extra).toEqual({ job: 1, team: 'a', portal: 'p' })
    }
  })

  it('disagreeing values are settled by a fixed rule, never by arrival order', () => {
    const a = obs('sent', {
      updatedAt: T(1),
      recipient: '+222222222',
      sentAt: T(2),
      createdAt: T(0),
      cost: { amount: '0.02', currency: 'UAH' },
      extra: { source: 'poll', job: 1 },
    })
    const b = obs('delivered', {
      updatedAt: T(3),
      recipient: '+111111111',
      sentAt: T(1),
      createdAt: T(1),
      cost: { amount: '0.01', currency: 'UAH' },
      extra: { source: 'webhook' },
    })
    for (const merged of [fold(a, b), fold(b, a)]) {
      expect(merged).toMatchObject({
        status: 'delivered',
        recipient: '+111111111',
        sentAt: T(1),
        createdAt: T(0),
        cost: { amount: '0.01', currency: 'UAH' },
        extra: { source: 'poll', job: 1 },
      })
    }
  })

  it('a third observation cannot be shadowed by a value filled in earlier (the fold is associative)', () => {
    const top = obs('delivered', { updatedAt: T(9) })
    const mid = obs('sent', { updatedAt: T(5), cost: { amount: '0.02', currency: 'USD' } })
    const low = obs('sent', { updatedAt: T(1), cost: { amount: '0.02', currency: 'EUR' } })
    const results = [fold(top, mid, low), fold(top, low, mid), fold(low, mid, top), fold(mid, top, low)]
    for (const merged of results) expect(merged).toEqual(results[0])
  })

  it('extra keys such as __proto__ from JSON stay plain data', () => {
    const a = obs('sent', { updatedAt: T(1), extra: JSON.parse('{"__proto__": {"polluted": true}, "job": 1}') })
    const b = obs('delivered', { updatedAt: T(2), extra: { team: 'x' } })
    const merged = fold(a, b)
    expect(Object.getPrototypeOf(merged.extra)).toBe(Object.prototype)
    expect(Object.hasOwn(merged.extra, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('does not copy when nothing changes: merging a record with itself returns it', () => {
    const record = obs('delivered', { deliveredAt: T(3) })
    expect(mergeRecords(record, record)).toBe(record)
    expect(mergeRecords(undefined, record)).toBe(record)
  })

  it('a record that breaks the invariants is repaired on first sight', () => {
    const broken: RcsRecord = { ...obs('sent'), final: true, reason: failureReason('blocked') }
    expect(mergeRecords(undefined, broken)).toMatchObject({ status: 'sent', final: false, reason: null })
  })

  it('webhook READ after the poll said SENT, then a stale SENT poll: read stays', () => {
    const sent = obs('sent', { updatedAt: T(1), sentAt: T(1) })
    const read = obs('read', { updatedAt: T(5), readAt: T(5) })
    const stale = obs('sent', { updatedAt: T(1), sentAt: T(1) })
    const merged = fold(sent, read, stale)
    expect(merged).toMatchObject({ status: 'read', final: true, sentAt: T(1), deliveredAt: T(5), readAt: T(5) })
  })
})

describe('mergeRecords: observations of different messages are never merged', () => {
  it('another id is a bad_request naming both messages, not a chimera', () => {
    const current = obs('delivered', { id: 'm1', recipient: '+393401234567' })
    const incoming = obs('read', { id: 'm2', readAt: T(5) })
    let error: unknown
    try {
      mergeRecords(current, incoming)
    } catch (caught) {
      error = caught
    }
    expect(error).toMatchObject({ name: 'RcsError', kind: 'bad_request', provider: null, retryable: false })
    expect((error as Error).message).toBe(
      'mergeRecords: cannot merge observations of different messages (partner-gateway m1 and partner-gateway m2)',
    )
  })

  it('another provider with the same id is a different message too', () => {
    expect(() => mergeRecords(obs('sent'), { ...obs('delivered'), provider: 'bsg' })).toThrow(
      /different messages \(partner-gateway m1 and bsg m1\)/,
    )
  })

  it('undefined as the current record is a first sight, whatever the id', () => {
    expect(mergeRecords(undefined, obs('sent', { id: 'other' })).id).toBe('other')
  })
})

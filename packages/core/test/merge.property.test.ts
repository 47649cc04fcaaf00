import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type DeliveryStatus, isFailure, isFinal, mergeRecords, RcsError, type RcsRecord } from '../src/index.js'
import {
  distinctlyTimedObservationsArb,
  observationArb,
  permutations,
  rcsRecordArb,
  statusArb,
} from './helpers/arbitraries.js'

const PROGRESS: readonly DeliveryStatus[] = ['pending', 'sent', 'delivered', 'read']
const FAILURES: readonly DeliveryStatus[] = ['rejected', 'undeliverable', 'expired', 'canceled']
const progressRank = (status: DeliveryStatus) => PROGRESS.indexOf(status)

/** Two observations of the same message. */
const pairArb = fc.tuple(observationArb({ provider: 'bsg', id: '42' }), observationArb({ provider: 'bsg', id: '42' }))

const fold = (records: readonly RcsRecord[]): RcsRecord =>
  records.reduce<RcsRecord | undefined>((acc, record) => mergeRecords(acc, record), undefined) as RcsRecord

/** JSON with object keys sorted: equal texts mean deeply equal records (key order aside). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  )

const NULLABLE_FIELDS = [
  'reference',
  'recipient',
  'sender',
  'campaign',
  'createdAt',
  'sentAt',
  'readAt',
  'cost',
  'fallback',
] as const

describe('mergeRecords laws (fast-check)', () => {
  it('is idempotent: merge(x, x) is x as first seen, and merging a merged record with itself changes nothing', () => {
    fc.assert(
      fc.property(rcsRecordArb, (x) => {
        const seen = mergeRecords(undefined, x)
        expect(mergeRecords(x, x)).toEqual(seen)
        expect(mergeRecords(x, structuredClone(x))).toEqual(seen)
        expect(mergeRecords(seen, seen)).toEqual(seen)
        expect(mergeRecords(seen, x)).toEqual(seen)
      }),
    )
  })

  it('a well-formed record whose read already has a delivery time merges with itself to itself', () => {
    fc.assert(
      fc.property(rcsRecordArb, (x) => {
        fc.pre(!(x.status === 'read' && x.readAt !== null && (x.deliveredAt === null || x.deliveredAt > x.readAt)))
        expect(mergeRecords(x, structuredClone(x))).toEqual(x)
      }),
    )
  })

  it('absorbs repeats: merge(merge(a, b), b) == merge(a, b) and merge(merge(a, b), a) == merge(a, b)', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const ab = mergeRecords(a, b)
        expect(mergeRecords(ab, b)).toEqual(ab)
        expect(mergeRecords(ab, a)).toEqual(ab)
      }),
    )
  })

  it('progress rank never goes backwards', () => {
    fc.assert(
      fc.property(pairArb, ([current, incoming]) => {
        const merged = mergeRecords(current, incoming)
        if (PROGRESS.includes(current.status)) {
          if (PROGRESS.includes(merged.status))
            expect(progressRank(merged.status)).toBeGreaterThanOrEqual(progressRank(current.status))
          else expect(isFailure(merged.status)).toBe(progressRank(current.status) < 2)
        }
        if (PROGRESS.includes(incoming.status) && PROGRESS.includes(merged.status)) {
          expect(progressRank(merged.status)).toBeGreaterThanOrEqual(progressRank(incoming.status))
        }
      }),
    )
  })

  it('over any sequence, the progress rank of the running result never decreases', () => {
    fc.assert(
      fc.property(
        fc.array(observationArb({ provider: 'bsg', id: '42' }), { minLength: 1, maxLength: 8 }),
        (records) => {
          let state: RcsRecord | undefined
          let best = -1
          for (const record of records) {
            state = mergeRecords(state, record)
            const rank = progressRank(state.status)
            if (rank >= 2) expect(rank).toBeGreaterThanOrEqual(best)
            if (rank >= 0) best = Math.max(best, rank)
            if (best >= 2) expect(['delivered', 'read']).toContain(state.status)
          }
        },
      ),
    )
  })

  it('failures are sticky against pending, sent and unknown, whatever their updatedAt', () => {
    fc.assert(
      fc.property(
        observationArb({ provider: 'bsg', id: '42', status: fc.constantFrom(...FAILURES) }),
        observationArb({ provider: 'bsg', id: '42', status: fc.constantFrom('pending', 'sent', 'unknown') }),
        (failure, inFlight) => {
          expect(mergeRecords(failure, inFlight).status).toBe(failure.status)
          expect(mergeRecords(inFlight, failure).status).toBe(failure.status)
          expect(mergeRecords(failure, inFlight).reason).toEqual(failure.reason)
        },
      ),
    )
  })

  it('delivered and read beat a failure, earlier or later', () => {
    fc.assert(
      fc.property(
        observationArb({ provider: 'bsg', id: '42', status: fc.constantFrom('delivered', 'read') }),
        observationArb({ provider: 'bsg', id: '42', status: fc.constantFrom(...FAILURES) }),
        (success, failure) => {
          for (const merged of [mergeRecords(success, failure), mergeRecords(failure, success)]) {
            expect(merged.status).toBe(success.status)
            expect(merged.reason).toBeNull()
          }
        },
      ),
    )
  })

  it('unknown never overwrites a known status', () => {
    fc.assert(
      fc.property(
        observationArb({ provider: 'bsg', id: '42', status: statusArb.filter((s) => s !== 'unknown') }),
        observationArb({ provider: 'bsg', id: '42', status: fc.constant('unknown') }),
        (known, unknown) => {
          expect(mergeRecords(known, unknown).status).toBe(known.status)
          expect(mergeRecords(known, unknown).vendorStatus).toBe(known.vendorStatus)
          expect(mergeRecords(unknown, known).status).toBe(known.status)
        },
      ),
    )
  })

  it('read without a delivery time gets deliveredAt = readAt; deliveredAt is never after readAt on read', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const merged = mergeRecords(a, b)
        if (merged.status !== 'read' || merged.readAt === null) return
        expect(merged.deliveredAt).not.toBeNull()
        expect(Date.parse(merged.deliveredAt as string)).toBeLessThanOrEqual(Date.parse(merged.readAt))
        if (a.deliveredAt === null && b.deliveredAt === null) expect(merged.deliveredAt).toBe(merged.readAt)
      }),
    )
  })

  it('keeps the invariants: final = isFinal(status), a reason only on failure, fields filled from either side', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const merged = mergeRecords(a, b)
        expect(merged.final).toBe(isFinal(merged.status))
        if (!isFailure(merged.status)) expect(merged.reason).toBeNull()
        expect([a.status, b.status]).toContain(merged.status)
        for (const field of NULLABLE_FIELDS) expect(merged[field] === null).toBe(a[field] === null && b[field] === null)
        expect(merged.deliveredAt === null).toBe(
          a.deliveredAt === null && b.deliveredAt === null && !(merged.status === 'read' && merged.readAt !== null),
        )
        expect(Object.keys(merged.extra).sort()).toEqual(
          [...new Set([...Object.keys(a.extra), ...Object.keys(b.extra)])].sort(),
        )
      }),
    )
  })

  it('is independent of input order when updatedAt values differ (every permutation of 2–5 observations)', () => {
    fc.assert(
      fc.property(distinctlyTimedObservationsArb(5), (observations) => {
        const expected = fold(observations)
        const expectedText = canonical(expected)
        for (const order of permutations(observations)) {
          const result = fold(order)
          // Compare a canonical text first (fast); fall back to a structural diff only to explain a mismatch.
          if (canonical(result) !== expectedText) expect(result).toEqual(expected)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('the winner of distinctly timed observations of one rank is the latest', () => {
    fc.assert(
      fc.property(distinctlyTimedObservationsArb(5), (observations) => {
        const merged = fold(observations)
        const sameStatus = observations.filter((o) => o.status === merged.status)
        const latest = sameStatus.reduce((a, b) => ((a.updatedAt as string) > (b.updatedAt as string) ? a : b))
        expect(merged.raw).toBe(latest.raw)
        expect(merged.vendorStatus).toBe(latest.vendorStatus)
      }),
    )
  })

  it('refuses to merge observations of different messages (another provider or id): bad_request, both orders', () => {
    fc.assert(
      fc.property(rcsRecordArb, rcsRecordArb, (a, b) => {
        fc.pre(a.provider !== b.provider || a.id !== b.id)
        for (const [current, incoming] of [
          [a, b],
          [b, a],
        ] as const) {
          let thrown: unknown = null
          try {
            mergeRecords(current, incoming)
          } catch (error) {
            thrown = error
          }
          expect(RcsError.is(thrown, 'bad_request')).toBe(true)
        }
      }),
    )
  })

  it('observations of one message with another id or provider only in letter case are different messages', () => {
    fc.assert(
      fc.property(observationArb({ provider: 'bsg', id: 'ab12' }), (a) => {
        expect(() => mergeRecords(a, { ...a, id: 'AB12' })).toThrow(RcsError)
        expect(() => mergeRecords(a, { ...a, provider: 'BSG' })).toThrow(RcsError)
      }),
      { numRuns: 50 },
    )
  })
})

import { type DeliveryStatus, mergeRecords, type RcsRecord } from '@rcs-records/core'
import { normalize as pgNormalize } from '@rcs-records/partner-gateway'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OBSERVATIONS } from './support/observations.js'
import { assertNo, recordProblem } from './support/result-checks.js'
import { VENDORS } from './support/vendors.js'

const RUNS = 1_500
const PROGRESS: readonly DeliveryStatus[] = ['pending', 'sent', 'delivered', 'read']
const FAILURES: readonly DeliveryStatus[] = ['rejected', 'undeliverable', 'expired', 'canceled']

const fold = (records: readonly RcsRecord[]): RcsRecord =>
  records.reduce<RcsRecord | undefined>((merged, record) => mergeRecords(merged, record), undefined) as RcsRecord

/** What a sequence of observations means, whatever their order: the status and the event times. */
const meaning = (record: RcsRecord) => ({
  status: record.status,
  final: record.final,
  reason: record.reason?.code ?? null,
  createdAt: record.createdAt,
  sentAt: record.sentAt,
  deliveredAt: record.deliveredAt,
  readAt: record.readAt,
})

describe.each(VENDORS)('%s: mergeRecords laws over records from the real normaliser', (vendor) => {
  const observation = OBSERVATIONS[vendor]
  const pair = fc.tuple(observation, observation)

  it('merges into valid records; merging is idempotent and absorbs repeats', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const ab = mergeRecords(a, b)
        assertNo(recordProblem(ab, vendor))
        expect(mergeRecords(mergeRecords(undefined, a), a)).toEqual(mergeRecords(undefined, a))
        expect(mergeRecords(ab, ab)).toEqual(ab)
        expect(mergeRecords(ab, b)).toEqual(ab)
        expect(mergeRecords(ab, a)).toEqual(ab)
      }),
      { numRuns: RUNS },
    )
  })

  it('the meaning of a sequence does not depend on arrival order or grouping', () => {
    fc.assert(
      fc.property(fc.array(observation, { minLength: 2, maxLength: 5 }), fc.nat(), ([...records], seed) => {
        const reference = meaning(fold(records))
        const shuffled = [...records]
        let state = seed
        for (let i = shuffled.length - 1; i > 0; i--) {
          state = (state * 1103515245 + 12345) >>> 0
          const j = state % (i + 1)
          ;[shuffled[i], shuffled[j]] = [shuffled[j] as RcsRecord, shuffled[i] as RcsRecord]
        }
        expect(meaning(fold(shuffled))).toEqual(reference)
        const [head, ...tail] = records as [RcsRecord, ...RcsRecord[]]
        expect(meaning(mergeRecords(head, fold(tail)))).toEqual(reference)
      }),
      { numRuns: RUNS },
    )
  })

  it('follows the status rules: progress never goes back, unknown never overwrites, failures stick, receipts win', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        for (const [current, incoming] of [
          [a, b],
          [b, a],
        ] as const) {
          const merged = mergeRecords(current, incoming)
          if (PROGRESS.includes(current.status) && PROGRESS.includes(merged.status)) {
            expect(PROGRESS.indexOf(merged.status)).toBeGreaterThanOrEqual(PROGRESS.indexOf(current.status))
          }
          if (incoming.status === 'unknown' && current.status !== 'unknown') expect(merged.status).toBe(current.status)
          if (FAILURES.includes(current.status) && ['pending', 'sent'].includes(incoming.status)) {
            expect(merged.status).toBe(current.status)
          }
          if (['delivered', 'read'].includes(current.status) && FAILURES.includes(incoming.status)) {
            expect(merged.status).toBe(current.status)
            expect(merged.reason).toBeNull()
          }
          if (merged.status === 'read' && merged.readAt !== null) {
            expect(merged.deliveredAt).not.toBeNull()
            expect(Date.parse(merged.deliveredAt as string)).toBeLessThanOrEqual(Date.parse(merged.readAt))
          }
        }
      }),
      { numRuns: RUNS },
    )
  })
})

describe('mergeRecords: arrival order cannot change the outcome (regressions found by the laws above)', () => {
  const record = (payload: Record<string, unknown>): RcsRecord => {
    const result = pgNormalize({ customerMessageId: 'order-12345', channel: 'RCS', ...payload })
    if (result._tag === 'Left') throw result.left
    return result.right
  }
  const orders = <T>(items: readonly T[]): T[][] =>
    items.length <= 1
      ? [[...items]]
      : items.flatMap((item, index) =>
          orders([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
        )

  it('two failures without times: the in-flight observation’s time does not make either look later', () => {
    const sent = record({ deliveryStatus: 'SENT', deliveryDate: '2024-03-01T01:00:00+01:00' })
    const error = record({ deliveryStatus: 'ERROR' })
    const expired = record({ deliveryStatus: 'EXPIRED' })
    const outcomes = new Set(orders([sent, error, expired]).map((order) => fold(order).status))
    expect(outcomes.size).toBe(1)
  })

  it('two ERRORs without times: the one with a description decides the reason, in either order', () => {
    const bare = record({ deliveryStatus: 'ERROR', deliveryStatusDescription: null })
    const explained = record({ deliveryStatus: 'ERROR', deliveryStatusDescription: 'RCS disabled' })
    expect(fold([bare, explained]).reason?.code).toBe('not_rcs_capable')
    expect(fold([explained, bare]).reason?.code).toBe('not_rcs_capable')
  })
})

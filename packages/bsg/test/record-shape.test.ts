import type { RcsRecord } from '@rcs-records/core'
import { buildRecord } from '@rcs-records/core/kit'
import { arbitraryPayload } from '@rcs-records/testkit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalize } from '../src/index.js'
import { SEED_EXAMPLE, SPEC_SINGLE } from './fixtures.js'

const SAMPLES = [SEED_EXAMPLE.data[0], SPEC_SINGLE.data[0]] as Record<string, unknown>[]

/** Statuses worth forcing onto the samples: every documented one and one nobody documents. */
const statuses = fc.constantFrom(
  'accepted',
  'sent',
  'delivered',
  'read',
  'failed',
  'undelivered',
  'not_rcs_user',
  'expired',
  'EXPIRED',
  'unheard_of',
)

describe('normalize writes the record buildRecord would build from its fields', () => {
  it('the same fields in the same order, final and reason by the same rules (fast-check)', () => {
    const payloads = fc.oneof(
      arbitraryPayload(SAMPLES),
      fc.tuple(fc.constantFrom(...SAMPLES), statuses).map(([sample, status]) => ({ ...sample, status: status })),
    )
    let records = 0
    fc.assert(
      fc.property(payloads, (payload) => {
        const result = normalize(payload)
        if (result._tag === 'Left') return
        records++
        const record: RcsRecord = result.right
        const rebuilt = buildRecord(record)
        expect(Object.keys(record)).toEqual(Object.keys(rebuilt))
        expect(record).toStrictEqual(rebuilt)
      }),
      { numRuns: 2000 },
    )
    expect(records).toBeGreaterThan(500)
  })
})

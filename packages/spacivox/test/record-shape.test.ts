import type { RcsRecord } from '@rcs-records/core'
import { buildRecord } from '@rcs-records/core/kit'
import { arbitraryPayload } from '@rcs-records/testkit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalize } from '../src/index.js'
import { SEED_RECORD } from './fixtures.js'

const SAMPLES: Record<string, unknown>[] = [SEED_RECORD]

/** Statuses worth forcing onto the samples: every documented one and one nobody documents. */
const statuses = fc.constantFrom(0, 1, 2, 3, 4, 5, '1')

describe('normalize writes the record buildRecord would build from its fields', () => {
  it('the same fields in the same order, final and reason by the same rules (fast-check)', () => {
    const payloads = fc.oneof(
      arbitraryPayload(SAMPLES),
      fc.tuple(fc.constantFrom(...SAMPLES), statuses).map(([sample, status]) => ({ ...sample, state: status })),
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

/**
 * The built-in normalisers write `RcsRecord` literals themselves (no `buildRecord` init object per record, see
 * core's `buildRecord`): each record must be exactly what `buildRecord` makes of its fields — the same fields, in the
 * same order (one hidden class for every record), with `final` and `reason` by the same rules.
 */
import { normalize as normalizeBsg } from '@rcs-records/bsg'
import type { RcsError, RcsRecord } from '@rcs-records/core'
import { buildRecord } from '@rcs-records/core/kit'
import { normalize as normalizePartnerGateway } from '@rcs-records/partner-gateway'
import { generateVendorPage, type Vendor } from '@rcs-records/simulator'
import { normalize as normalizeSpacivox } from '@rcs-records/spacivox'
import { arbitraryPayload } from '@rcs-records/testkit'
import fc from 'fast-check'
import type { Either } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

interface Case {
  normalize: (payload: unknown) => Either<RcsError, RcsRecord>
  /** The payload field holding the vendor status, and values to force into it: every documented one and others. */
  statusField: string
  statuses: readonly unknown[]
}

const CASES: Readonly<Record<Vendor, Case>> = {
  'partner-gateway': {
    normalize: normalizePartnerGateway,
    statusField: 'deliveryStatus',
    statuses: ['SENT', 'RECEIVED', 'DELIVERED', 'READ', 'ERROR', 'EXPIRED', 'UNKNOWN', 'PENDING_RETRY'],
  },
  bsg: {
    normalize: normalizeBsg,
    statusField: 'status',
    statuses: ['accepted', 'sent', 'delivered', 'read', 'failed', 'undelivered', 'not_rcs_user', 'EXPIRED', 'new'],
  },
  spacivox: { normalize: normalizeSpacivox, statusField: 'state', statuses: [0, 1, 2, 3, 4, 5, '1'] },
}

describe.each(Object.entries(CASES))('%s normalize writes the record buildRecord builds', (vendor, cases) => {
  const samples = generateVendorPage(vendor as Vendor, { seed: 11, count: 40 }) as Record<string, unknown>[]

  it('the same fields in the same order, final and reason by the same rules (fast-check)', () => {
    const forced = fc
      .tuple(fc.constantFrom(...samples), fc.constantFrom(...cases.statuses))
      .map(([sample, status]) => ({ ...sample, [cases.statusField]: status }))
    let records = 0
    fc.assert(
      fc.property(fc.oneof(arbitraryPayload(samples), forced), (payload) => {
        const result = cases.normalize(payload)
        if (result._tag === 'Left') return
        records++
        const rebuilt = buildRecord(result.right)
        expect(Object.keys(result.right)).toEqual(Object.keys(rebuilt))
        expect(result.right).toStrictEqual(rebuilt)
      }),
      { numRuns: 1500 },
    )
    expect(records).toBeGreaterThan(500)
  })
})

import type { Vendor } from '@rcs-records/simulator'
import { describe, expect, it } from 'vitest'
import { HOSTILE_RECORDS, runHostileSync } from './hostile-sync.js'

/** Fault kinds that must have fired in every run, so a run that dodged them cannot pass. */
const FIRED = ['rate-limit', 'error', 'reset', 'truncated', 'malformed'] as const

/**
 * The hostile-network sync of one vendor over `seeds`, as a vitest suite: about half of all responses failed, and
 * the listing must still end equal to the ground truth.
 */
export const describeHostileSync = (vendor: Vendor, seeds: readonly number[]): void => {
  describe(`${vendor}: list() of ${HOSTILE_RECORDS.toLocaleString('en')} records with ~50% of responses faulted`, () => {
    it.each(seeds)(
      'seed %i: yields exactly the ground truth, no error',
      async (seed) => {
        const result = await runHostileSync(vendor, seed)
        console.log(result.summary)
        expect(result.error).toBeNull()
        expect(result.truthSize).toBe(HOSTILE_RECORDS)
        expect(result.comparison.lost).toEqual([])
        expect(result.comparison.unexpected).toEqual([])
        expect(result.comparison.wrongStatus).toEqual([])
        expect(result.comparison.invalid).toEqual([])
        expect(result.comparison.duplicated).toBe(0)
        expect(result.comparison.synced).toBe(HOSTILE_RECORDS)
        // About half the listing requests failed (the rest of the failures hit BSG's logins).
        expect(result.failedResponses).toBeGreaterThan(result.listRequests * 0.35)
        for (const kind of FIRED) expect(result.faults[kind]).toBeGreaterThan(0)
        if (vendor === 'bsg') {
          expect(result.tokenInvalidations).toBeGreaterThan(5)
          expect(result.logins).toBeGreaterThan(result.tokenInvalidations)
        }
      },
      180_000,
    )
  })
}

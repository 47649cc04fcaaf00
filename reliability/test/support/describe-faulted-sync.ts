import type { Vendor } from '@rcs-records/simulator'
import { describe, expect, it } from 'vitest'
import { runFaultedSync, SYNC_RECORDS } from './faulted-sync.js'
import { FAILING_FAULTS } from './faults.js'

/** Responses the fault mix must at least fail, so a run that dodged its faults cannot pass. */
const MIN_FAILED_RESPONSES: Readonly<Record<Vendor, number>> = { 'partner-gateway': 15, bsg: 10, spacivox: 15 }

/** The fault-injected 50,000-record sync of one vendor, as a vitest suite (one file per vendor, so they run in parallel). */
export const describeFaultedSync = (vendor: Vendor): void => {
  describe(`${vendor}: list() of ${SYNC_RECORDS.toLocaleString('en')} records with ~10% of responses faulted`, () => {
    it('yields exactly the ground truth: every id once, every status right, no error', async () => {
      const result = await runFaultedSync(vendor)
      console.log(result.summary)
      expect(result.error).toBeNull()
      expect(result.truthSize).toBe(SYNC_RECORDS)
      expect(result.comparison.lost).toEqual([])
      expect(result.comparison.unexpected).toEqual([])
      expect(result.comparison.wrongStatus).toEqual([])
      expect(result.comparison.invalid).toEqual([])
      expect(result.comparison.duplicated).toBe(0)
      expect(result.comparison.synced).toBe(SYNC_RECORDS)
      expect(result.failedResponses).toBeGreaterThanOrEqual(MIN_FAILED_RESPONSES[vendor])
      for (const kind of FAILING_FAULTS) expect(result.faults[kind]).toBeGreaterThan(0)
      expect(result.warnings).toBe(0)
      if (vendor === 'bsg') {
        // One token loss mid-sync: exactly one re-login (the first login's 503 issued no token).
        expect(result.tokenInvalidations).toBe(1)
        expect(result.logins).toBe(2)
      }
    }, 120_000)
  })
}

import type { Vendor } from '@rcs-records/simulator'
import { FAILING_FAULTS, faultMix } from './faults.js'
import { captureLogger } from './logger.js'
import { startFrozenSimulator, truthOf, windowOfExactly } from './simulator.js'
import { type Comparison, compareWithTruth, runList } from './sync.js'
import { clientFor, FAST_HTTP, LIST_ROUTE } from './vendors.js'

/** Records in the window of every fault-injected sync. */
export const SYNC_RECORDS = 50_000

/** Generated records per vendor, so that the window of what `list()` covers can hold exactly {@link SYNC_RECORDS}. */
const GENERATED: Readonly<Record<Vendor, number>> = { 'partner-gateway': 60_000, bsg: 50_000, spacivox: 50_000 }

/** Adapter settings of the faulted syncs: small pages or slices, so there are many responses to fault. */
const SETTINGS: Readonly<Record<Vendor, Record<string, unknown>>> = {
  'partner-gateway': { pageSize: 250 },
  bsg: { pageSize: 500 },
  spacivox: { sliceHours: 1, concurrency: 4 },
}

/** What one fault-injected sync did. */
export interface FaultedSyncResult {
  vendor: Vendor
  comparison: Comparison
  truthSize: number
  error: unknown
  elapsedMs: number
  listRequests: number
  failedResponses: number
  faults: Record<string, number>
  logins: number
  tokenInvalidations: number
  warnings: number
  summary: string
}

/**
 * Lists a window of exactly {@link SYNC_RECORDS} records from a simulator that faults about 10% of the listing
 * responses (BSG also loses its token once mid-sync and fails its first login with a 503), and compares the result
 * with the ground truth.
 */
export const runFaultedSync = async (vendor: Vendor): Promise<FaultedSyncResult> => {
  const sim = await startFrozenSimulator({
    records: { 'partner-gateway': 0, bsg: 0, spacivox: 0, [vendor]: GENERATED[vendor] },
  })
  try {
    const window = windowOfExactly(sim, vendor, SYNC_RECORDS)
    const truth = truthOf(sim, vendor, window)
    for (const spec of faultMix(vendor)) sim.faults.add(vendor, spec)
    if (vendor === 'bsg') {
      sim.faults.add('bsg', { kind: 'token-expiry', on: 40 })
      sim.faults.add('bsg', { kind: 'error', status: 503, routes: ['login'], on: 1 })
    }
    const captured = captureLogger()
    const client = clientFor(vendor, {
      config: { ...sim.config[vendor], ...SETTINGS[vendor] },
      http: FAST_HTTP,
      logger: captured.logger,
    })
    const outcome = await runList(client, { from: new Date(window.from), to: new Date(window.to) })
    const comparison = compareWithTruth(outcome.records, truth)
    const stats = sim.stats()
    const faults = Object.fromEntries(Object.entries(stats.faults).filter(([, count]) => (count ?? 0) > 0)) as Record<
      string,
      number
    >
    const failedResponses = FAILING_FAULTS.reduce((sum, kind) => sum + (stats.faults[kind] ?? 0), 0)
    const listRequests = stats.byRoute[`${vendor} ${LIST_ROUTE[vendor]}`] ?? 0
    const seconds = (outcome.elapsedMs / 1000).toFixed(1)
    const summary =
      `${vendor}: ${comparison.distinct}/${truth.size} records synced, ${comparison.lost.length} lost, ` +
      `${comparison.duplicated} duplicated, ${comparison.wrongStatus.length} wrong status; ${listRequests} listing ` +
      `requests, ${failedResponses} failed by faults (${Object.entries(faults)
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', ')}); ${seconds} s`
    return {
      vendor,
      comparison,
      truthSize: truth.size,
      error: outcome.error,
      elapsedMs: outcome.elapsedMs,
      listRequests,
      failedResponses,
      faults,
      logins: stats.logins,
      tokenInvalidations: stats.tokenInvalidations,
      warnings: captured.warnings().length,
      summary,
    }
  } finally {
    await sim.close()
  }
}

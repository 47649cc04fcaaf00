import type { FaultSpec, Vendor } from '@rcs-records/simulator'
import { captureLogger } from './logger.js'
import { startFrozenSimulator, truthOf, windowOfExactly } from './simulator.js'
import { type Comparison, compareWithTruth, runList } from './sync.js'
import { clientFor, LIST_ROUTE } from './vendors.js'

/** Records in the window of every hostile-network sync. */
export const HOSTILE_RECORDS = 20_000

/** Generated records per vendor, so that the window of what `list()` covers can hold exactly {@link HOSTILE_RECORDS}. */
const GENERATED: Readonly<Record<Vendor, number>> = { 'partner-gateway': 24_000, bsg: 20_000, spacivox: 20_000 }

/** Small pages (BSG 50, as in the report that found the bug), so there are hundreds of responses to fault. */
const SETTINGS: Readonly<Record<Vendor, Record<string, unknown>>> = {
  'partner-gateway': { pageSize: 50 },
  bsg: { pageSize: 50 },
  spacivox: { sliceHours: 1, concurrency: 2 },
}

/**
 * Retries enough for a network where about half the answers fail: 21 attempts all failing at 50% is ~5e-7 per
 * request. Millisecond backoff, and the 1 s rate-limit hints capped to 5 ms, so a run takes seconds.
 */
const HOSTILE_HTTP = {
  timeoutMs: 2_000,
  retry: { limit: 20, baseDelayMs: 1, maxDelayMs: 4 },
  maxRetryAfterMs: 5,
}

/**
 * About half of every response of the vendor failed, on every route (BSG's login too): 429s, 500/502/503s,
 * connection resets, truncated and malformed 200 bodies — and for BSG, every token revoked on 6% of the listing
 * requests (the request then gets a 401 `token_revoked`, or another fault on top).
 */
export const hostileMix = (vendor: Vendor): FaultSpec[] => [
  { kind: 'rate-limit', rate: 0.1, retryAfterSeconds: 1 },
  { kind: 'error', status: 500, rate: 0.1 },
  { kind: 'error', status: 502, rate: 0.06 },
  { kind: 'error', status: 503, rate: 0.1 },
  { kind: 'reset', rate: 0.08 },
  { kind: 'truncated', rate: 0.08 },
  { kind: 'malformed', rate: 0.06 },
  ...(vendor === 'bsg' ? [{ kind: 'token-expiry', rate: 0.06, routes: [LIST_ROUTE.bsg] } as const] : []),
]

/** What one hostile-network sync did. */
export interface HostileSyncResult {
  comparison: Comparison
  truthSize: number
  error: unknown
  listRequests: number
  /** Responses failed by a fault (every route), and per kind. */
  failedResponses: number
  faults: Record<string, number>
  logins: number
  tokenInvalidations: number
  summary: string
}

/** Lists a window of exactly {@link HOSTILE_RECORDS} records through the {@link hostileMix}, and compares with the truth. */
export const runHostileSync = async (vendor: Vendor, seed: number): Promise<HostileSyncResult> => {
  const sim = await startFrozenSimulator({
    seed,
    records: { 'partner-gateway': 0, bsg: 0, spacivox: 0, [vendor]: GENERATED[vendor] },
  })
  try {
    const window = windowOfExactly(sim, vendor, HOSTILE_RECORDS)
    const truth = truthOf(sim, vendor, window)
    for (const spec of hostileMix(vendor)) sim.faults.add(vendor, spec)
    const client = clientFor(vendor, {
      config: { ...sim.config[vendor], ...SETTINGS[vendor] },
      http: HOSTILE_HTTP,
      logger: captureLogger().logger,
    })
    const outcome = await runList(client, { from: new Date(window.from), to: new Date(window.to) })
    const comparison = compareWithTruth(outcome.records, truth)
    const stats = sim.stats()
    const faults: Record<string, number> = {}
    for (const [kind, count] of Object.entries(stats.faults)) if ((count ?? 0) > 0) faults[kind] = count as number
    const failedResponses = Object.entries(faults)
      .filter(([kind]) => kind !== 'token-expiry')
      .reduce((sum, [, count]) => sum + count, 0)
    const listRequests = stats.byRoute[`${vendor} ${LIST_ROUTE[vendor]}`] ?? 0
    const error = outcome.error
    const summary =
      `${vendor} seed ${seed}: ${comparison.distinct}/${truth.size} synced, ${comparison.lost.length} lost, ` +
      `${comparison.duplicated} duplicated, ${comparison.wrongStatus.length} wrong; ${listRequests} listing requests, ` +
      `${failedResponses} failed by faults (${Object.entries(faults)
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', ')}), ${stats.logins} logins, ${outcome.elapsedMs.toFixed(0)} ms` +
      (error === null ? '' : `; ended by ${error instanceof Error ? error.message : String(error)}`)
    return {
      comparison,
      truthSize: truth.size,
      error,
      listRequests,
      failedResponses,
      faults,
      logins: stats.logins,
      tokenInvalidations: stats.tokenInvalidations,
      summary,
    }
  } finally {
    await sim.close()
  }
}

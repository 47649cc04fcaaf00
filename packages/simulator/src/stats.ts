import type { FaultKind, RouteName } from './faults/types.js'
import type { PerVendor, Vendor } from './vendors.js'

/**
 * Counters of a running simulator, so a test can assert e.g. "exactly one re-login" or "no request was retried".
 *
 * @example
 * const before = sim.stats().logins
 * // … run the client …
 * expect(sim.stats().logins - before).toBe(1)
 */
export interface SimulatorStats {
  /** Every request received. */
  requests: number
  byVendor: PerVendor<number>
  /** Keyed `"<vendor> <route>"`, e.g. `"bsg messages"`. */
  byRoute: Record<string, number>
  /** Responses by HTTP status (`"200"`, `"429"`…); hangs and resets have none. */
  byStatus: Record<string, number>
  /** Faults that fired, by kind. */
  faults: Partial<Record<FaultKind, number>>
  faultsByVendor: PerVendor<number>
  /** BSG logins that issued a token. */
  logins: number
  /** BSG refreshes that issued a token. */
  refreshes: number
  /** Times every BSG token was invalidated (fault or `expireTokens()`). */
  tokenInvalidations: number
  /** 401/403 answers, by vendor. */
  unauthorized: PerVendor<number>
  /** Records sent in 2xx bodies, by vendor. */
  recordsServed: PerVendor<number>
  /** Records inserted while running, by vendor. */
  inserted: PerVendor<number>
}

const perVendor = (): PerVendor<number> => ({ 'partner-gateway': 0, bsg: 0, spacivox: 0 })

/**
 * Empty counters.
 *
 * @example
 * import { emptyStats } from './stats.js'
 * emptyStats().requests // 0
 */
export const emptyStats = (): SimulatorStats => ({
  requests: 0,
  byVendor: perVendor(),
  byRoute: {},
  byStatus: {},
  faults: {},
  faultsByVendor: perVendor(),
  logins: 0,
  refreshes: 0,
  tokenInvalidations: 0,
  unauthorized: perVendor(),
  recordsServed: perVendor(),
  inserted: perVendor(),
})

/**
 * A deep copy of the counters (what `sim.stats()` hands out).
 *
 * @example
 * import { emptyStats, snapshotStats } from './stats.js'
 * snapshotStats(emptyStats()).byVendor.bsg // 0
 */
export const snapshotStats = (stats: SimulatorStats): SimulatorStats => ({
  ...stats,
  byVendor: { ...stats.byVendor },
  byRoute: { ...stats.byRoute },
  byStatus: { ...stats.byStatus },
  faults: { ...stats.faults },
  faultsByVendor: { ...stats.faultsByVendor },
  unauthorized: { ...stats.unauthorized },
  recordsServed: { ...stats.recordsServed },
  inserted: { ...stats.inserted },
})

/**
 * Counts one request.
 *
 * @example
 * import { countRequest, emptyStats } from './stats.js'
 * const stats = emptyStats()
 * countRequest(stats, 'bsg', 'login')
 * stats.byRoute['bsg login'] // 1
 */
export const countRequest = (stats: SimulatorStats, vendor: Vendor | null, route: RouteName): void => {
  stats.requests++
  if (vendor === null) return
  stats.byVendor[vendor]++
  const key = `${vendor} ${route}`
  stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1
}

/**
 * Counts one response status (and an unauthorized answer).
 *
 * @example
 * import { countStatus, emptyStats } from './stats.js'
 * const stats = emptyStats()
 * countStatus(stats, 'spacivox', 403)
 * stats.unauthorized.spacivox // 1
 */
export const countStatus = (stats: SimulatorStats, vendor: Vendor | null, status: number): void => {
  stats.byStatus[String(status)] = (stats.byStatus[String(status)] ?? 0) + 1
  if (vendor !== null && (status === 401 || status === 403)) stats.unauthorized[vendor]++
}

/**
 * Counts one fault that fired.
 *
 * @example
 * import { countFault, emptyStats } from './stats.js'
 * const stats = emptyStats()
 * countFault(stats, 'bsg', 'hang')
 * stats.faults.hang // 1
 */
export const countFault = (stats: SimulatorStats, vendor: Vendor, kind: FaultKind): void => {
  stats.faults[kind] = (stats.faults[kind] ?? 0) + 1
  stats.faultsByVendor[vendor]++
}

/**
 * Resets every counter in place.
 *
 * @example
 * import { countFault, emptyStats, resetStats } from './stats.js'
 * const stats = emptyStats()
 * countFault(stats, 'bsg', 'hang')
 * resetStats(stats)
 * stats.faults.hang // undefined
 */
export const resetStats = (stats: SimulatorStats): void => {
  Object.assign(stats, emptyStats())
}

import type { FaultKind, RouteName } from './faults/types.js'
import type { PerVendor, Vendor } from './vendors.js'

/**
 * Counters of a running simulator, so a test can assert e.g. "exactly one re-login" or "no request was retried".
 *
 * @example
 * import { strict as assert } from 'node:assert'
 * import type { Simulator } from '@rcs-records/simulator'
 * declare const sim: Simulator
 * const before = sim.stats().logins
 * // … run the client, with a token-expiry fault …
 * assert.equal(sim.stats().logins - before, 1) // one re-login
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
 */
export const countStatus = (stats: SimulatorStats, vendor: Vendor | null, status: number): void => {
  stats.byStatus[String(status)] = (stats.byStatus[String(status)] ?? 0) + 1
  if (vendor !== null && (status === 401 || status === 403)) stats.unauthorized[vendor]++
}

/**
 * Counts one fault that fired.
 */
export const countFault = (stats: SimulatorStats, vendor: Vendor, kind: FaultKind): void => {
  stats.faults[kind] = (stats.faults[kind] ?? 0) + 1
  stats.faultsByVendor[vendor]++
}

/**
 * Resets every counter in place.
 */
export const resetStats = (stats: SimulatorStats): void => {
  Object.assign(stats, emptyStats())
}

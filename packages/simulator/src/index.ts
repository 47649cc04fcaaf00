/**
 * @rcs-records/simulator — one loopback HTTP server that behaves like the partner-gateway, BSG and `/j/rcs_records`
 * APIs, from seeded deterministic data, with fault injection and ground truth. Node only.
 *
 * What the README documents: `startSimulator` and its options, the `Simulator` it resolves to (config, credentials,
 * clock, faults, truth, stats), the fault specs, the vendors and their canonical status tables, and
 * `generateVendorPage` (vendor payloads without a server). The `rcs-records-simulator` bin's argument parsing,
 * the routes and the data generators are internal.
 *
 * @packageDocumentation
 */

export type { SimulatorClock } from './clock.js'
export { BSG_CANONICAL } from './data/bsg.js'
export { type GenerateOptions, generateVendorPage } from './data/generate.js'
export type { DriftKind } from './data/model.js'
export { PARTNER_GATEWAY_CANONICAL } from './data/partner-gateway.js'
export { SPACIVOX_CANONICAL } from './data/spacivox.js'
export type { FaultController } from './faults/controller.js'
export type { FaultKind, FaultSpec, FaultState, RouteName } from './faults/types.js'
export type { RateLimitOptions } from './http/rate-limit.js'
export type { ResolvedOptions, SimulatorOptions } from './options.js'
export { type Simulator, type SimulatorConfig, startSimulator } from './start.js'
export type { SimulatorCredentials } from './state.js'
export type { SimulatorStats } from './stats.js'
export type { Truth, TruthQuery, TruthRecord } from './truth.js'
export {
  type CanonicalChannel,
  type CanonicalStatus,
  type PerVendor,
  VENDORS,
  type Vendor,
} from './vendors.js'

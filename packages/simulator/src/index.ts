/**
 * @rcs-records/simulator — one loopback HTTP server that behaves like the partner-gateway, BSG and `/j/rcs_records`
 * APIs, from seeded deterministic data, with fault injection and ground truth. Node only.
 *
 * @packageDocumentation
 */

export {
  type CommandIo,
  describeSimulator,
  parseSimulatorArgs,
  runSimulatorCommand,
  SIMULATOR_USAGE,
} from './cli.js'
export {
  createSimulatorClock,
  type SimulatorClock,
  type SimulatorClockOptions,
} from './clock.js'
export {
  BSG_CANONICAL,
  BSG_DRIFT_STATUS,
  type BsgStatus,
  type BsgType,
} from './data/bsg.js'
export { type GenerateOptions, generateVendorPage } from './data/generate.js'
export type { DriftKind } from './data/model.js'
export {
  PARTNER_GATEWAY_CANONICAL,
  PARTNER_GATEWAY_DRIFT_STATUS,
  type PartnerGatewayStatus,
} from './data/partner-gateway.js'
export {
  SPACIVOX_CANONICAL,
  SPACIVOX_DRIFT_STATE,
  type SpacivoxState,
} from './data/spacivox.js'
export { type FaultController, isAlwaysOn } from './faults/controller.js'
export type { FaultKind, FaultSpec, FaultState, RouteName } from './faults/types.js'
export { VENDOR_PREFIXES } from './http/listener.js'
export type { RateLimitOptions } from './http/rate-limit.js'
export type { ResolvedOptions, SimulatorOptions } from './options.js'
export { type Simulator, type SimulatorConfig, startSimulator } from './start.js'
export type { SimulatorCredentials } from './state.js'
export type { SimulatorStats } from './stats.js'
export type { Truth, TruthQuery, TruthRecord } from './truth.js'
export {
  type CanonicalChannel,
  type CanonicalStatus,
  isVendor,
  type PerVendor,
  VENDORS,
  type Vendor,
} from './vendors.js'

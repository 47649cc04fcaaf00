import { createSimulatorClock, type SimulatorClock } from './clock.js'
import { type BsgModel, createBsgModel } from './data/bsg.js'
import { hex8 } from './data/codes.js'
import { createPartnerGatewayModel, type PartnerGatewayModel } from './data/partner-gateway.js'
import { createSpacivoxModel, type SpacivoxModel } from './data/spacivox.js'
import { createFaultRegistry, type FaultRegistry } from './faults/controller.js'
import { createTokenAuthority, type TokenAuthority } from './http/jwt.js'
import { createRateLimiter, type RateLimiter } from './http/rate-limit.js'
import type { ResolvedOptions } from './options.js'
import { deriveSeed, hashAt } from './prng.js'
import { emptyStats, type SimulatorStats } from './stats.js'
import { VENDORS } from './vendors.js'

/**
 * The credentials the simulator accepts (deterministic from the seed, so a restarted simulator accepts the same).
 *
 * @example
 * import type { Simulator } from '@rcs-records/simulator'
 * declare const sim: Simulator
 * const auth = Buffer.from(`${sim.credentials['partner-gateway'].username}:${sim.credentials['partner-gateway'].password}`).toString('base64')
 */
export interface SimulatorCredentials {
  'partner-gateway': { apiKey: string; username: string; password: string }
  bsg: { apiKey: string; testApiKey: string }
  spacivox: { token: string }
}

/**
 * The three vendor models of one simulator.
 */
export interface SimulatorModels {
  'partner-gateway': PartnerGatewayModel
  bsg: BsgModel
  spacivox: SpacivoxModel
}

/**
 * Everything a request handler needs.
 */
export interface SimulatorState {
  options: ResolvedOptions
  clock: SimulatorClock
  models: SimulatorModels
  credentials: SimulatorCredentials
  tokens: TokenAuthority
  limiter: RateLimiter | null
  faults: FaultRegistry
  stats: SimulatorStats
  /** Requests seen, for seeded per-request randomness (batch order). */
  requestCount: number
}

const secretOf = (seed: number, stream: number, words: number): string => {
  let out = ''
  for (let i = 0; i < words; i++) out += hex8(hashAt(deriveSeed(seed, stream), i))
  return out
}

/**
 * Seeded credentials.
 */
export const credentialsFor = (seed: number): SimulatorCredentials => ({
  'partner-gateway': {
    apiKey: `pgk_${secretOf(seed, 501, 4)}`,
    username: 'simulator',
    password: `pw-${secretOf(seed, 502, 2)}`,
  },
  bsg: {
    apiKey: `live_${secretOf(seed, 503, 3).slice(0, 20)}`,
    testApiKey: `test_${secretOf(seed, 504, 3).slice(0, 20)}`,
  },
  spacivox: { token: secretOf(seed, 505, 4) },
})

/**
 * Builds the state of a simulator from resolved options (no I/O).
 */
export const createState = (options: ResolvedOptions): SimulatorState => {
  const clock = createSimulatorClock({ now: options.now, frozen: options.frozen })
  const model = { seed: options.seed, end: options.now, span: options.windowMs }
  const faults = createFaultRegistry(options.seed)
  for (const vendor of VENDORS) {
    const specs = options.faults[vendor]
    if (specs === undefined) continue
    for (const spec of Array.isArray(specs) ? specs : [specs]) faults.controller.add(vendor, spec)
  }
  return {
    options,
    clock,
    models: {
      'partner-gateway': createPartnerGatewayModel({ ...model, count: options.records['partner-gateway'] }),
      bsg: createBsgModel({ ...model, count: options.records.bsg }),
      spacivox: createSpacivoxModel({ ...model, count: options.records.spacivox }),
    },
    credentials: credentialsFor(options.seed),
    tokens: createTokenAuthority({
      secret: secretOf(options.seed, 506, 8),
      lifetimeMs: options.tokenLifetimeMs,
      now: clock.now,
    }),
    limiter: options.rateLimit === false ? null : createRateLimiter(options.rateLimit),
    faults,
    stats: emptyStats(),
    requestCount: 0,
  }
}

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SimulatorClock } from './clock.js'
import type { FaultController } from './faults/controller.js'
import { createListener, VENDOR_PREFIXES } from './http/listener.js'
import { type ResolvedOptions, resolveOptions, type SimulatorOptions } from './options.js'
import { insertIntoWindow } from './routes/insert.js'
import { createState, type SimulatorCredentials } from './state.js'
import { resetStats, type SimulatorStats, snapshotStats } from './stats.js'
import { createTruth, type Truth } from './truth.js'
import type { Vendor } from './vendors.js'

/**
 * Ready-to-use client configs, with exactly the adapters' field names:
 * `loadClient({ provider: 'bsg', ...sim.config.bsg })`.
 *
 * @example
 * import { loadClient } from '@rcs-records/core'
 * import type { Simulator } from '@rcs-records/simulator'
 * declare const sim: Simulator
 * const client = await loadClient({ provider: 'partner-gateway', ...sim.config['partner-gateway'] })
 */
export interface SimulatorConfig {
  'partner-gateway': { baseUrl: string; apiKey: string }
  bsg: { baseUrl: string; apiKey: string; timeZone: string }
  spacivox: { baseUrl: string; token: string }
}

/**
 * A running simulator.
 *
 * @example
 * import { startSimulator } from '@rcs-records/simulator'
 * const sim = await startSimulator({ records: 5000 })
 * try {
 *   console.log(sim.url, sim.truth.count('bsg'))
 * } finally {
 *   await sim.close()
 * }
 */
export interface Simulator {
  /** `http://127.0.0.1:<port>` */
  url: string
  host: string
  port: number
  config: SimulatorConfig
  /** Every accepted credential (partner-gateway Basic auth, BSG's test key). */
  credentials: SimulatorCredentials
  truth: Truth
  clock: SimulatorClock
  faults: FaultController
  /** The options in force (defaults filled in). */
  options: ResolvedOptions
  /** A snapshot of the counters. */
  stats(): SimulatorStats
  resetStats(): void
  /** Adds `count` records created at `createdAt` (default: now); returns their ids. */
  insert(vendor: Vendor, options?: { count?: number; createdAt?: Date | string | number }): string[]
  /** Invalidates every BSG token issued so far (the next request with one gets 401). */
  expireTokens(): void
  /** Stops listening, drops open connections (hung requests included) and rejects pending clock sleeps. */
  close(): Promise<void>
}

const listen = (server: Server, port: number, host: string): Promise<AddressInfo> =>
  new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server.address() as AddressInfo)
    })
  })

/**
 * Starts one loopback HTTP server that behaves like the partner-gateway, BSG and `/j/rcs_records` APIs, on
 * `${url}/pg/api`, `${url}/bsg` and `${url}/spacivox`.
 *
 * @example
 * import { startSimulator } from '@rcs-records/simulator'
 * const sim = await startSimulator({ seed: 42, records: { bsg: 1_000_000 }, faults: { bsg: [{ kind: 'token-expiry', on: 3 }] } })
 * const expected = sim.truth.expected('bsg', { from: Date.now() - 86_400_000 })
 * await sim.close()
 */
export const startSimulator = async (options: SimulatorOptions = {}): Promise<Simulator> => {
  const resolved = resolveOptions(options)
  const state = createState(resolved)
  const server = createServer(
    { maxHeaderSize: Math.max(65_536, resolved.requestLineLimit * 2), keepAliveTimeout: 30_000 },
    createListener(state),
  )
  server.on('clientError', (_error, socket) => socket.destroy())
  const address = await listen(server, resolved.port, resolved.host)
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${hostPart}:${address.port}`
  resolved.port = address.port
  const truth = createTruth(state)
  return {
    url,
    host: address.address,
    port: address.port,
    config: {
      'partner-gateway': {
        baseUrl: `${url}${VENDOR_PREFIXES['partner-gateway']}/api`,
        apiKey: state.credentials['partner-gateway'].apiKey,
      },
      bsg: {
        baseUrl: `${url}${VENDOR_PREFIXES.bsg}`,
        apiKey: state.credentials.bsg.apiKey,
        timeZone: resolved.timeZone,
      },
      spacivox: { baseUrl: `${url}${VENDOR_PREFIXES.spacivox}`, token: state.credentials.spacivox.token },
    },
    credentials: state.credentials,
    truth,
    clock: state.clock,
    faults: state.faults.controller,
    options: resolved,
    stats: () => snapshotStats(state.stats),
    resetStats: () => resetStats(state.stats),
    insert: (vendor, insertOptions = {}) => {
      const now = state.clock.now()
      const at = insertOptions.createdAt
      const createdAt =
        at === undefined ? now : typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime()
      if (!Number.isFinite(createdAt) || createdAt > now)
        throw new RangeError('insert: createdAt must be a past instant')
      const indexes = insertIntoWindow(state, vendor, insertOptions.count ?? 1, createdAt - 999, createdAt)
      return indexes.map((index) => state.models[vendor].idOf(index))
    },
    expireTokens: () => {
      state.tokens.revokeAll()
      state.stats.tokenInvalidations++
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        state.clock.dispose()
        server.close((error) => (error === undefined ? resolve() : reject(error)))
        server.closeAllConnections()
      }),
  }
}

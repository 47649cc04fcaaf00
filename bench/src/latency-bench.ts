import { adapter as bsg } from '@rcs-records/bsg'
import { type AdapterDefinition, createClient, type RcsClient, silentLogger } from '@rcs-records/core'
import { adapter as partnerGateway } from '@rcs-records/partner-gateway'
import type { Simulator, Vendor } from '@rcs-records/simulator'
import { adapter as spacivox } from '@rcs-records/spacivox'
import { bareSync } from './baseline-sync.js'
import { collectGarbage, median, since } from './stats.js'

/**
 * The adapters' default page sizes (what a user gets without setting any): the bare loop fetches the same pages.
 *
 * @example
 * DEFAULT_PAGE_SIZES.bsg // 500
 */
export const DEFAULT_PAGE_SIZES = { 'partner-gateway': 100, bsg: 500, spacivoxSliceHours: 24 } as const

/** The listing request of each vendor (what is counted as one response of the listing). */
const LIST_PATHS: Readonly<Record<Vendor, string>> = {
  'partner-gateway': '/messages/history',
  bsg: '/api/messages',
  spacivox: '/j/rcs_records',
}

/**
 * A client with default page sizes and `inFlight` listing requests at once (BSG and partner-gateway
 * `listConcurrency`, spacivox `concurrency`), counting the listing requests it sends (first attempts).
 */
const latencyClient = (
  vendor: Vendor,
  config: Simulator['config'],
  inFlight: number,
  requests: { count: number },
): RcsClient => {
  const common = {
    logger: silentLogger,
    http: {
      timeoutMs: 120_000,
      concurrency: inFlight,
      hooks: {
        onRequest: (event: { url: string; attempt: number }) => {
          if (event.attempt === 1 && event.url.includes(LIST_PATHS[vendor])) requests.count++
        },
      },
    },
  }
  if (vendor === 'partner-gateway') {
    return createClient({
      ...common,
      adapter: partnerGateway as AdapterDefinition<unknown>,
      config: { ...config['partner-gateway'], listConcurrency: inFlight },
    })
  }
  if (vendor === 'bsg') {
    return createClient({
      ...common,
      adapter: bsg as AdapterDefinition<unknown>,
      config: { ...config.bsg, listConcurrency: inFlight },
    })
  }
  return createClient({
    ...common,
    adapter: spacivox as AdapterDefinition<unknown>,
    config: { ...config.spacivox, concurrency: inFlight },
  })
}

/**
 * What the latency benchmark measured for one vendor.
 *
 * @example
 * const result: LatencyResult = { vendor: 'bsg', records: 50_000, requests: 100, inFlight: 8, latencyMs: 100,
 *   oursPerSecond: 30_000, barePerSecond: 4_500, boundPerSecond: 40_000, cpuPerSecond: 150_000 }
 */
export interface LatencyResult {
  vendor: Vendor
  records: number
  /** Listing responses our `list()` asked for. */
  requests: number
  /** Listing requests in flight at once (at most). */
  inFlight: number
  latencyMs: number
  /** Our `list()` over the slow simulator, records/s (median). */
  oursPerSecond: number
  /** A bare sequential ky loop over the same pages, records/s (median). */
  barePerSecond: number
  /** `inFlight × records per response ÷ latency`: what waiting for the network allows. */
  boundPerSecond: number
  /** Our `list()` over the same data on loopback with no added latency: the CPU limit, records/s (median). */
  cpuPerSecond: number
}

const listAll = async (client: RcsClient, window: { from: string; to: string }): Promise<number> => {
  let count = 0
  for await (const _record of client.list({ from: window.from, to: window.to })) count++
  return count
}

/**
 * Our `list()` against the bound the network sets: the same window of two simulators with the same data, one adding
 * `latencyMs` to every answer, one not. Alternates the bare sequential loop and ours on the slow one (`rounds` each,
 * after a warm-up that logs in), then measures ours on the fast one: the CPU limit in the same run, so the figure
 * shows the network bound and not the CPU's.
 *
 * @example
 * const result = await benchLatency('bsg', { slow, fast }, { rounds: 3, inFlight: 8, latencyMs: 100 })
 */
export const benchLatency = async (
  vendor: Vendor,
  sims: {
    slow: { config: Simulator['config']; windows: Record<Vendor, { from: string; to: string }> }
    fast: { config: Simulator['config']; windows: Record<Vendor, { from: string; to: string }> }
  },
  options: { rounds: number; inFlight: number; latencyMs: number },
): Promise<LatencyResult> => {
  const window = sims.slow.windows[vendor]
  const requests = { count: 0 }
  const slow = latencyClient(vendor, sims.slow.config, options.inFlight, requests)
  const fast = latencyClient(vendor, sims.fast.config, options.inFlight, { count: 0 })
  // Warm-up: compiles the code and logs in (BSG), on both sides.
  for await (const _record of slow.list({ from: window.from, to: window.to })) break
  for await (const _record of fast.list(sims.fast.windows[vendor])) break
  const ours: number[] = []
  const bare: number[] = []
  const cpu: number[] = []
  let records = 0
  let perRound = 0
  for (let round = 0; round < options.rounds; round++) {
    collectGarbage()
    const bareStart = performance.now()
    const bareCount = await bareSync(vendor, sims.slow.config, window, DEFAULT_PAGE_SIZES)
    bare.push(bareCount / (since(bareStart) / 1000))
    collectGarbage()
    const before = requests.count
    const oursStart = performance.now()
    const count = await listAll(slow, window)
    ours.push(count / (since(oursStart) / 1000))
    perRound = requests.count - before
    if (count === 0 || Math.abs(count - bareCount) > bareCount * 0.001) {
      throw new Error(`${vendor}: list() yielded ${count} records, the bare loop saw ${bareCount}`)
    }
    records = count
    collectGarbage()
    const cpuStart = performance.now()
    const cpuCount = await listAll(fast, sims.fast.windows[vendor])
    cpu.push(cpuCount / (since(cpuStart) / 1000))
  }
  const inFlight = Math.min(options.inFlight, perRound)
  const perResponse = records / Math.max(1, perRound)
  return {
    vendor,
    records,
    requests: perRound,
    inFlight,
    latencyMs: options.latencyMs,
    oursPerSecond: median(ours),
    barePerSecond: median(bare),
    boundPerSecond: (inFlight * perResponse) / (options.latencyMs / 1000),
    cpuPerSecond: median(cpu),
  }
}

import type { FaultSpec } from './faults/types.js'
import type { RateLimitOptions } from './http/rate-limit.js'
import { isKnownTimeZone } from './time/zone.js'
import { type PerVendor, VENDORS, type Vendor } from './vendors.js'

/**
 * Options of `startSimulator`. Every one has a default.
 *
 * @example
 * import type { SimulatorOptions } from '@rcs-records/simulator'
 * const options: SimulatorOptions = { seed: 7, records: { bsg: 50_000 }, faults: { bsg: [{ kind: 'error', rate: 0.05 }] } }
 */
export interface SimulatorOptions {
  /** Default 0: a free port. */
  port?: number
  /** Default `127.0.0.1`. */
  host?: string
  /** Seed of every generated value and every seeded fault. Default 1. */
  seed?: number
  /** Generated records per vendor (one number for all, or per vendor). Default 1,000 each. */
  records?: number | Partial<PerVendor<number>>
  /** Fault rules per vendor (more can be added later with `sim.faults.add`). */
  faults?: Partial<Record<Vendor, FaultSpec | readonly FaultSpec[]>>
  /** The simulator's "now" at start (default: the real now); its clock runs on from there. */
  now?: number | Date | string
  /** Start with a frozen clock (only `clock.advance` moves it). Default false. */
  frozen?: boolean
  /** Records are created over this span, ending at the start instant. Default 7 days. */
  windowMs?: number
  /** BSG's wall-clock zone for timestamps and filters. Default `Europe/Kyiv`. */
  timeZone?: string
  /** BSG token lifetime. Default 30 days (what the vendor's example JWT shows). */
  tokenLifetimeMs?: number
  /** partner-gateway answers 414 when the request line is longer. Default 8,192. */
  requestLineLimit?: number
  /** partner-gateway's per-key rate limit; off by default. */
  rateLimit?: RateLimitOptions | false
  /** How far in the future a "not in the future" date may lie (clock skew). Default 60,000 ms. */
  futureToleranceMs?: number
  /** partner-gateway history's largest `limit` (400 above; the vendor documents none). Default 1,000. */
  maxHistoryLimit?: number
  /**
   * partner-gateway history serves at most this many items per page whatever `limit` asks, and counts pages in that
   * size (a Spring-style server capping the page size without saying so). Default: no cap.
   */
  historyLimitCap?: number
}

/**
 * Options with every default filled in.
 *
 * @example
 * import { startSimulator } from '@rcs-records/simulator'
 * const sim = await startSimulator({ records: { bsg: 500 } })
 * sim.options.records // { 'partner-gateway': 1000, bsg: 500, spacivox: 1000 }
 * await sim.close()
 */
export interface ResolvedOptions {
  port: number
  host: string
  seed: number
  records: PerVendor<number>
  faults: Partial<Record<Vendor, FaultSpec | readonly FaultSpec[]>>
  now: number
  nowGiven: boolean
  frozen: boolean
  windowMs: number
  timeZone: string
  tokenLifetimeMs: number
  requestLineLimit: number
  rateLimit: RateLimitOptions | false
  futureToleranceMs: number
  maxHistoryLimit: number
  historyLimitCap: number | null
}

const DAY = 86_400_000
/** Indexes are scrambled as 32-bit integers; stay well inside. */
const MAX_RECORDS = 100_000_000

const fail = (message: string): never => {
  throw new RangeError(`startSimulator: ${message}`)
}

const toInstant = (value: number | Date | string): number => {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime()
  return Number.isFinite(ms) ? ms : fail(`now is not a valid instant: ${String(value)}`)
}

const recordCount = (vendor: Vendor, value: number | undefined): number => {
  const n = value ?? 1000
  return Number.isInteger(n) && n >= 0 && n <= MAX_RECORDS
    ? n
    : fail(`records for ${vendor} must be an integer within [0, ${MAX_RECORDS}], got ${n}`)
}

/**
 * Fills in defaults and checks values (a RangeError names the bad option).
 */
export const resolveOptions = (options: SimulatorOptions): ResolvedOptions => {
  const records = options.records
  const perVendor = Object.fromEntries(
    VENDORS.map((vendor) => [vendor, recordCount(vendor, typeof records === 'number' ? records : records?.[vendor])]),
  ) as PerVendor<number>
  const timeZone = options.timeZone ?? 'Europe/Kyiv'
  if (!isKnownTimeZone(timeZone)) fail(`unknown time zone ${timeZone}`)
  const windowMs = options.windowMs ?? 7 * DAY
  if (!(windowMs >= 1000)) fail('windowMs must be at least 1000')
  const port = options.port ?? 0
  if (!(Number.isInteger(port) && port >= 0 && port < 65536)) fail(`invalid port ${port}`)
  const tokenLifetimeMs = options.tokenLifetimeMs ?? 30 * DAY
  if (!(tokenLifetimeMs > 0)) fail('tokenLifetimeMs must be positive')
  const cap = options.historyLimitCap
  if (cap !== undefined && !(Number.isSafeInteger(cap) && cap >= 1)) fail('historyLimitCap must be an integer ≥ 1')
  return {
    port,
    host: options.host ?? '127.0.0.1',
    seed: (options.seed ?? 1) >>> 0,
    records: perVendor,
    faults: options.faults ?? {},
    now: options.now === undefined ? Date.now() : toInstant(options.now),
    nowGiven: options.now !== undefined,
    frozen: options.frozen ?? false,
    windowMs,
    timeZone,
    tokenLifetimeMs,
    requestLineLimit: options.requestLineLimit ?? 8192,
    rateLimit: options.rateLimit ?? false,
    futureToleranceMs: options.futureToleranceMs ?? 60_000,
    maxHistoryLimit: options.maxHistoryLimit ?? 1000,
    historyLimitCap: cap ?? null,
  }
}

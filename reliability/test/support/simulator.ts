import { type Simulator, type SimulatorOptions, startSimulator, type Vendor } from '@rcs-records/simulator'
import { LISTED_CHANNEL } from './vendors.js'

/**
 * Starts a simulator whose clock is frozen at a whole second: record statuses cannot change while a sync runs, so
 * the ground truth read before, during and after a sync is the same (only faults and inserts change anything).
 */
export const startFrozenSimulator = (options: SimulatorOptions = {}): Promise<Simulator> =>
  startSimulator({ seed: 7, now: Math.floor(Date.now() / 1000) * 1000, frozen: true, ...options })

/** A listing window `[from, to)` in epoch ms. */
export interface Window {
  from: number
  to: number
}

const SECOND = 1000

/**
 * A window with whole-second bounds (the vendors' filters are to the second) holding exactly `n` records of what a
 * vendor's `list()` covers, with no record sharing a second with a bound. Throws when the data allows none.
 */
export const windowOfExactly = (sim: Simulator, vendor: Vendor, n: number): Window => {
  const channel = LISTED_CHANNEL[vendor]
  const times = Array.from(sim.truth.records(vendor, channel === undefined ? {} : { channel }), (record) =>
    Date.parse(record.createdAt),
  ).sort((a, b) => a - b)
  for (let first = 0; first + n <= times.length; first++) {
    const from = Math.floor((times[first] as number) / SECOND) * SECOND
    if (first > 0 && (times[first - 1] as number) >= from) continue
    const to = Math.floor((times[first + n - 1] as number) / SECOND) * SECOND + SECOND
    const next = times[first + n]
    if (next !== undefined && next < to) continue
    const window = { from, to }
    const counted = sim.truth.count(vendor, { ...window, ...(channel === undefined ? {} : { channel }) })
    if (counted === n) return window
  }
  throw new Error(`no window of exactly ${n} ${vendor} records`)
}

/** The ground truth of a window for what a vendor's `list()` covers: id → canonical status. */
export const truthOf = (sim: Simulator, vendor: Vendor, window: Window): Map<string, string> => {
  const channel = LISTED_CHANNEL[vendor]
  return sim.truth.expected(vendor, { ...window, ...(channel === undefined ? {} : { channel }) })
}

import type { SimulatorState } from '../state.js'
import type { Vendor } from '../vendors.js'

const PRECISION: Readonly<Record<Vendor, number>> = { 'partner-gateway': 1000, bsg: 1000, spacivox: 1 }

/**
 * Inserts `count` records created at the newest instant of `[from, last]` that has already happened (so they land
 * inside the window a client is listing, at the head of a newest-first listing). Returns their indexes.
 */
export const insertIntoWindow = (
  state: SimulatorState,
  vendor: Vendor,
  count: number,
  from: number,
  last: number,
): number[] => {
  const now = state.clock.now()
  const precision = PRECISION[vendor]
  const upper = Math.min(last, now)
  const aligned = Math.floor(upper / precision) * precision
  const createdAt = aligned >= from ? aligned : Math.min(from, now)
  const indexes: number[] = []
  for (let i = 0; i < count; i++) indexes.push(state.models[vendor].insert(createdAt, now))
  state.stats.inserted[vendor] += count
  return indexes
}

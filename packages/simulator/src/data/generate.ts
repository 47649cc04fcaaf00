import type { Vendor } from '../vendors.js'
import { bsgPayload, createBsgModel } from './bsg.js'
import { createPartnerGatewayModel, partnerGatewayPayload } from './partner-gateway.js'
import { createSpacivoxModel, spacivoxPayload } from './spacivox.js'

/**
 * Options of {@link generateVendorPage}.
 *
 * @example
 * import type { GenerateOptions } from '@rcs-records/simulator'
 * const options: GenerateOptions = { seed: 1, count: 10_000, now: Date.parse('2026-01-08T00:00:00Z') }
 */
export interface GenerateOptions {
  /** Default 1. */
  seed?: number
  /** Records in the page. */
  count: number
  /** Statuses are read at this instant; records are created over `windowMs` before it. Default: the real now. */
  now?: number | Date
  /** Default 7 days. */
  windowMs?: number
  /** BSG's zone for timestamps. Default `Europe/Kyiv`. */
  timeZone?: string
  /** partner-gateway only: draw only RCS records (what a history page with channel=RCS holds). Default true. */
  rcsOnly?: boolean
}

/**
 * Builds `count` docs-shaped vendor records without a server, from the same generators the simulator serves (a
 * simulator with the same seed, `now` and record count holds the same BSG and spacivox records): an array of
 * partner-gateway `DeliveryStatusResponse`s, BSG `MessageApiSchema`s, or `/j/rcs_records` records. Made for
 * benchmarks of `normalize` and for fixtures.
 *
 * @example
 * import { generateVendorPage } from '@rcs-records/simulator'
 * const page = generateVendorPage('bsg', { seed: 1, count: 10_000 })
 * page.length // 10000
 */
export const generateVendorPage = (vendor: Vendor, options: GenerateOptions): Record<string, unknown>[] => {
  const now =
    options.now === undefined ? Date.now() : typeof options.now === 'number' ? options.now : options.now.getTime()
  const base = { seed: options.seed ?? 1, end: now, span: options.windowMs ?? 7 * 86_400_000 }
  const out: Record<string, unknown>[] = []
  if (vendor === 'bsg') {
    const model = createBsgModel({ ...base, count: options.count })
    const timeZone = options.timeZone ?? 'Europe/Kyiv'
    for (let i = 0; i < options.count; i++) out.push(bsgPayload(model.facts(i), now, { timeZone }))
  } else if (vendor === 'spacivox') {
    const model = createSpacivoxModel({ ...base, count: options.count })
    for (let i = 0; i < options.count; i++) out.push(spacivoxPayload(model.facts(i), now))
  } else {
    const rcsOnly = options.rcsOnly ?? true
    // 17 of every 20 generated records are RCS: generate enough to fill the page.
    const total = rcsOnly ? Math.ceil((options.count * 20) / 17) + 20 : options.count
    const model = createPartnerGatewayModel({ ...base, count: total })
    for (let i = 0; i < total && out.length < options.count; i++) {
      if (rcsOnly && model.wireChannelOf(i) !== 'RCS') continue
      out.push(partnerGatewayPayload(model.facts(i), now))
    }
  }
  return out
}

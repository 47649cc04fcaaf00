import { createNormalizer as createBsgNormalizer } from '@rcs-records/bsg'
import type { RcsError, RcsRecord } from '@rcs-records/core'
import { createNormalizer as createPgNormalizer } from '@rcs-records/partner-gateway'
import { generateVendorPage, type Vendor } from '@rcs-records/simulator'
import { normalize as normalizeSpacivox } from '@rcs-records/spacivox'
import type { Either } from 'fp-ts/lib/Either.js'
import { collectGarbage, median, since } from './stats.js'

type Normalizer = (payload: unknown) => Either<RcsError, RcsRecord>

const NORMALIZERS: Readonly<Record<Vendor, () => Normalizer>> = {
  'partner-gateway': () => createPgNormalizer(),
  bsg: () => createBsgNormalizer('Europe/Kyiv'),
  spacivox: () => normalizeSpacivox,
}

/**
 * One adapter's normalise throughput: parse time (the baseline), decode+normalise time, their ratio.
 *
 * @example
 * const result = benchNormalize('bsg', { records: 10_000, runs: 15 })
 */
export interface NormalizeResult {
  vendor: Vendor
  records: number
  parseMs: number
  normalizeMs: number
  /** decode+normalise time / JSON.parse time. Target ≤ 0.5. */
  overhead: number
  /** Records per second through JSON.parse + decode + normalise. */
  recordsPerSecond: number
  invalid: number
}

/**
 * Builds a page of docs-shaped records with the simulator's generator, then alternates, `runs` times:
 * `JSON.parse` of the page (baseline) and normalising every parsed record. Reports medians.
 *
 * @example
 * benchNormalize('spacivox', { records: 10_000, runs: 15 }).overhead
 */
export const benchNormalize = (vendor: Vendor, options: { records: number; runs: number }): NormalizeResult => {
  const page = JSON.stringify(generateVendorPage(vendor, { seed: 7, count: options.records }))
  const normalize = NORMALIZERS[vendor]()
  const parseTimes: number[] = []
  const normalizeTimes: number[] = []
  let invalid = 0
  let sink = 0
  // The previous page stays alive across the forced collection, as it does in a streaming sync (the consumer still
  // holds it while the next page is parsed). Without it a full GC finds no object of the payload's shape alive,
  // drops those hidden classes and deoptimises normalise, so every run would start in unoptimised code — an artefact
  // of the forced collection, not something a sync pays per page.
  let previousPage: unknown[] = []
  for (let run = -2; run < options.runs; run++) {
    collectGarbage()
    if (run > -2 && previousPage.length !== options.records) throw new Error('previous page lost')
    const parseStart = performance.now()
    const items = JSON.parse(page) as unknown[]
    const parseMs = since(parseStart)
    const normalizeStart = performance.now()
    let bad = 0
    for (const item of items) {
      const result = normalize(item)
      if (result._tag === 'Left') bad++
      else sink += result.right.id.length
    }
    const normalizeMs = since(normalizeStart)
    previousPage = items
    if (run >= 0) {
      // the first two runs warm the JIT and are not counted
      parseTimes.push(parseMs)
      normalizeTimes.push(normalizeMs)
      invalid = bad
    }
  }
  if (sink === 0) throw new Error('normalise produced nothing')
  const parseMs = median(parseTimes)
  const normalizeMs = median(normalizeTimes)
  return {
    vendor,
    records: options.records,
    parseMs,
    normalizeMs,
    overhead: normalizeMs / parseMs,
    recordsPerSecond: options.records / ((parseMs + normalizeMs) / 1000),
    invalid,
  }
}

import { type AdapterDefinition, createClient, silentLogger } from '@rcs-records/core'
import { adapter as partnerGateway } from '@rcs-records/partner-gateway'
import type { Simulator } from '@rcs-records/simulator'
import ky from 'ky'
import pLimit from 'p-limit'
import { median, since } from './stats.js'

/**
 * partner-gateway `getMany` of `ids.length` ids: requests made, and wall time against a bare `Promise.all` over
 * the very same chunked URLs with the same concurrency (ky + JSON.parse only).
 *
 * @example
 * const result = await benchGetMany(sim.config, ids, { rounds: 3 })
 */
export interface GetManyBenchResult {
  ids: number
  requests: number
  found: number
  missing: number
  oursMs: number
  baselineMs: number
  /** Our time ÷ the baseline's. Target ≤ 1.2. */
  ratio: number
}

const CONCURRENCY = 4

/**
 * Runs our getMany (recording the URLs it requests), then the bare baseline over those URLs, `rounds` times each.
 *
 * @example
 * (await benchGetMany(sim.config, ids, { rounds: 3 })).requests
 */
export const benchGetMany = async (
  config: Simulator['config'],
  ids: readonly string[],
  options: { rounds: number },
): Promise<GetManyBenchResult> => {
  const urls: string[] = []
  const client = createClient({
    adapter: partnerGateway as AdapterDefinition<unknown>,
    config: { ...config['partner-gateway'], concurrency: CONCURRENCY },
    logger: silentLogger,
    http: { concurrency: CONCURRENCY, hooks: { onRequest: (event) => urls.push(event.url) } },
  })
  const headers = { 'X-Api-Key': config['partner-gateway'].apiKey }
  const ours: number[] = []
  const baseline: number[] = []
  let found = 0
  let missing = 0
  let requests = 0
  for (let round = 0; round < options.rounds; round++) {
    urls.length = 0
    const oursStart = performance.now()
    const result = await client.getMany(ids)
    ours.push(since(oursStart))
    found = result.records.length
    missing = result.missing.length
    requests = urls.length
    const sameUrls = [...urls]
    const limit = pLimit(CONCURRENCY)
    const baselineStart = performance.now()
    await Promise.all(sameUrls.map((url) => limit(async () => JSON.parse(await ky.get(url, { headers }).text()))))
    baseline.push(since(baselineStart))
  }
  const oursMs = median(ours)
  const baselineMs = median(baseline)
  return { ids: ids.length, requests, found, missing, oursMs, baselineMs, ratio: oursMs / baselineMs }
}

import { type AdapterDefinition, createClient, silentLogger } from '@rcs-records/core'
import { adapter as partnerGateway } from '@rcs-records/partner-gateway'
import type { Simulator } from '@rcs-records/simulator'
import ky from 'ky'
import pLimit from 'p-limit'
import { collectGarbage, median, since } from './stats.js'

/**
 * partner-gateway `getMany` of `ids.length` ids: requests made, and wall time against a bare `Promise.all` over
 * the very same chunked URLs with the same concurrency (ky + JSON.parse only). Medians of `rounds` runs each.
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
 * Records the URLs our getMany requests (on a client with a hook, untimed), then runs our getMany (on a client
 * without hooks) and the bare baseline over those URLs: one unmeasured warm-up run of each, then `rounds` measured runs of each, alternating which side goes first, with a full collection
 * before every measured run (as `benchSync` does) so neither side pays for the other's garbage or survivors.
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
  const clientOptions = {
    adapter: partnerGateway as AdapterDefinition<unknown>,
    config: { ...config['partner-gateway'], concurrency: CONCURRENCY },
    logger: silentLogger,
  }
  // The URLs are recorded by a hook on a client of their own, outside the timed calls: a hook event carries the URL
  // redacted of the client's secrets, a scan of every ~2 KB batch URL that a client without hooks never pays.
  const recording = createClient({
    ...clientOptions,
    http: { concurrency: CONCURRENCY, hooks: { onRequest: (event) => urls.push(event.url) } },
  })
  const client = createClient({ ...clientOptions, http: { concurrency: CONCURRENCY } })
  const recordUrls = async (): Promise<string[]> => {
    urls.length = 0
    await recording.getMany(ids)
    return [...urls]
  }
  const headers = { 'X-Api-Key': config['partner-gateway'].apiKey }
  let found = 0
  let missing = 0
  const runOurs = async (): Promise<number> => {
    const started = performance.now()
    const result = await client.getMany(ids)
    const ms = since(started)
    found = result.records.length
    missing = result.missing.length
    return ms
  }
  const sameUrls = await recordUrls()
  await runOurs()
  const runBaseline = async (): Promise<number> => {
    const limit = pLimit(CONCURRENCY)
    const started = performance.now()
    await Promise.all(sameUrls.map((url) => limit(async () => JSON.parse(await ky.get(url, { headers }).text()))))
    return since(started)
  }
  await runBaseline()
  const ours: number[] = []
  const baseline: number[] = []
  for (let round = 0; round < options.rounds; round++) {
    for (const side of round % 2 === 0 ? (['baseline', 'ours'] as const) : (['ours', 'baseline'] as const)) {
      collectGarbage()
      if (side === 'ours') ours.push(await runOurs())
      else baseline.push(await runBaseline())
    }
  }
  const again = await recordUrls()
  if (again.join('\n') !== sameUrls.join('\n')) {
    throw new Error(`getMany asked ${sameUrls.length} URLs, then ${again.length} different ones`)
  }
  const oursMs = median(ours)
  const baselineMs = median(baseline)
  return {
    ids: ids.length,
    requests: sameUrls.length,
    found,
    missing,
    oursMs,
    baselineMs,
    ratio: oursMs / baselineMs,
  }
}

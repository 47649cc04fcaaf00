import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import { VENDORS } from '@rcs-records/simulator'
import { benchCli } from './cli-bench.js'
import { CLI_MODES } from './cli-memory.js'
import { ADAPTER_PACKAGES, appBundleSize, bundleSize, coldImportMs } from './footprint.js'
import { benchGetMany } from './get-many-bench.js'
import { benchLatency } from './latency-bench.js'
import { benchMemory } from './memory-bench.js'
import { benchNormalize } from './normalize-bench.js'
import { type BenchRow, fmt, renderTable } from './report.js'
import { measureScaling, type ScalingPoint, sizeLabel } from './scaling-bench.js'
import { startSimulatorProcess } from './simulator-process.js'
import { benchStoreApply } from './store-apply-bench.js'
import { benchStoreSync } from './store-sync-bench.js'
import { benchClient, benchSync } from './sync-bench.js'
import { benchWebhooks } from './webhooks-bench.js'

const SIZES = {
  full: {
    normalize: 10_000,
    normalizeRuns: 15,
    sync: 200_000,
    syncRounds: 2,
    memory: 1_000_000,
    memoryRuns: 5,
    getMany: 10_000,
    getManyRounds: 9,
    importRuns: 5,
    cli: 1_000_000,
    cliRuns: 1,
    storeApply: 20_000,
    storeApplyRuns: 5,
    storeSync: 200_000,
    storeSyncRounds: 2,
    latency: 50_000,
    latencySpacivox: 500_000,
    latencyRounds: 3,
    webhooks: 10_000,
    scaling: [10_000, 100_000, 1_000_000],
    scalingRuns: [3, 3, 1],
  },
  quick: {
    normalize: 1_000,
    normalizeRuns: 3,
    sync: 3_000,
    syncRounds: 1,
    memory: 10_000,
    memoryRuns: 1,
    getMany: 300,
    getManyRounds: 1,
    importRuns: 1,
    cli: 2_000,
    cliRuns: 1,
    storeApply: 2_000,
    storeApplyRuns: 1,
    storeSync: 3_000,
    storeSyncRounds: 1,
    latency: 3_000,
    latencySpacivox: 60_000,
    latencyRounds: 1,
    webhooks: 400,
    scaling: [1_000, 3_000, 10_000],
    scalingRuns: [1, 1, 1],
  },
} as const

/**
 * The `scaling` part: time per record may grow this much from the smallest size to the largest (linear cost reads
 * ~1.0×), and a process's peak RSS this many MB (flat memory: a listing holds a bounded window, whatever its length).
 */
const SCALING = { maxRatio: 1.5, maxRssGrowthMb: 64 } as const

/** The `latency` part: added to every answer of the slow simulator, and the listing requests we keep in flight. */
const LATENCY = { delayMs: 100, inFlight: 8 } as const
/** Ours ÷ the bound (the lower of the network's and the CPU's), at least; partner-gateway's pages are speculative. */
const LATENCY_TARGETS: Readonly<Record<(typeof VENDORS)[number], number>> = {
  'partner-gateway': 0.6,
  bsg: 0.8,
  spacivox: 0.8,
}

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    json: { type: 'string' },
    only: { type: 'string' },
    postgres: { type: 'string' },
  },
  strict: false,
})
const quick = values.quick === true || process.argv.includes('--quick')
/** `--only normalise,sync,getMany,memory,scaling,cli,footprint,store,webhooks,latency` runs a subset (all by default). */
const only = typeof values.only === 'string' ? new Set(values.only.split(',').map((part) => part.trim())) : undefined
const runs = (
  part:
    | 'normalise'
    | 'sync'
    | 'getMany'
    | 'memory'
    | 'scaling'
    | 'cli'
    | 'footprint'
    | 'store'
    | 'webhooks'
    | 'latency',
) => only === undefined || only.has(part)
/** A PostgreSQL server for the store's apply bench: `--postgres URL` or RCS_RECORDS_BENCH_POSTGRES_URL (else PGlite only). */
const postgresUrl =
  typeof values.postgres === 'string' ? values.postgres : (process.env.RCS_RECORDS_BENCH_POSTGRES_URL ?? undefined)
const size = quick ? SIZES.quick : SIZES.full
const rows: BenchRow[] = []
const log = (text: string) => process.stderr.write(`${text}\n`)
const started = performance.now()

log(
  `rcs-records bench${quick ? ' --quick' : ''} on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
)

// 1. Normalise throughput against JSON.parse of the same page.
for (const vendor of runs('normalise') ? VENDORS : []) {
  log(`normalise ${vendor}: ${fmt(size.normalize)} records × ${size.normalizeRuns} runs`)
  const r = benchNormalize(vendor, { records: size.normalize, runs: size.normalizeRuns })
  rows.push({
    benchmark: `normalise ${vendor}`,
    measured: `${r.overhead.toFixed(2)}×`,
    target: '≤ 0.5× parse',
    ok: r.overhead <= 0.5,
    detail: `${fmt(r.recordsPerSecond)} rec/s incl. parse; parse ${r.parseMs.toFixed(1)} ms, decode+normalise ${r.normalizeMs.toFixed(1)} ms per ${fmt(r.records)}${r.invalid > 0 ? `; ${r.invalid} invalid` : ''}`,
  })
}

// 2. Sync throughput against a bare ky loop, and 3. batch lookup, on one simulator process.
if (runs('sync') || runs('getMany')) {
  log(`sync: simulator with ${fmt(size.sync)} records per vendor`)
  const sim = await startSimulatorProcess({ records: size.sync })
  try {
    for (const vendor of runs('sync') ? VENDORS : []) {
      log(`sync ${vendor}: ${size.syncRounds} round(s)`)
      const r = await benchSync(vendor, sim, { rounds: size.syncRounds })
      rows.push({
        benchmark: `sync ${vendor}`,
        measured: `${r.ratio.toFixed(2)}×`,
        target: '≥ 0.8× bare',
        ok: r.ratio >= 0.8,
        detail: `${fmt(r.records)} records: ours ${fmt(r.records / (r.oursMs / 1000))} rec/s, bare ky+JSON.parse ${fmt(r.records / (r.baselineMs / 1000))} rec/s`,
      })
    }
    if (runs('getMany')) {
      log(`getMany: ${fmt(size.getMany)} ids on partner-gateway`)
      const ids: string[] = []
      const window = sim.windows['partner-gateway']
      for await (const record of benchClient('partner-gateway', sim.config).list({
        from: window.from,
        to: window.to,
      })) {
        ids.push(record.id)
        if (ids.length >= size.getMany - Math.floor(size.getMany / 100)) break
      }
      while (ids.length < size.getMany) ids.push(`unknown-${ids.length}`)
      const g = await benchGetMany(sim.config, ids, { rounds: size.getManyRounds })
      rows.push({
        benchmark: 'getMany partner-gateway',
        measured: `${g.ratio.toFixed(2)}×`,
        target: '≤ 1.2× bare',
        ok: g.ratio <= 1.2,
        detail: `${fmt(g.ids)} ids in ${g.requests} requests (${g.found} found, ${g.missing} missing); ours ${fmt(g.oursMs)} ms vs Promise.all ${fmt(g.baselineMs)} ms`,
      })
    }
  } finally {
    await sim.close()
  }
}

// 2a. Listings over a slow network: each answer 100 ms late, against the bound waiting allows and the CPU limit.
// Spacivox gets simulators of its own with a denser window (`latencySpacivox` records over the same 7 days): at 50,000
// records its default 24-hour slices cut the week into 7 slices (under `sliceRecords` each), so with 8 in flight the
// whole listing is the first slice plus one round trip and `in flight × records per slice ÷ latency` does not
// describe it. At 500,000 the default adaptive slices (~10,000 records each) give ~45 slices, many more than are in
// flight, and the listing runs at the steady rate the bound describes.
if (runs('latency')) {
  log(
    `latency: simulators with ${fmt(size.latency)} records per vendor (spacivox ${fmt(size.latencySpacivox)}), one adding ${LATENCY.delayMs} ms to every answer`,
  )
  const slowFaults = Object.fromEntries(
    VENDORS.map((vendor) => [vendor, [{ kind: 'latency', delayMs: LATENCY.delayMs }]]),
  )
  const startPair = async (records: number) => {
    const slow = await startSimulatorProcess({ records, seed: 5, faults: slowFaults })
    const fast = await startSimulatorProcess({ records, seed: 5 }).catch(async (error: unknown) => {
      await slow.close()
      throw error
    })
    return { slow, fast, close: async () => void (await Promise.all([slow.close(), fast.close()])) }
  }
  const groups = [
    { vendors: VENDORS.filter((vendor) => vendor !== 'spacivox'), records: size.latency },
    { vendors: VENDORS.filter((vendor) => vendor === 'spacivox'), records: size.latencySpacivox },
  ]
  for (const { vendors, records } of groups) {
    const sims = await startPair(records)
    try {
      for (const vendor of vendors) {
        log(`latency ${vendor}: ${size.latencyRounds} round(s)`)
        const l = await benchLatency(vendor, sims, {
          rounds: size.latencyRounds,
          inFlight: LATENCY.inFlight,
          latencyMs: LATENCY.delayMs,
        })
        // What binds is the lower of the two: waiting for the network, or the CPU (ours and the simulator's, measured
        // on loopback in the same run). On a loaded 2-core machine the CPU often binds first at 100 ms.
        const bound = Math.min(l.boundPerSecond, l.cpuPerSecond)
        const ratio = l.oursPerSecond / bound
        const binding = l.boundPerSecond <= l.cpuPerSecond ? 'the network binds' : 'the CPU binds'
        rows.push({
          benchmark: `latency ${vendor}`,
          measured: `${ratio.toFixed(2)}×`,
          target: `≥ ${LATENCY_TARGETS[vendor].toFixed(1)}× bound`,
          ok: ratio >= LATENCY_TARGETS[vendor],
          detail: `${fmt(l.records)} records in ${fmt(l.requests)} responses, ${l.latencyMs} ms per answer: ours ${fmt(l.oursPerSecond)} rec/s = ${(l.oursPerSecond / l.barePerSecond).toFixed(1)}× a sequential ky loop (${fmt(l.barePerSecond)} rec/s), ${(l.oursPerSecond / l.boundPerSecond).toFixed(2)}× the network bound (${l.inFlight} in flight × ${fmt(l.records / Math.max(1, l.requests))} rec/response ÷ ${l.latencyMs} ms = ${fmt(l.boundPerSecond)} rec/s); loopback CPU limit ${fmt(l.cpuPerSecond)} rec/s: ${binding}; median of ${size.latencyRounds}`,
        })
      }
    } finally {
      await sims.close()
    }
  }
}

/**
 * Peak RSS growth while streaming 1,000,000 records: spacivox's (adaptive slices, one ~6,000-record response at a
 * time at 1-hour slices) is held to the issue's < 48 MB, the paged vendors to < 64 MB.
 */
const MEMORY_TARGETS_MB: Readonly<Record<(typeof VENDORS)[number], number>> = {
  'partner-gateway': 64,
  bsg: 64,
  spacivox: 48,
}

// 2b. Memory while streaming a large window.
if (runs('memory')) {
  log(`memory: simulator with ${fmt(size.memory)} records per vendor`)
  const sim = await startSimulatorProcess({ records: size.memory, seed: 3 })
  try {
    for (const vendor of VENDORS) {
      log(`memory ${vendor}: streaming ${fmt(sim.windows[vendor].count)} records`)
      const m = await benchMemory(vendor, sim, { runs: size.memoryRuns })
      rows.push({
        benchmark: `memory ${vendor}`,
        measured: `${m.peakGrowthMb.toFixed(1)} MB`,
        target: `< ${MEMORY_TARGETS_MB[vendor]} MB peak RSS growth`,
        ok: m.peakGrowthMb < MEMORY_TARGETS_MB[vendor],
        detail: `${fmt(m.records)} records streamed in ${fmt(m.ms / 1000, 1)} s${vendor === 'spacivox' ? ' (1-hour slices)' : ''}, median of ${m.peaksMb.length} fresh processes (${m.peaksMb.map((peak) => peak.toFixed(0)).join(' / ')} MB), each after a warm-up; heap kept after the stream ${m.retainedMb.toFixed(1)} MB; process peak RSS ${m.maxRssMb.toFixed(0)} MB`,
      })
    }
  } finally {
    await sim.close()
  }
}

// 2c. Scaling: the same stream at three sizes, each in fresh processes: time per record against the smallest size's
// (linear cost reads ~1.0×) and the process's peak RSS (flat: a listing holds a bounded window).
if (runs('scaling')) {
  const points: ScalingPoint[] = []
  for (const [index, simulated] of size.scaling.entries()) {
    log(`scaling: simulator with ${fmt(simulated)} records per vendor`)
    const sim = await startSimulatorProcess({ records: simulated, seed: 6 })
    try {
      for (const vendor of VENDORS) {
        const runsHere = size.scalingRuns[index] ?? 1
        log(`scaling ${vendor} ${sizeLabel(simulated)}: ${runsHere} fresh process(es)`)
        points.push(await measureScaling(vendor, sim, { simulated, runs: runsHere }))
      }
    } finally {
      await sim.close()
    }
  }
  for (const vendor of VENDORS) {
    const own = points.filter((point) => point.vendor === vendor)
    const base = own[0]
    if (base === undefined) continue
    for (const point of own) {
      const ratio = point.usPerRecord / base.usPerRecord
      const rssGrowth = point.maxRssMb - base.maxRssMb
      rows.push({
        benchmark: `scaling ${vendor} ${sizeLabel(point.simulated)}`,
        measured: `${ratio.toFixed(2)}×`,
        target: `≤ ${SCALING.maxRatio}× ${sizeLabel(base.simulated)}'s per rec; RSS flat`,
        ok: point === base ? null : ratio <= SCALING.maxRatio && rssGrowth <= SCALING.maxRssGrowthMb,
        detail: `${fmt(point.records)} records: ${fmt(point.usPerRecord, 2)} µs per record (${fmt(1e6 / point.usPerRecord)} rec/s) against ${fmt(base.usPerRecord, 2)} µs at ${sizeLabel(base.simulated)}; peak RSS of the process ${point.maxRssMb.toFixed(0)} MB (${rssGrowth >= 0 ? '+' : ''}${rssGrowth.toFixed(0)} MB on ${sizeLabel(base.simulated)}'s), growth during the stream ${point.peakGrowthMb.toFixed(1)} MB; median of ${point.runs} fresh process(es)`,
      })
    }
  }
}

// 2d. The rcs-records command over the same kind of window: peak RSS of the real process, per provider and mode.
if (runs('cli')) {
  log(`cli: simulator with ${fmt(size.cli)} records per vendor`)
  const sim = await startSimulatorProcess({ records: size.cli, seed: 3 })
  try {
    // --quick runs one mode per provider (a file, a pipe, the report), so the test suite checks each path cheaply.
    const QUICK_MODES = ['list --out .ndjson', 'list piped csv', 'report']
    for (const [index, vendor] of VENDORS.entries()) {
      const modes = quick ? CLI_MODES.filter((mode) => mode.name === QUICK_MODES[index]) : CLI_MODES
      // --quick lists the last 6 hours only: a few requests per provider, so the test suite pays for the paths only.
      const lastHours = quick ? { lastHours: 6 } : {}
      rows.push(...(await benchCli(vendor, sim, { runs: size.cliRuns, log, modes, ...lastHours })))
    }
  } finally {
    await sim.close()
  }
}

// 5. The store: apply against a plain INSERT … ON CONFLICT DO NOTHING, and a sync into it against one without.
if (runs('store')) {
  for (const url of [undefined, ...(postgresUrl === undefined ? [] : [postgresUrl])]) {
    log(
      `store apply on ${url === undefined ? 'PGlite' : 'PostgreSQL'}: ${fmt(size.storeApply)} records × ${size.storeApplyRuns} runs`,
    )
    const a = await benchStoreApply(url, { records: size.storeApply, runs: size.storeApplyRuns })
    rows.push({
      benchmark: `store apply ${a.engine}`,
      measured: `${a.ratio.toFixed(2)}×`,
      target: '≥ 0.5× plain INSERT',
      ok: a.ratio >= 0.5,
      detail: `${fmt(a.records)} new records in batches of 1,000: ours ${fmt(a.records / (a.oursMs / 1000))} rec/s, INSERT … ON CONFLICT DO NOTHING ${fmt(a.records / (a.floorMs / 1000))} rec/s; a later status of each (lock, merge, update, change log) ${fmt(a.records / (a.updateMs / 1000))} rec/s; median of ${size.storeApplyRuns}`,
    })
  }
  log(`store sync: simulator with ${fmt(size.storeSync)} records per vendor`)
  const sim = await startSimulatorProcess({ records: size.storeSync, seed: 4 })
  try {
    for (const url of [undefined, ...(postgresUrl === undefined ? [] : [postgresUrl])]) {
      const engine = url === undefined ? 'PGlite' : 'PostgreSQL'
      log(`store sync into ${engine}: ${size.storeSyncRounds} round(s)`)
      const s = await benchStoreSync(sim, { rounds: size.storeSyncRounds, url })
      rows.push({
        benchmark: `store sync bsg ${engine}`,
        measured: `${s.ratio.toFixed(2)}×`,
        target: '≥ 0.5× without a store',
        ok: s.ratio >= 0.5,
        detail: `${fmt(s.records)} records into ${engine}: ${fmt(s.records / (s.oursMs / 1000))} rec/s; the same list() without a store ${fmt(s.records / (s.baselineMs / 1000))} rec/s; median of ${size.storeSyncRounds}`,
      })
    }
  } finally {
    await sim.close()
  }
}

// 6. Webhooks: callback latency over HTTP into the store, against a bare server answering 204 in the same run.
if (runs('webhooks')) {
  for (const url of [undefined, ...(postgresUrl === undefined ? [] : [postgresUrl])]) {
    const engine = url === undefined ? 'PGlite' : 'PostgreSQL'
    log(`webhooks into ${engine}: ${fmt(size.webhooks)} callbacks from 50 senders`)
    const w = await benchWebhooks({ callbacks: size.webhooks, senders: 50, url })
    rows.push({
      benchmark: `webhooks ${w.engine}`,
      measured: `${w.p99Ms.toFixed(0)} ms`,
      target: 'p99 < 100 ms',
      ok: w.p99Ms < 100 && w.failed === 0,
      detail: `${fmt(w.callbacks)} partner-gateway callbacks (DELIVERY + READ, each twice, shuffled), ${w.senders} concurrent senders on 127.0.0.1: p50 ${w.p50Ms.toFixed(1)} ms, ${fmt(w.callbacksPerSecond)} callbacks/s; a bare server answering 204: p50 ${w.bareP50Ms.toFixed(1)} ms, p99 ${w.bareP99Ms.toFixed(1)} ms, ${fmt(w.bareCallbacksPerSecond)}/s (${(w.callbacksPerSecond / w.bareCallbacksPerSecond).toFixed(2)}×)${w.failed > 0 ? `; ${w.failed} not 204` : ''}`,
    })
  }
}

// 4. Footprint.
for (const adapterPackage of runs('footprint') ? ADAPTER_PACKAGES : []) {
  const name = adapterPackage.replace('@rcs-records/', '')
  log(`footprint ${name}`)
  const app = await appBundleSize(adapterPackage)
  const noPhoneMetadata = await appBundleSize(adapterPackage, 'phone metadata')
  const noPhone = await appBundleSize(adapterPackage, 'phone library')
  const whole = await bundleSize(adapterPackage)
  const cold = coldImportMs(adapterPackage, size.importRuns)
  rows.push({
    benchmark: `footprint core+${name}`,
    measured: `${(app.gzipped / 1024).toFixed(1)} KB gz`,
    target: '≤ 25 KB gz (app)',
    ok: app.gzipped <= 25 * 1024,
    detail: `createClient + adapter, tree-shaken, ${(app.minified / 1024).toFixed(1)} KB min incl. ky, io-ts, fp-ts, libphonenumber-js; without the phone metadata ${(noPhoneMetadata.gzipped / 1024).toFixed(1)} KB gz, without libphonenumber-js (code and metadata) ${(noPhone.gzipped / 1024).toFixed(1)} KB gz; whole public surface ${(whole.gzipped / 1024).toFixed(1)} KB gz; cold import +${cold.importMs.toFixed(0)} ms over a bare node start (${cold.baselineMs.toFixed(0)} ms)`,
  })
}

const table = renderTable(rows)
process.stdout.write(`\n${table}\n\nbench finished in ${fmt((performance.now() - started) / 1000, 1)} s\n`)
if (typeof values.json === 'string') {
  mkdirSync('.bench-out', { recursive: true })
  writeFileSync(values.json, JSON.stringify({ quick, rows }, null, 2))
}

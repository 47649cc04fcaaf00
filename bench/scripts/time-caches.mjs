// Does each module-level cache of core's timestamp code pay? `node bench/scripts/time-caches.mjs [--rounds 25]`
// (from the repository root, after `pnpm build`: it reads the simulator's dist for its inputs).
//
// core/src/time/ is bundled once as it is and once per cache with that cache switched off (a source edit made by an
// esbuild plugin, so no flag sits in the shipped code). Every variant parses the same inputs — the timestamps of the
// simulator's generated pages, the shapes each vendor sends, in page order and shuffled (a batch lookup's answer
// comes in no time order) — in rounds that interleave the variants, so a loaded machine slows them alike. Prints
// the median CPU time of each variant over the rounds as a ratio to the variant with every cache on (> 1: the cache
// helps).
//
// Measured 2026-12-02 on the shared 2-core machine (load 10–17), median of 21 and 31 rounds, CPU time:
//   utcHours 1.27× / 2.31× (partner-gateway in page order / shuffled); lastHour 1.35× (partner-gateway), 1.27×
//   (spacivox); prefixes 3.5× / 12.4× (bsg in page order / shuffled); lastLocalHour 2.9× (bsg in page order);
//   TAILS 1.13–1.25×; offsetCache 10.1× (the general path); lastZone 1.09–1.13× on bsg (at the noise floor, ±10%).
//   formatters and zonedFastPaths: 1.0× here — the first pays on every general-path miss (a new Intl.DateTimeFormat
//   makes formatToParts 7.5× dearer: new hours, the DST hours no cache holds, BSG's query windows), the second with
//   two or more zones in one process (without it each switch would drop the zone's prefixes: the 3.5–12× above).
//   All nine are kept.
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { generateVendorPage } from '@rcs-records/simulator'
import { build } from 'esbuild'

const { values } = parseArgs({
  options: { rounds: { type: 'string' }, records: { type: 'string' }, only: { type: 'string' } },
})
const ROUNDS = Number(values.rounds ?? 25)
const RECORDS = Number(values.records ?? 10_000)
const ENTRY = fileURLToPath(new URL('../../packages/core/src/time/parse.ts', import.meta.url))

/** Each cache, and the source edit that switches it off (`[file, text, replacement]`). */
const CACHES = {
  'formatters (Intl.DateTimeFormat per zone)': [
    'general.ts',
    'let formatter = formatters.get(timeZone)',
    'let formatter: Intl.DateTimeFormat | undefined',
  ],
  'offsetCache (zone offset per local hour)': [
    'general.ts',
    'const cached = offsetCache.get(key)',
    'const cached: number | undefined = undefined',
  ],
  'zonedFastPaths (fast path per zone)': [
    'fast.ts',
    'let fastPath = zonedFastPaths.get(timeZone)',
    'let fastPath: ((value: string) => string | null | undefined) | undefined',
  ],
  'lastZone (one entry before zonedFastPaths)': [
    'fast.ts',
    'if (timeZone === lastZone.timeZone) return lastZone.fastPath',
    '',
  ],
  'utcHours (UTC hour per local hour and offset)': [
    'fast.ts',
    'let utc = utcHours.get(key)',
    'let utc: string | undefined',
  ],
  'lastHour (one entry before utcHours)': [
    'fast.ts',
    'if (localHour === lastHour.localHour && zone === lastHour.zone) {',
    'if (false) {',
  ],
  'prefixes (UTC prefix per local hour, per zone)': [
    'fast.ts',
    'let prefix = prefixes.get(key)',
    'let prefix: string | undefined',
  ],
  'lastLocalHour (one entry before prefixes)': [
    'fast.ts',
    'localHour >= 0 && localHour === lastLocalHour',
    'localHour >= 0 && false',
  ],
  'TAILS (`:mm:ss.000Z` per second of the hour)': [
    'keys.ts',
    'let tail = TAILS[minuteSecond] as string',
    "let tail = ''",
  ],
}

const bundle = async (edit) => {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    plugins: [
      {
        name: 'switch-off',
        setup(b) {
          if (edit === undefined) return
          b.onLoad({ filter: /time[\\/][a-z-]+\.ts$/ }, async (args) => {
            const { readFile } = await import('node:fs/promises')
            let text = await readFile(args.path, 'utf8')
            if (args.path.endsWith(edit[0])) {
              if (!text.includes(edit[1])) throw new Error(`${edit[0]}: "${edit[1]}" not found`)
              text = text.replace(edit[1], edit[2])
            }
            return { contents: text, loader: 'ts' }
          })
        },
      },
    ],
  })
  const code = result.outputFiles[0].text
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/
const timestampsOf = (vendor) => {
  const out = []
  for (const record of generateVendorPage(vendor, { seed: 7, count: RECORDS })) {
    for (const value of Object.values(record)) if (typeof value === 'string' && TIMESTAMP.test(value)) out.push(value)
  }
  return out
}
const shuffled = (values, seed = 42) => {
  const out = [...values]
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    const j = seed % (i + 1)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

// The zone each adapter reads its vendor's timestamps in (BSG: its account's zone; the others carry their own).
const pg = timestampsOf('partner-gateway')
const bsg = timestampsOf('bsg')
const spacivox = timestampsOf('spacivox')
const WORKLOADS = {
  'partner-gateway (±hh:mm), page order': [pg, 'UTC'],
  'partner-gateway, shuffled': [shuffled(pg), 'UTC'],
  'bsg (zone-less, Europe/Kyiv), page order': [bsg, 'Europe/Kyiv'],
  'bsg, shuffled': [shuffled(bsg), 'Europe/Kyiv'],
  'spacivox (…sssZ), page order': [spacivox, 'UTC'],
  // What no fast path takes (a zone-less time with a fraction): the general parser, its offsets and formatters.
  'bsg with milliseconds (general path)': [bsg.map((v) => `${v}.250`), 'Europe/Kyiv'],
}

const variants = { 'all caches on': await bundle(undefined) }
// `--only offsetCache,lastZone`: just those caches (by the first word of their name).
const only = values.only?.split(',')
for (const [name, edit] of Object.entries(CACHES)) {
  if (only === undefined || only.includes(name.split(' ')[0])) variants[`without ${name}`] = await bundle(edit)
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

let sink = 0
/** Milliseconds of CPU time (user + system) of this process: on a loaded machine, time spent descheduled is not ours. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
const timeOnce = (parse, values, zone, passes) => {
  const start = cpuMs()
  for (let pass = 0; pass < passes; pass++) for (const value of values) sink += parse(value, zone)?.length ?? 0
  return cpuMs() - start
}

const results = {}
for (const [workload, [values, zone]] of Object.entries(WORKLOADS)) {
  const expected = values.map((v) => variants['all caches on'].parseIsoTimestamp(v, zone))
  const times = Object.fromEntries(Object.keys(variants).map((name) => [name, []]))
  for (const [name, module] of Object.entries(variants)) {
    values.forEach((v, i) => {
      if (module.parseIsoTimestamp(v, zone) !== expected[i]) throw new Error(`${name} differs on ${v}`)
    })
  }
  // Enough passes over the inputs that one sample takes about 40 ms of CPU with every cache on.
  const parse = variants['all caches on'].parseIsoTimestamp
  timeOnce(parse, values, zone, 3)
  const passes = Math.max(1, Math.ceil(40 / (timeOnce(parse, values, zone, 1) || 0.01)))
  for (let round = -3; round < ROUNDS; round++) {
    // A new order each round: no variant always runs right after the one that leaves the most garbage.
    const order = shuffled(Object.keys(variants), round + 100)
    for (const name of order) {
      const ms = timeOnce(variants[name].parseIsoTimestamp, values, zone, passes)
      if (round >= 0) times[name].push(ms / passes)
    }
  }
  const base = median(times['all caches on'])
  results[workload] = Object.fromEntries(
    Object.entries(times).map(([name, xs]) => [name, { medianMs: median(xs), ratio: median(xs) / base }]),
  )
}

const names = Object.keys(variants)
const workloads = Object.keys(WORKLOADS)
console.log(`${RECORDS} records per vendor, median of ${ROUNDS} interleaved rounds; ratio = time / all caches on`)
console.log(['variant', ...workloads].join(' | '))
for (const name of names) {
  const cells = workloads.map((w) => {
    const r = results[w][name]
    return name === 'all caches on'
      ? `${((r.medianMs * 1000) / WORKLOADS[w][0].length).toFixed(3)} µs/value`
      : `${r.ratio.toFixed(2)}×`
  })
  console.log([name, ...cells].join(' | '))
}
if (sink === 0) console.log('')

import { join } from 'node:path'
import type { Simulator } from '@rcs-records/simulator'
import { openStore } from '@rcs-records/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, lines, spawnBinary } from './support/binary.js'
import { frozenSimulator, tempDir, writeJson } from './support/simulator.js'

type Vendor = 'partner-gateway' | 'bsg' | 'spacivox'
const VENDORS: readonly Vendor[] = ['partner-gateway', 'bsg', 'spacivox']

let sim: Simulator
let configPath: string
let storeDir: string
let from: string
let to: string

/** A small seeded generator, so a failing run can be repeated from the seed it prints. */
const random = (seed: number) => {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 2 ** 32
  }
}

beforeAll(async () => {
  ensureBuilt()
  // Slow pages, so that a run is still listing when it is killed.
  const latency = (route: 'history' | 'messages' | 'records') => [
    { kind: 'latency' as const, routes: [route], delayMs: 30 },
  ]
  sim = await frozenSimulator({
    seed: 31,
    records: 1_500,
    faults: { 'partner-gateway': latency('history'), bsg: latency('messages'), spacivox: latency('records') },
  })
  const dir = tempDir()
  configPath = writeJson(dir, 'sim.json', sim.config)
  storeDir = join(dir, 'store')
  from = VENDORS.map((vendor) => sim.truth.window(vendor).from).sort()[0] ?? ''
  to = new Date(sim.clock.now() + 1).toISOString()
}, 180_000)

afterAll(async () => {
  await sim?.close()
})

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  commits: number
}

/** Runs `rcs-records sync`; with `stop`, sends it `signal` that many ms after its `after`-th committed slice. */
const runSync = (stop?: { after: number; extraMs: number; signal: NodeJS.Signals }): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawnBinary([
      'sync',
      '-c',
      configPath,
      '-p',
      'all',
      '--store',
      storeDir,
      '--from',
      from,
      '--to',
      to,
      '-f',
      'ndjson',
      '--verbose',
    ])
    child.stdin.end()
    let stdout = ''
    let stderr = ''
    let commits = 0
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
      const now = (stderr.match(/committed through/g) ?? []).length
      if (stop !== undefined && commits < stop.after && now >= stop.after) {
        setTimeout(() => child.kill(stop.signal), stop.extraMs)
      }
      commits = now
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`sync did not finish:\n${stderr}`))
    }, 300_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr, commits })
    })
  })

describe('rcs-records sync killed (SIGKILL) and interrupted (Ctrl-C), then run again', () => {
  it('resumes from its checkpoint: the store ends equal to the ground truth, each record stored once', async () => {
    const seed = Number(process.env.RCS_RECORDS_KILL_SEED ?? Date.now() % 1_000_000)
    const next = random(seed)
    const why = `seed ${seed}`

    // Killed twice at random points: after a few committed slices, a few ms into the next one.
    for (let round = 0; round < 2; round++) {
      const killed = await runSync({
        after: 1 + Math.floor(next() * 6),
        extraMs: Math.floor(next() * 40),
        signal: 'SIGKILL',
      })
      expect(killed.signal, `${why}\n${killed.stderr}`).toBe('SIGKILL')
    }

    // Ctrl-C: what was read is committed, the checkpoint is named, exit 130.
    const interrupted = await runSync({
      after: 1 + Math.floor(next() * 4),
      extraMs: Math.floor(next() * 40),
      signal: 'SIGINT',
    })
    expect(interrupted.code, `${why}\n${interrupted.stderr}`).toBe(130)
    expect(interrupted.stderr).toMatch(
      // In a provider's run, or (rarely) just between two providers' runs.
      /rcs-records: interrupted(: \S+: what was read is in the store .* the checkpoint is at \S+, where the next run resumes| before \S+: what was synced is in the store, and the next run resumes from the checkpoints)/,
    )

    // Run to the end: it carries on where the checkpoints say, not from --from.
    const finished = await runSync()
    expect(finished.code, `${why}\n${finished.stderr}`).toBe(0)
    const summaries = lines(finished.stdout).map(
      (line) => JSON.parse(line) as { provider: string; from: string; listedFrom: string },
    )
    expect(summaries).toHaveLength(3)
    expect(
      summaries.some((s) => Date.parse(s.listedFrom) > Date.parse(s.from)),
      why,
    ).toBe(true)

    const store = await openStore(`pglite:${storeDir}`)
    try {
      for (const vendor of VENDORS) {
        const truth = sim.truth.expected(vendor, {
          from,
          to,
          ...(vendor === 'partner-gateway' ? { channel: 'rcs' as const } : {}),
        })
        const stored = new Map<string, string>()
        for await (const record of store.query({ provider: vendor })) stored.set(record.id, record.status)
        expect(stored, `${vendor}, ${why}`).toEqual(truth)
      }
      // The simulator's clock is frozen, so nothing moved: each record changed once, when it was first stored.
      const keys: string[] = []
      for await (const change of store.changes()) keys.push(`${change.record.provider}/${change.record.id}`)
      expect(new Set(keys).size, why).toBe(keys.length)
      expect(keys.length, why).toBe(await store.count())
    } finally {
      await store.close()
    }
  }, 900_000)
})

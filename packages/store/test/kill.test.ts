import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Simulator, startSimulator, VENDORS } from '@rcs-records/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../src/index.js'
import { createTestDatabase, POSTGRES_ONLY, POSTGRES_URL } from './helpers/databases.js'
import { collect } from './helpers/records.js'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..', '..')
const CHILD = join(here, 'fixtures', 'sync-child.mjs')
const HOUR = 3_600_000

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

interface Run {
  lines: string[]
  code: number | null
  signal: NodeJS.Signals | null
}

/** Starts the child; when `killAfter` is set, SIGKILLs it after that many progress lines plus `extraMs`. */
const runChild = (env: Record<string, string>, killAfter?: { lines: number; extraMs: number }): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [CHILD], {
      cwd: join(root, 'packages', 'store'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const lines: string[] = []
    let stderr = ''
    let progress = 0
    let buffer = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const parts = buffer.split('\n')
      buffer = parts.pop() ?? ''
      for (const line of parts) {
        lines.push(line)
        if (line.startsWith('progress') && killAfter !== undefined && ++progress === killAfter.lines) {
          setTimeout(() => child.kill('SIGKILL'), killAfter.extraMs)
        }
      }
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null) reject(new Error(`child failed (${code}): ${stderr}`))
      else resolve({ lines, code, signal })
    })
  })

const buildOnce = () =>
  execFileSync(
    'npx',
    ['tsc', '-b', 'packages/store', 'packages/partner-gateway', 'packages/bsg', 'packages/spacivox'],
    { cwd: root, stdio: 'ignore' },
  )

describe.each([
  ['PGlite on disk', 'pglite'],
  ['PostgreSQL', 'postgres'],
] as const)('a sync killed at random points (SIGKILL) on %s, then started again', (_name, engine) => {
  let sim: Simulator
  let url: string
  let cleanup: () => Promise<void> = async () => {}
  beforeAll(async () => {
    buildOnce()
    sim = await startSimulator({ seed: 23, records: 600, windowMs: 24 * HOUR, frozen: true })
    if (engine === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'rcs-store-kill-'))
      url = `pglite:${dir}`
      cleanup = async () => rmSync(dir, { recursive: true, force: true })
    } else if (POSTGRES_URL !== undefined) {
      const database = await createTestDatabase()
      url = database.url
      cleanup = database.drop
    }
  })
  afterAll(async () => {
    await sim?.close()
    await cleanup()
  })

  it.skipIf((engine === 'postgres' && POSTGRES_URL === undefined) || (engine === 'pglite' && POSTGRES_ONLY))(
    'loses and duplicates nothing: the store ends equal to the ground truth, one change per record',
    async () => {
      const seed = Number(process.env.RCS_RECORDS_KILL_SEED ?? Date.now() % 1_000_000)
      const next = random(seed)
      const plan = {
        now: sim.clock.now(),
        sliceMs: 3 * HOUR,
        batchSize: 40,
        vendors: VENDORS.map((vendor) => ({
          vendor,
          config: sim.config[vendor],
          from: sim.truth.window(vendor).from,
          to: new Date(sim.clock.now() + 1).toISOString(),
        })),
      }
      const env = { STORE_URL: url, SYNC_PLAN: JSON.stringify(plan) }
      let kills = 0
      let finished = false
      // Each run gets further (every slice it finishes is checkpointed); kill it four times on the way, after a
      // random number of committed batches and a random few milliseconds more (inside the next batch's transaction,
      // or between statements of it).
      for (let round = 0; round < 4 && !finished; round++) {
        const run = await runChild(env, { lines: 1 + Math.floor(next() * 12), extraMs: Math.floor(next() * 40) })
        if (run.signal === 'SIGKILL') kills++
        finished = run.lines.includes('done')
      }
      if (!finished) expect((await runChild(env)).lines).toContain('done')
      expect(kills, `seed ${seed}`).toBeGreaterThanOrEqual(3)

      const store = await openStore(url)
      try {
        for (const vendor of VENDORS) {
          const from = sim.truth.window(vendor).from
          const truth = sim.truth.expected(vendor, vendor === 'partner-gateway' ? { from, channel: 'rcs' } : { from })
          const stored = new Map((await collect(store.query({ provider: vendor }))).map((r) => [r.id, r.status]))
          expect(stored, `${vendor}, seed ${seed}`).toEqual(truth)
        }
        // Nothing moved (the simulator clock is frozen): each record changed once, when it was first stored.
        const changes = await collect(store.changes())
        const keys = changes.map((change) => `${change.record.provider}/${change.record.id}`)
        expect(new Set(keys).size, `seed ${seed}`).toBe(keys.length)
        expect(keys.length).toBe(await store.count())
      } finally {
        await store.close()
      }
    },
  )
})

describe.skipIf(POSTGRES_ONLY)('a PGlite directory is one process at a time', () => {
  it('a second process gets a clear error, not a corrupted directory; a killed owner’s lock is taken over', async () => {
    buildOnce()
    const dir = mkdtempSync(join(tmpdir(), 'rcs-store-lock-'))
    try {
      const store = await openStore(dir)
      await store.apply([])
      const env = { STORE_URL: `pglite:${dir}`, SYNC_PLAN: '{}', OPEN_ONLY: '1' }
      const other = await runChild(env)
      const line = other.lines.find((l) => l.startsWith('error ')) ?? ''
      const error = JSON.parse(line.slice(6) || '{}') as { kind?: string; message?: string }
      expect(error.kind).toBe('config')
      expect(error.message).toContain(`in use by process ${process.pid}`)
      // In this process too: a second PGlite on the same files would corrupt them just the same.
      await expect(openStore(`pglite:${dir}`)).rejects.toThrow(/in use by process/)
      await store.close()
      expect((await runChild(env)).lines).toContain('opened')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

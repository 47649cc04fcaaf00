import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Simulator, startSimulator } from '@rcs-records/simulator'
import { openStore } from '@rcs-records/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, lines, runBinary, spawnBinary } from './support/binary.js'
import { frozenSimulator, tempDir, writeJson } from './support/simulator.js'

type Vendor = 'partner-gateway' | 'bsg' | 'spacivox'
const VENDORS: readonly Vendor[] = ['partner-gateway', 'bsg', 'spacivox']
// Every command below opens a PGlite store: an initdb (seconds, many more on a loaded machine) for a new one.
const SLOW = { timeoutMs: 240_000 }
const TEST_MS = 600_000

let sim: Simulator
let dir: string
let configPath: string
let storeDir: string
let from: string
let to: string

/** What a correct sync of `vendor` stores: partner-gateway lists its default channel (rcs). */
const expectedOf = (vendor: Vendor) =>
  sim.truth.expected(vendor, {
    from,
    to,
    ...(vendor === 'partner-gateway' ? { channel: 'rcs' as const } : {}),
  })

interface Summary {
  provider: string
  from: string
  listedFrom: string
  listed: number
  applied: { inserted: number; changed: number; unchanged: number }
}

const summariesOf = (stdout: string): Summary[] => lines(stdout).map((line) => JSON.parse(line) as Summary)

beforeAll(async () => {
  ensureBuilt()
  sim = await frozenSimulator({ seed: 19, records: 300 })
  dir = tempDir()
  configPath = writeJson(dir, 'sim.json', sim.config)
  storeDir = join(dir, 'store')
  from = VENDORS.map((vendor) => sim.truth.window(vendor).from).sort()[0] ?? ''
  to = new Date(sim.clock.now() + 1).toISOString()
}, 180_000)

afterAll(async () => {
  await sim?.close()
})

describe('rcs-records sync, query and report --store', () => {
  it(
    'sync lists every provider into a PGlite directory: exactly the ground truth, one summary per provider',
    async () => {
      const result = await runBinary(
        ['sync', '-c', configPath, '-p', 'all', '--store', storeDir, '--from', from, '--to', to, '-f', 'ndjson'],
        SLOW,
      )
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      const summaries = summariesOf(result.stdout)
      expect(summaries.map((s) => s.provider).sort()).toEqual([...VENDORS].sort())
      for (const summary of summaries) {
        const expected = expectedOf(summary.provider as Vendor)
        expect(summary.listedFrom).toBe(from)
        expect(summary.applied.inserted).toBe(expected.size)
      }
      // The directory is a real store: opened here, it holds exactly the truth.
      const store = await openStore(`pglite:${storeDir}`)
      try {
        for (const vendor of VENDORS) {
          const stored = new Map<string, string>()
          for await (const record of store.query({ provider: vendor })) stored.set(record.id, record.status)
          expect(stored, vendor).toEqual(expectedOf(vendor))
        }
      } finally {
        await store.close()
      }
    },
    TEST_MS,
  )

  it(
    'a second sync without --from carries on from the checkpoint: nothing new, nothing changed',
    async () => {
      const result = await runBinary(
        ['sync', '-c', configPath, '-p', 'bsg,spacivox', '--store', storeDir, '--to', to, '-f', 'ndjson'],
        SLOW,
      )
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      const summaries = summariesOf(result.stdout)
      expect(summaries.map((s) => s.provider)).toEqual(['bsg', 'spacivox'])
      for (const summary of summaries) {
        expect(summary.from).toBe(from)
        // Only the overlap before where the first run stopped is listed again.
        expect(Date.parse(summary.listedFrom)).toBeGreaterThan(Date.parse(from))
        expect(summary.applied.inserted).toBe(0)
        expect(summary.applied.changed).toBe(0)
      }
    },
    TEST_MS,
  )

  it(
    'the table summary says, for people, what the run did',
    async () => {
      const result = await runBinary(
        ['sync', '-c', configPath, '-p', 'spacivox', '--store', storeDir, '--to', to, '-f', 'table'],
        SLOW,
      )
      expect(result.code).toBe(0)
      // One summary, wrapped at the width.
      expect(lines(result.stdout).filter((line) => /^\S+: listed/.test(line))).toHaveLength(1)
      expect(result.stdout).toMatch(
        /^spacivox: listed [\s\S]*\(carried\s+on\s+from\s+the\s+checkpoint\):\s+\d+\s+records\s+\(0\s+new,\s+0\s+changed[\s\S]*refreshed\s+\d+\s+not\s+final\s+yet\s+by\s+modifiedSince/,
      )
    },
    TEST_MS,
  )

  it(
    'query streams the stored records (oldest first) and filters by provider, status, final, and --limit',
    async () => {
      const all = await runBinary(['query', '--store', storeDir, '-f', 'ndjson'], SLOW)
      expect(all.stderr).toBe('')
      expect(all.code).toBe(0)
      const records = lines(all.stdout).map(
        (line) =>
          JSON.parse(line) as {
            provider: Vendor
            id: string
            status: string
            final: boolean
            createdAt: string | null
          },
      )
      const total = VENDORS.reduce((sum, vendor) => sum + expectedOf(vendor).size, 0)
      expect(records).toHaveLength(total)
      for (const vendor of VENDORS) {
        expect(new Map(records.filter((r) => r.provider === vendor).map((r) => [r.id, r.status]))).toEqual(
          expectedOf(vendor),
        )
      }

      const delivered = await runBinary(
        ['query', '--store', storeDir, '--provider', 'bsg', '--status', 'delivered,read', '-f', 'ndjson'],
        SLOW,
      )
      expect(delivered.code).toBe(0)
      const picked = lines(delivered.stdout).map((line) => JSON.parse(line) as { provider: string; status: string })
      const expected = [...expectedOf('bsg').values()].filter((s) => s === 'delivered' || s === 'read').length
      expect(picked).toHaveLength(expected)
      expect(picked.every((r) => r.provider === 'bsg' && (r.status === 'delivered' || r.status === 'read'))).toBe(true)

      const open = await runBinary(['query', '--store', storeDir, '--open', '-f', 'csv'], SLOW)
      expect(open.code).toBe(0)
      expect(lines(open.stdout).length - 1).toBe(records.filter((r) => !r.final).length)

      const limited = await runBinary(['query', '--store', storeDir, '--limit', '7', '-f', 'ndjson'], SLOW)
      expect(limited.code).toBe(0)
      expect(lines(limited.stdout)).toHaveLength(7)
    },
    TEST_MS,
  )

  it(
    'report --store prints the funnel counted in SQL: the same numbers as the ground truth, no vendor called',
    async () => {
      const result = await runBinary(['report', '--store', storeDir, '-f', 'json'], SLOW)
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      const report = JSON.parse(result.stdout) as {
        overall: { total: number }
        providers: { provider: string; statuses: Record<string, number>; readReported: boolean }[]
      }
      for (const vendor of VENDORS) {
        const counts: Record<string, number> = {}
        for (const status of expectedOf(vendor).values()) counts[status] = (counts[status] ?? 0) + 1
        const funnel = report.providers.find((p) => p.provider === vendor)
        expect(funnel, vendor).toBeDefined()
        for (const [status, n] of Object.entries(funnel?.statuses ?? {}))
          expect(n, `${vendor} ${status}`).toBe(counts[status] ?? 0)
      }
      expect(report.providers.find((p) => p.provider === 'partner-gateway')?.readReported).toBe(false)

      const table = await runBinary(['report', '--store', storeDir, '--provider', 'spacivox', '-f', 'table'], SLOW)
      expect(table.code).toBe(0)
      expect(table.stdout).toContain('Delivery funnel')
      expect(table.stdout).toMatch(new RegExp(`^spacivox — ${expectedOf('spacivox').size} records`, 'm'))
    },
    TEST_MS,
  )

  it(
    'the default store is ./rcs-records-data, or RCS_STORE',
    async () => {
      const cwd = tempDir()
      const synced = await runBinary(
        ['sync', '-c', configPath, '-p', 'spacivox', '--from', from, '--to', to, '-f', 'ndjson'],
        { ...SLOW, cwd },
      )
      expect(synced.code).toBe(0)
      expect(existsSync(join(cwd, 'rcs-records-data'))).toBe(true)
      const queried = await runBinary(['query', '-f', 'ndjson'], { ...SLOW, cwd })
      expect(lines(queried.stdout)).toHaveLength(expectedOf('spacivox').size)
      const viaEnv = await runBinary(['query', '-f', 'ndjson', '--provider', 'bsg'], {
        ...SLOW,
        env: { RCS_STORE: storeDir },
      })
      expect(viaEnv.code).toBe(0)
      expect(lines(viaEnv.stdout)).toHaveLength(expectedOf('bsg').size)
    },
    TEST_MS,
  )
})

describe('rcs-records sync --follow', () => {
  // A simulator whose clock runs (BSG refuses a window that ends after its now, and --follow syncs up to now).
  let live: Simulator
  beforeAll(async () => {
    live = await startSimulator({ seed: 5, records: 150, windowMs: 86_400_000 })
  })
  afterAll(async () => {
    await live?.close()
  })

  it(
    'runs again every --interval, carrying on from the checkpoint; Ctrl-C between runs exits 0',
    async () => {
      const liveConfig = writeJson(dir, 'live.json', live.config)
      const liveFrom = ['bsg', 'spacivox'].map((v) => live.truth.window(v as Vendor).from).sort()[0] ?? ''
      const child = spawnBinary([
        'sync',
        '-c',
        liveConfig,
        '-p',
        'bsg,spacivox',
        '--store',
        join(dir, 'live-store'),
        '--from',
        liveFrom,
        '--follow',
        '--interval',
        '5s',
        '-f',
        'ndjson',
      ])
      child.stdin.end()
      let stdout = ''
      let stderr = ''
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk
      })
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
      // Two runs of two providers: then it is waiting for the third.
      await new Promise<void>((resolve) => {
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk
          if (lines(stdout).length >= 4) resolve()
        })
        child.on('close', () => resolve())
      })
      child.kill('SIGINT')
      expect(await closed, stderr).toBe(0)
      const summaries = summariesOf(stdout)
      expect(summaries.map((s) => s.provider)).toEqual(['bsg', 'spacivox', 'bsg', 'spacivox'])
      const [first, second] = [summaries.slice(0, 2), summaries.slice(2)]
      for (const summary of first) {
        expect(summary.listedFrom).toBe(liveFrom)
        expect(summary.applied.inserted).toBe(live.truth.count(summary.provider as Vendor, { from: liveFrom }))
      }
      for (const summary of second) {
        expect(summary.from).toBe(liveFrom)
        expect(Date.parse(summary.listedFrom)).toBeGreaterThan(Date.parse(liveFrom))
      }
    },
    TEST_MS,
  )
})

describe('store errors', () => {
  it(
    'a first sync without --from is a usage error that says what to do, and prints nothing',
    async () => {
      // The store holds partner-gateway's RCS records, but nothing was ever synced of its SMS channel.
      const result = await runBinary(
        ['sync', '-c', configPath, '-p', 'partner-gateway', '--channel', 'sms', '--store', storeDir],
        SLOW,
      )
      expect(result.code).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(
        /nothing of partner-gateway is in pglite:\S+ yet \(no checkpoint sync:partner-gateway:sms\): the first sync needs --from/,
      )
    },
    TEST_MS,
  )

  it('a store URL of an unknown scheme is a config error (exit 3), an empty one a usage error (exit 2)', async () => {
    const scheme = await runBinary(['query', '--store', 'mysql://db/rcs'])
    expect(scheme.code).toBe(3)
    expect(lines(scheme.stderr)).toHaveLength(1)
    expect(scheme.stderr).toMatch(/store/)
    expect(scheme.stderr).toContain('mysql://')
    const empty = await runBinary(['report', '--store', ''])
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain('--store needs a directory or a postgres:// URL')
  })

  it(
    'a PostgreSQL server that cannot be reached is a transport failure (exit 5) whose message hides the password',
    async () => {
      const result = await runBinary(['query', '--store', 'postgres://rcs:hunter2secret@127.0.0.1:1/rcs'], SLOW)
      expect(result.code).toBe(5)
      expect(result.stderr).not.toContain('hunter2secret')
      expect(result.stderr).toContain('127.0.0.1:1')
    },
    TEST_MS,
  )

  it('options that talk to a vendor do not apply to report --store; --final and --open exclude each other', async () => {
    const vendorOption = await runBinary(['report', '--store', storeDir, '--config', configPath])
    expect(vendorOption.code).toBe(2)
    expect(vendorOption.stderr).toContain('--config does not apply to report --store')
    const both = await runBinary(['query', '--store', storeDir, '--final', '--open'])
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('--final and --open exclude each other')
    const follow = await runBinary(['sync', '-c', configPath, '-p', 'bsg', '--follow', '--to', 'now'])
    expect(follow.code).toBe(2)
    expect(follow.stderr).toContain('--follow keeps up with now')
    expect(readdirSync(dir)).not.toContain('rcs-records-data')
  })

  it('help names the commands and documents the store', async () => {
    const help = await runBinary(['--help'])
    expect(help.stdout).toMatch(/^ {2}sync /m)
    expect(help.stdout).toMatch(/^ {2}query /m)
    expect(help.stdout).toContain('./rcs-records-data')
    for (const command of ['sync', 'query']) {
      const usage = await runBinary(['help', command])
      expect(usage.code).toBe(0)
      expect(usage.stdout).toContain(`Usage: rcs-records ${command}`)
    }
    expect((await runBinary(['report', '--help'])).stdout).toContain('rcs-records report --store')
  })
})

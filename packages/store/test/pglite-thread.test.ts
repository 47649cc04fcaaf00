import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { RcsError } from '@rcs-records/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPglite } from '../src/driver/pglite.js'
import { openStore, type RecordStore } from '../src/index.js'
import { POSTGRES_ONLY } from './helpers/databases.js'

const here = dirname(fileURLToPath(import.meta.url))

// PGlite runs on a thread of its own: the caller's event loop keeps turning while a statement runs.
describe.skipIf(POSTGRES_ONLY)('PGlite on its own thread', () => {
  let store: RecordStore
  beforeAll(async () => {
    store = await openStore('memory://')
  })
  afterAll(async () => {
    await store.close()
  })

  it("keeps the caller's event loop turning while a long statement runs", async () => {
    let ticks = 0
    const timer = setInterval(() => ticks++, 5)
    const started = performance.now()
    try {
      // Long enough (hundreds of ms even on a quiet machine) that a blocked event loop could not tick at all.
      const rows = await store.sql<{ n: string }>('SELECT count(*)::text AS n FROM generate_series(1, 4000000)')
      expect(rows).toEqual([{ n: '4000000' }])
    } finally {
      clearInterval(timer)
    }
    const elapsed = performance.now() - started
    // On the caller's thread the timer does not fire once during the statement (0 ticks in 3.2 s, measured); here it
    // fires all along — at least once per 50 ms on average even on a loaded machine.
    expect(elapsed).toBeGreaterThan(100)
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsed / 50))
  })

  it('runs transactions one at a time, commits what resolves and rolls back what throws', async () => {
    const driver = await openPglite(null)
    try {
      await driver.query('CREATE TABLE counter (n integer NOT NULL)')
      await driver.query('INSERT INTO counter VALUES (0)')
      // Read, wait, write: were two transactions interleaved, increments would be lost.
      const bump = () =>
        driver.transaction(async (tx) => {
          const [row] = await tx.query<{ n: number }>('SELECT n FROM counter')
          await new Promise((resolve) => setTimeout(resolve, 1))
          await tx.query('UPDATE counter SET n = $1', [(row?.n ?? 0) + 1])
        })
      await Promise.all(Array.from({ length: 20 }, bump))
      expect(await driver.query('SELECT n FROM counter')).toEqual([{ n: 20 }])
      const failure = await driver
        .transaction(async (tx) => {
          await tx.query('UPDATE counter SET n = 1000')
          throw new Error('changed my mind')
        })
        .catch((caught: unknown) => caught)
      expect(failure).toBeInstanceOf(RcsError)
      expect(await driver.query('SELECT n FROM counter')).toEqual([{ n: 20 }])
      // A statement error comes back as the store's RcsError with the SQLSTATE, and the thread keeps serving.
      const error = await driver.query('SELECT * FROM no_such_table').catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(RcsError)
      expect((error as RcsError).details).toMatchObject({ sqlState: '42P01' })
      expect(await driver.query('SELECT 2 AS two')).toEqual([{ two: 2 }])
    } finally {
      await driver.close()
    }
    // Closed: a request is refused, not left waiting.
    await expect(driver.query('SELECT 1')).rejects.toBeInstanceOf(RcsError)
  })
})

describe.skipIf(POSTGRES_ONLY)('a store never closed', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rcs-forgetful-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('does not keep its process alive', async () => {
    const child = spawn(process.execPath, [join(here, 'fixtures', 'forgetful-child.mjs')], {
      env: { ...process.env, STORE_URL: `pglite:${join(dir, 'data')}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
    })
    const killer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    const code = await new Promise<number | null>((resolve) => child.once('close', (exit) => resolve(exit)))
    clearTimeout(killer)
    expect(out.trim()).toBe('[{"n":1}]')
    expect(code).toBe(0)
  })
})

import { inspect } from 'node:util'
import { RcsError } from '@rcs-records/core'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { openStore } from '../src/index.js'
import { parseStoreUrl } from '../src/url.js'
import { createTestDatabase, POSTGRES_URL } from './helpers/databases.js'

/** Everything an error could show: message, stack, JSON, util.inspect. */
const everything = (error: unknown) =>
  [String(error), (error as Error).stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 })].join('\n')

describe('PostgreSQL URLs and failures', () => {
  it('reads every URL form', () => {
    expect(parseStoreUrl(undefined)).toEqual({ kind: 'memory' })
    expect(parseStoreUrl('memory://')).toEqual({ kind: 'memory' })
    expect(parseStoreUrl('pglite:./data')).toEqual({ kind: 'pglite', dataDir: './data' })
    expect(parseStoreUrl('pglite:///var/lib/rcs')).toEqual({ kind: 'pglite', dataDir: '/var/lib/rcs' })
    expect(parseStoreUrl('./rcs-records-data')).toEqual({ kind: 'pglite', dataDir: './rcs-records-data' })
    expect(parseStoreUrl('postgresql://app:pw-123456@db:5432/rcs')).toEqual({
      kind: 'postgres',
      url: 'postgresql://app:pw-123456@db:5432/rcs',
      display: 'postgresql://app:***@db:5432/rcs',
    })
    expect(() => parseStoreUrl('mysql://db/rcs')).toThrow(/unsupported store URL scheme/)
  })

  it('an unreachable server is a transport RcsError that never shows the password', async () => {
    const secret = 'hunter2-very-secret'
    const error = await openStore(`postgres://app:${secret}@127.0.0.1:1/rcs`, {
      pool: { connectionTimeoutMillis: 2_000 },
    }).catch((e: unknown) => e)
    expect(RcsError.is(error, 'transport')).toBe(true)
    expect((error as RcsError).retryable).toBe(true)
    expect((error as RcsError).message).toContain('postgres://app:***@127.0.0.1:1/rcs')
    expect(everything(error)).not.toContain(secret)
  })

  it.skipIf(POSTGRES_URL === undefined)(
    'a wrong password is an auth RcsError that shows neither password',
    async () => {
      const url = new URL(POSTGRES_URL as string)
      const real = url.password
      url.password = 'wrong-password-xyz'
      const error = await openStore(url.toString()).catch((e: unknown) => e)
      expect(RcsError.is(error, 'auth')).toBe(true)
      expect(everything(error)).not.toContain('wrong-password-xyz')
      expect(everything(error)).not.toContain(real)
    },
  )

  it.skipIf(POSTGRES_URL === undefined)('processes opening a new database at once migrate it once', async () => {
    const database = await createTestDatabase()
    try {
      const stores = await Promise.all(Array.from({ length: 6 }, () => openStore(database.url)))
      await Promise.all(stores.map((store) => store.close()))
      const client = new pg.Client({ connectionString: database.url })
      await client.connect()
      try {
        const { rows } = await client.query('SELECT version FROM rcs_schema_migrations ORDER BY version')
        expect(rows).toEqual([{ version: 1 }, { version: 2 }])
      } finally {
        await client.end()
      }
    } finally {
      await database.drop()
    }
  })
})

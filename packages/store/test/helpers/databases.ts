import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openStore, type RecordStore, type StoreOptions } from '../../src/index.js'

/**
 * The PostgreSQL server tests run against, when there is one (`.ci/run` and `scripts/with-postgres.sh` set it);
 * without it, the PostgreSQL halves of the suite are skipped and everything runs on PGlite.
 */
export const POSTGRES_URL = process.env.RCS_RECORDS_TEST_POSTGRES_URL

/**
 * Set (`RCS_RECORDS_TEST_POSTGRES_ONLY=1`, as `.ci/run` does after the whole suite already ran on PGlite) to run only
 * the PostgreSQL halves.
 */
export const POSTGRES_ONLY = POSTGRES_URL !== undefined && process.env.RCS_RECORDS_TEST_POSTGRES_ONLY === '1'

/** The engines a test suite runs on: PGlite in memory (unless POSTGRES_ONLY), PostgreSQL when a server is given. */
export const ENGINES: readonly ('pglite' | 'postgres')[] =
  POSTGRES_URL === undefined ? ['pglite'] : POSTGRES_ONLY ? ['postgres'] : ['pglite', 'postgres']

const databaseUrl = (name: string): string => {
  const url = new URL(POSTGRES_URL as string)
  url.pathname = `/${name}`
  return url.toString()
}

/** A new, empty database on the test server; `drop` removes it. */
export const createTestDatabase = async (): Promise<{ url: string; drop: () => Promise<void> }> => {
  if (POSTGRES_URL === undefined) throw new Error('no RCS_RECORDS_TEST_POSTGRES_URL')
  const name = `rcs_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  return {
    url: databaseUrl(name),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL })
      await client.connect()
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
  }
}

/** A store on a fresh database of the engine: PGlite in memory, or a new database on the PostgreSQL server. */
export const openTestStore = async (
  engine: 'pglite' | 'postgres',
  options?: StoreOptions,
): Promise<RecordStore & { dispose: () => Promise<void> }> => {
  if (engine === 'pglite') {
    const store = await openStore(undefined, options)
    return Object.assign(store, { dispose: () => store.close() })
  }
  const database = await createTestDatabase()
  const store = await openStore(database.url, options)
  return Object.assign(store, {
    dispose: async () => {
      await store.close()
      await database.drop()
    },
  })
}

/** A provider name no other test uses, so tests can share one store. */
let counter = 0
export const uniqueProvider = (label: string): string => `${label}-${process.pid}-${++counter}`

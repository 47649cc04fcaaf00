import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { storeError } from '../errors.js'
import { lockDirectory } from './dir-lock.js'
import type { Driver, Queryable } from './driver.js'

const wrap = (db: Pick<PGlite, 'query'>): Queryable => ({
  query: async <Row>(sql: string, params?: readonly unknown[]) =>
    (await db.query<Row>(sql, params === undefined ? undefined : [...params])).rows,
})

/**
 * Opens PGlite (PostgreSQL compiled to WebAssembly, in this process): in memory when `dataDir` is null, otherwise on
 * disk in that directory (created if missing), locked for this process while open (see `lockDirectory`). Durability:
 * PGlite writes its WAL and data files through to the file system on every commit (`relaxedDurability` off), so a
 * killed process loses no committed transaction; PGlite runs with `fsync` off, so an operating-system crash or a
 * power cut may.
 */
export const openPglite = async (dataDir: string | null): Promise<Driver> => {
  const where = dataDir === null ? 'memory://' : `pglite:${dataDir}`
  let release = () => {}
  let db: PGlite
  try {
    if (dataDir !== null) {
      const absolute = resolve(dataDir)
      mkdirSync(absolute, { recursive: true })
      release = lockDirectory(absolute)
      db = await PGlite.create({ dataDir: `file://${absolute}`, relaxedDurability: false })
    } else {
      db = await PGlite.create({ relaxedDurability: false })
    }
  } catch (error) {
    release()
    throw storeError(error, where, 'open')
  }
  const queryable = wrap(db)
  let closed = false
  return {
    engine: 'pglite',
    query: async (sql, params) => {
      try {
        return await queryable.query(sql, params)
      } catch (error) {
        throw storeError(error, where, 'query')
      }
    },
    transaction: async (work) => {
      try {
        return await db.transaction((tx) => work(wrap(tx)))
      } catch (error) {
        throw storeError(error, where, 'transaction')
      }
    },
    close: async () => {
      if (closed) return
      closed = true
      try {
        await db.close()
      } finally {
        release()
      }
    },
  }
}

import pg from 'pg'
import { storeError } from '../errors.js'
import type { Driver, Queryable } from './driver.js'

/**
 * Options of a PostgreSQL store's connection pool.
 *
 * @example
 * import type { PoolOptions } from '@rcs-records/store'
 * const pool: PoolOptions = { max: 10, connectionTimeoutMillis: 5_000 }
 */
export interface PoolOptions {
  /** Most connections open at once (default 10). */
  max?: number
  /** How long to wait for a connection before failing with `transport` (default 10,000 ms). */
  connectionTimeoutMillis?: number
  /** How long an idle connection stays open (default 10,000 ms). */
  idleTimeoutMillis?: number
  /** `application_name` shown in `pg_stat_activity` (default `rcs-records`). */
  applicationName?: string
}

const wrap = (client: pg.ClientBase): Queryable => ({
  query: async <Row>(sql: string, params?: readonly unknown[]) =>
    (await client.query(sql, params === undefined ? undefined : [...params])).rows as Row[],
})

/**
 * Opens a pool of connections to a PostgreSQL server (node-postgres). Nothing connects until the first query; pool
 * errors of idle connections are swallowed (the next query reports the failure as a `transport` RcsError).
 * Messages name the server by `display`, the URL without its password.
 */
export const openPostgres = (url: string, display: string, options: PoolOptions = {}): Driver => {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
    idleTimeoutMillis: options.idleTimeoutMillis ?? 10_000,
    application_name: options.applicationName ?? 'rcs-records',
  })
  // An idle client losing its connection emits 'error' on the pool; unhandled, it would crash the process.
  pool.on('error', () => {})
  const connect = async (): Promise<pg.PoolClient> => {
    try {
      return await pool.connect()
    } catch (error) {
      throw storeError(error, display, 'connect')
    }
  }
  return {
    engine: 'postgres',
    query: async (sql, params) => {
      try {
        return (await pool.query(sql, params === undefined ? undefined : [...params])).rows
      } catch (error) {
        throw storeError(error, display, 'query')
      }
    },
    transaction: async (work) => {
      const client = await connect()
      let broken = false
      try {
        await client.query('BEGIN')
        const result = await work(wrap(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        try {
          await client.query('ROLLBACK')
        } catch {
          broken = true
        }
        throw storeError(error, display, 'transaction')
      } finally {
        client.release(broken)
      }
    },
    close: async () => {
      await pool.end()
    },
  }
}

/**
 * What the store needs from a database connection: parameterised SQL (`$1`, `$2`, … on both PGlite and
 * node-postgres) and transactions. One implementation per engine; the SQL is the same.
 *
 * @example
 * import type { Queryable } from './driver.js'
 * const count = async (db: Queryable) => (await db.query<{ n: string }>('SELECT count(*)::text AS n FROM t'))[0]?.n
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>
}

/**
 * A database the store runs on: an embedded PGlite or a pool of PostgreSQL connections.
 *
 * @example
 * import type { Driver } from './driver.js'
 * const ping = (driver: Driver) => driver.query('SELECT 1')
 */
export interface Driver extends Queryable {
  readonly engine: 'pglite' | 'postgres'
  /** Runs `work` in one transaction (READ COMMITTED): committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

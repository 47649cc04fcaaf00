/**
 * What the store needs from a database connection: parameterised SQL (`$1`, `$2`, … on both PGlite and
 * node-postgres) and transactions. One implementation per engine; the SQL is the same.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>
}

/**
 * A database the store runs on: an embedded PGlite or a pool of PostgreSQL connections.
 */
export interface Driver extends Queryable {
  readonly engine: 'pglite' | 'postgres'
  /** Runs `work` in one transaction (READ COMMITTED): committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

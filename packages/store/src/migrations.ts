import { RcsError } from '@rcs-records/core'
import type { Driver, Queryable } from './driver/driver.js'
import { WEBHOOK_MIGRATION } from './migration-webhooks.js'

/**
 * Advisory-lock keys of the store (the two-key form, whose key space does not overlap the one-key form others use):
 * `(LOCK_NAMESPACE, MIGRATION_LOCK)` serialises schema migrations across processes; `(LOCK_NAMESPACE,
 * CHANGE_LOG_LOCK)` makes change-log appends single-file, so change numbers follow commit order (see `apply.ts`).
 */
export const LOCK_NAMESPACE = 0x52435352 // 'RCSR'
export const MIGRATION_LOCK = 1
export const CHANGE_LOG_LOCK = 2

/** The record columns, shared by the state table and the change log. */
const recordColumns = `
  provider text NOT NULL,
  id text NOT NULL,
  reference text,
  channel text NOT NULL,
  recipient text,
  sender text,
  campaign text,
  status text NOT NULL
    CHECK (status IN ('pending','sent','delivered','read','rejected','undeliverable','expired','canceled','unknown')),
  final boolean NOT NULL,
  reason_code text,
  reason_permanent boolean,
  reason_vendor_code text,
  reason_message text,
  vendor_status text NOT NULL,
  vendor_status_number boolean NOT NULL,
  vendor_description text,
  created_at timestamptz,
  sent_at timestamptz,
  delivered_at timestamptz,
  read_at timestamptz,
  updated_at timestamptz,
  cost_amount numeric,
  cost_amount_text text,
  cost_currency text,
  fallback_channel text,
  fallback_ids text[],
  fallback_parts double precision,
  extra jsonb,
  extra_text text,
  raw jsonb,
  raw_text text`

/**
 * One schema version: its statements run in one transaction, in order. Never edit a released migration; add one.
 */
export interface Migration {
  version: number
  name: string
  statements: readonly string[]
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records, change log, checkpoints',
    statements: [
      // Epoch milliseconds ↔ timestamptz, exact over the whole range of canonical timestamps (years 0000–9999):
      // whole seconds through to_timestamp (exact in a double), the milliseconds as an interval.
      `CREATE FUNCTION rcs_ms_to_ts(ms bigint) RETURNS timestamptz LANGUAGE sql STABLE STRICT PARALLEL SAFE AS
        $$ SELECT to_timestamp(div(ms, 1000)::double precision) + mod(ms, 1000) * interval '1 millisecond' $$`,
      `CREATE FUNCTION rcs_ts_to_ms(ts timestamptz) RETURNS double precision LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
        $$ SELECT floor(extract(epoch FROM ts) * 1000)::double precision $$`,
      `CREATE TABLE rcs_records (${recordColumns},
        -- The record's place in time for windows and ordering: createdAt, or for a record without one (spacivox
        -- reports only the instant of the current state) its sentAt, else its updatedAt.
        record_at timestamptz GENERATED ALWAYS AS (coalesce(created_at, sent_at, updated_at)) STORED,
        stored_at timestamptz NOT NULL DEFAULT now(),
        changed_at timestamptz NOT NULL DEFAULT now(),
        source text,
        PRIMARY KEY (provider, id))`,
      'CREATE INDEX rcs_records_time ON rcs_records (record_at, provider, id)',
      'CREATE INDEX rcs_records_provider_time ON rcs_records (provider, record_at, id)',
      'CREATE INDEX rcs_records_status_time ON rcs_records (status, record_at)',
      'CREATE INDEX rcs_records_campaign_time ON rcs_records (campaign, record_at) WHERE campaign IS NOT NULL',
      'CREATE INDEX rcs_records_open ON rcs_records (provider, record_at) WHERE NOT final',
      'CREATE INDEX rcs_records_timeless ON rcs_records (provider, id) WHERE record_at IS NULL',
      'CREATE SEQUENCE rcs_changes_seq AS bigint',
      `CREATE TABLE rcs_changes (
        seq bigint PRIMARY KEY,
        committed_at timestamptz NOT NULL DEFAULT now(),
        source text,${recordColumns})`,
      `CREATE TABLE rcs_checkpoints (
        key text PRIMARY KEY,
        value text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now())`,
    ],
  },
  WEBHOOK_MIGRATION,
]

/** The newest schema version this library knows. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version))

const applied = async (tx: Queryable): Promise<Set<number>> =>
  new Set(
    (await tx.query<{ version: number }>('SELECT version FROM rcs_schema_migrations')).map((r) => Number(r.version)),
  )

/**
 * Brings the schema to {@link SCHEMA_VERSION}: in one transaction that first takes the migration advisory lock, so
 * two processes opening the same database at once migrate it once (the second waits, then finds nothing to do).
 * A database migrated by a newer version of the library is refused (`config`), never downgraded.
 */
export const migrate = async (driver: Driver): Promise<number[]> =>
  driver.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK])
    await tx.query(`CREATE TABLE IF NOT EXISTS rcs_schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`)
    const done = await applied(tx)
    const newest = Math.max(0, ...done)
    if (newest > SCHEMA_VERSION) {
      throw new RcsError({
        kind: 'config',
        message: `store: the database schema is version ${newest}, newer than this @rcs-records/store knows (${SCHEMA_VERSION}); upgrade the package`,
      })
    }
    const ran: number[] = []
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue
      for (const statement of migration.statements) await tx.query(statement)
      await tx.query('INSERT INTO rcs_schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ])
      ran.push(migration.version)
    }
    return ran
  })

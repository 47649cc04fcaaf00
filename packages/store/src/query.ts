import { type Channel, ChannelCodec, DELIVERY_STATUSES, type DeliveryStatus, type RcsRecord } from '@rcs-records/core'
import { badRequest, toEpochMs } from '@rcs-records/core/kit'
import type { Queryable } from './driver/driver.js'
import { decodeRow, SELECT_COLUMNS } from './row.js'

/**
 * Which stored records to read. Every filter is optional; they combine with AND. `from`/`to` are the half-open
 * range `[from, to)` of the record's creation time, as in a listing: its `createdAt` — or, for a record without
 * one, its `sentAt`, else its `updatedAt` (spacivox reports no creation time, only the instant of the current
 * state, which is what its listings filter on). A record with none of the three is outside every range.
 *
 * @example
 * import type { StoreQuery } from '@rcs-records/store'
 * const failedToday: StoreQuery = { status: ['rejected', 'undeliverable', 'expired'], from: '2026-01-02', to: '2026-01-03' }
 */
export interface StoreQuery {
  provider?: string | readonly string[]
  status?: DeliveryStatus | readonly DeliveryStatus[]
  final?: boolean
  campaign?: string
  channel?: Channel
  from?: Date | string
  to?: Date | string
}

/**
 * One row of {@link RecordStore.funnel}: the records of one provider (and campaign, unless grouped by provider
 * only), counted per canonical status in SQL.
 *
 * @example
 * import type { FunnelRow } from '@rcs-records/store'
 * const deliveredShare = (row: FunnelRow) => (row.statuses.delivered + row.statuses.read) / row.total
 */
export interface FunnelRow {
  provider: string
  /** The campaign, or null for records without one — and on every row when grouped by provider only. */
  campaign: string | null
  total: number
  statuses: Record<DeliveryStatus, number>
  /** The earliest and latest creation time (see {@link StoreQuery}) of the row's records, or null when none has one. */
  firstAt: string | null
  lastAt: string | null
}

/**
 * How {@link RecordStore.funnel} groups: per provider and campaign (default), or per provider only.
 *
 * @example
 * import type { FunnelOptions } from '@rcs-records/store'
 * const perProvider: FunnelOptions = { groupBy: 'provider' }
 */
export interface FunnelOptions {
  groupBy?: 'campaign' | 'provider'
}

/**
 * A record's place in time for `from`/`to` and for ordering: `createdAt`, else `sentAt`, else `updatedAt` (the
 * `record_at` column computes the same).
 */
export const recordTime = (record: RcsRecord): string | null => record.createdAt ?? record.sentAt ?? record.updatedAt

const instant = (value: Date | string | undefined, name: string): number | null => {
  if (value === undefined) return null
  const ms = toEpochMs(value)
  if (ms === null) throw badRequest(`store: query: \`${name}\` must be a Date or an ISO-8601 timestamp`)
  return ms
}

const list = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as readonly T[]) : [value as T]

/** A WHERE clause and its parameters, from `$1` on. */
export interface Where {
  sql: string
  params: unknown[]
}

/**
 * Checks a query (unknown statuses or channels, dates that are not dates, `from` not before `to` are
 * `bad_request`, one message naming the field) and builds its WHERE clause on `rcs_records t`.
 */
export const whereOf = (query: StoreQuery = {}): Where => {
  if (query === null || typeof query !== 'object') throw badRequest('store: query: the query must be an object')
  const parts: string[] = []
  const params: unknown[] = []
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value)
    parts.push(sql(`$${params.length}`))
  }
  const providers = list(query.provider)
  if (providers !== undefined) {
    if (providers.some((p) => typeof p !== 'string'))
      throw badRequest('store: query: `provider` must be a string or strings')
    if (providers.length === 1) add((n) => `t.provider = ${n}::text`, providers[0])
    else add((n) => `t.provider = ANY(${n}::text[])`, [...providers])
  }
  const statuses = list(query.status)
  if (statuses !== undefined) {
    const unknown = statuses.filter((s) => !DELIVERY_STATUSES.includes(s))
    if (unknown.length > 0) {
      throw badRequest(
        `store: query: unknown \`status\` ${JSON.stringify(unknown[0])}; one of ${DELIVERY_STATUSES.join(', ')}`,
      )
    }
    add((n) => `t.status = ANY(${n}::text[])`, [...statuses])
  }
  if (query.final !== undefined) {
    if (typeof query.final !== 'boolean') throw badRequest('store: query: `final` must be true or false')
    add((n) => `t.final = ${n}::boolean`, query.final)
  }
  if (query.campaign !== undefined) {
    if (typeof query.campaign !== 'string') throw badRequest('store: query: `campaign` must be a string')
    add((n) => `t.campaign = ${n}::text`, query.campaign)
  }
  if (query.channel !== undefined) {
    if (!ChannelCodec.is(query.channel))
      throw badRequest(`store: query: unknown \`channel\` ${JSON.stringify(query.channel)}`)
    add((n) => `t.channel = ${n}::text`, query.channel)
  }
  const from = instant(query.from, 'from')
  const to = instant(query.to, 'to')
  if (from !== null && to !== null && !(from < to)) {
    throw badRequest(
      `store: query: \`from\` (${new Date(from).toISOString()}) must be before \`to\` (${new Date(to).toISOString()})`,
    )
  }
  if (from !== null) add((n) => `t.record_at >= rcs_ms_to_ts(${n}::bigint)`, from)
  if (to !== null) add((n) => `t.record_at < rcs_ms_to_ts(${n}::bigint)`, to)
  return { sql: parts.length === 0 ? 'TRUE' : parts.join(' AND '), params }
}

/** Rows per page of a streamed query: memory stays bounded by one page whatever the result's size. */
export const QUERY_PAGE_SIZE = 500

/**
 * Streams the records a query matches, oldest first by creation time (see {@link StoreQuery}; then provider, id;
 * records without any time last), one page at a time by keyset pagination: each page continues after the last row of the previous one, in
 * its own short statement. Memory is one page; no transaction or connection is held between pages, so a consumer
 * that applies records while it reads (or is slow) blocks nobody. A record changed while the stream runs is seen
 * once (its key decides its place), in whichever state its page read.
 */
export async function* streamQuery(
  db: Queryable,
  query: StoreQuery = {},
  pageSize = QUERY_PAGE_SIZE,
): AsyncGenerator<RcsRecord> {
  const where = whereOf(query)
  const n = where.params.length
  // Two statements per phase, the first page without a keyset condition, so each plan walks an index in order.
  const dated = (after: boolean) => `SELECT ${SELECT_COLUMNS}, rcs_ts_to_ms(t.record_at) AS record_ms
    FROM rcs_records t
    WHERE ${where.sql} AND t.record_at IS NOT NULL${
      after
        ? ` AND (t.record_at, t.provider, t.id) > (rcs_ms_to_ts($${n + 1}::bigint), $${n + 2}::text, $${n + 3}::text)`
        : ''
    }
    ORDER BY t.record_at, t.provider, t.id LIMIT ${pageSize}`
  let after: unknown[] | null = null
  for (;;) {
    const rows = await db.query<Record<string, unknown>>(dated(after !== null), [...where.params, ...(after ?? [])])
    for (const row of rows) yield decodeRow(row)
    if (rows.length < pageSize) break
    const last = rows[rows.length - 1] as Record<string, unknown>
    after = [last.record_ms, last.provider, last.id]
  }
  if (query.from !== undefined || query.to !== undefined) return
  const undated = (after: boolean) => `SELECT ${SELECT_COLUMNS} FROM rcs_records t
    WHERE ${where.sql} AND t.record_at IS NULL${after ? ` AND (t.provider, t.id) > ($${n + 1}::text, $${n + 2}::text)` : ''}
    ORDER BY t.provider, t.id LIMIT ${pageSize}`
  let key: unknown[] | null = null
  for (;;) {
    const rows = await db.query<Record<string, unknown>>(undated(key !== null), [...where.params, ...(key ?? [])])
    for (const row of rows) yield decodeRow(row)
    if (rows.length < pageSize) break
    const last = rows[rows.length - 1] as Record<string, unknown>
    key = [last.provider, last.id]
  }
}

/**
 * The number of records a query matches (`SELECT count(*)`).
 */
export const countQuery = async (db: Queryable, query: StoreQuery = {}): Promise<number> => {
  const where = whereOf(query)
  const rows = await db.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM rcs_records t WHERE ${where.sql}`,
    where.params,
  )
  return Number(rows[0]?.n ?? 0)
}

const emptyStatuses = (): Record<DeliveryStatus, number> =>
  Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, 0])) as Record<DeliveryStatus, number>

/**
 * Counts per provider (and campaign) and canonical status, aggregated in SQL (`GROUP BY`), so a funnel over
 * millions of records moves a few rows. Rows come ordered by provider, then campaign (null last).
 */
export const funnelQuery = async (
  db: Queryable,
  query: StoreQuery = {},
  options: FunnelOptions = {},
): Promise<FunnelRow[]> => {
  const where = whereOf(query)
  const byCampaign = (options.groupBy ?? 'campaign') === 'campaign'
  const campaign = byCampaign ? 't.campaign' : 'NULL::text'
  const rows = await db.query<{
    provider: string
    campaign: string | null
    status: string
    n: string
    first_ms: number | null
    last_ms: number | null
  }>(
    `SELECT t.provider, ${campaign} AS campaign, t.status, count(*)::text AS n,
       rcs_ts_to_ms(min(t.record_at)) AS first_ms, rcs_ts_to_ms(max(t.record_at)) AS last_ms
     FROM rcs_records t WHERE ${where.sql} GROUP BY 1, 2, 3 ORDER BY 1, 2 NULLS LAST, 3`,
    where.params,
  )
  const out: FunnelRow[] = []
  let current: FunnelRow | undefined
  let first: number | null = null
  let last: number | null = null
  const close = () => {
    if (current === undefined) return
    current.firstAt = first === null ? null : new Date(first).toISOString()
    current.lastAt = last === null ? null : new Date(last).toISOString()
  }
  for (const row of rows) {
    if (current === undefined || current.provider !== row.provider || current.campaign !== row.campaign) {
      close()
      current = {
        provider: row.provider,
        campaign: row.campaign,
        total: 0,
        statuses: emptyStatuses(),
        firstAt: null,
        lastAt: null,
      }
      first = null
      last = null
      out.push(current)
    }
    const n = Number(row.n)
    current.statuses[row.status as DeliveryStatus] += n
    current.total += n
    if (row.first_ms !== null) first = first === null ? Number(row.first_ms) : Math.min(first, Number(row.first_ms))
    if (row.last_ms !== null) last = last === null ? Number(row.last_ms) : Math.max(last, Number(row.last_ms))
  }
  close()
  return out
}

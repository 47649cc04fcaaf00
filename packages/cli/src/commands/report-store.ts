import { BUILT_IN_PROVIDERS } from '@rcs-records/core'
import type { RecordStore, StoreQuery } from '@rcs-records/store'
import type { StoreFilters } from '../args/command.js'
import { listingReportsRead } from '../config/open-client.js'
import type { ExitCode } from '../exit-codes.js'
import { EXIT } from '../exit-codes.js'
import { FunnelAccumulator, type FunnelReport } from '../report/funnel.js'
import { formatCount } from '../report/numbers.js'
import { funnelReportLines } from './report.js'
import type { Session } from './session.js'
import { openCommandStore } from './store-target.js'

/**
 * The filters of `query` / `report --store` as the store's `StoreQuery`.
 */
export const storeQueryOf = (filters: StoreFilters): StoreQuery => {
  const { provider, status, final, channel, campaign, from, to } = filters
  return {
    ...(provider === undefined ? {} : { provider }),
    ...(status === undefined ? {} : { status }),
    ...(final === undefined ? {} : { final }),
    ...(channel === undefined ? {} : { channel }),
    ...(campaign === undefined ? {} : { campaign }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  }
}

/**
 * The providers whose listing cannot report `read` and of which the store holds no read record: their read stage is
 * "n/a (webhooks only)" rather than a real-looking 0 (partner-gateway, until its webhooks feed the store). Only the
 * built-in providers are asked: a provider name read from a database is never imported.
 */
const unreadableIn = async (report: FunnelReport): Promise<Set<string>> => {
  const unreadable = new Set<string>()
  for (const funnel of report.providers) {
    const provider = funnel.provider as string
    if (!Object.hasOwn(BUILT_IN_PROVIDERS, provider) || funnel.statuses.read > 0) continue
    if (!(await listingReportsRead(provider))) unreadable.add(provider)
  }
  return unreadable
}

/**
 * The delivery funnel of the records kept in a store, counted in SQL (`store.funnel`: a few rows per provider,
 * campaign and status, whatever the number of records), as the report `rcs-records report` draws. The window shown
 * is `options.window`, else `from`/`to` when given, else the span of the records' creation times. Also returns the providers whose read
 * stage is not reported (see `Funnel.readReported`).
 */
export const storeFunnelReport = async (
  store: RecordStore,
  filters: StoreFilters,
  options: { top: number; now: number; window?: { from: string; to: string } },
): Promise<{ report: FunnelReport; unreadable: Set<string> }> => {
  const rows = await store.funnel(storeQueryOf(filters))
  const funnel = new FunnelAccumulator()
  let first: string | null = null
  let last: string | null = null
  for (const row of rows) {
    funnel.addCounts(row.provider, row.campaign, row.statuses)
    if (row.firstAt !== null && (first === null || row.firstAt < first)) first = row.firstAt
    if (row.lastAt !== null && (last === null || row.lastAt > last)) last = row.lastAt
  }
  const nowIso = new Date(options.now).toISOString()
  const window = options.window ?? { from: filters.from ?? first ?? nowIso, to: filters.to ?? last ?? nowIso }
  const draft = funnel.report({ ...window, top: options.top })
  const unreadable = await unreadableIn(draft)
  return { report: funnel.report({ ...window, top: options.top, unreadable }), unreadable }
}

/**
 * `rcs-records report --store DIR|URL [filters]`: the delivery funnel of the records kept in a store, aggregated in
 * SQL — no vendor is called. Same formats as `report`.
 */
export const runStoreReport = async (
  session: Session,
  location: string,
  filters: StoreFilters,
  top: number,
): Promise<ExitCode> => {
  const store = await openCommandStore(session, location)
  try {
    const { report } = await storeFunnelReport(store, filters, { top, now: session.io.now() })
    const { sink, format, palette } = session.openOutput()
    sink.writeLines(funnelReportLines(report, format, session.width, palette))
    session.noteWritten(`the funnel of ${formatCount(report.overall.total)} records from ${store.location}`)
  } finally {
    await store.close()
  }
  return EXIT.ok
}

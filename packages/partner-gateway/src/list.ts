import {
  type Clock,
  type DeliveryStatus,
  DeliveryStatusCodec,
  formatIsoSeconds,
  type ListQuery,
  type Logger,
  RcsError,
  type RcsRecord,
  RecentIds,
  reportInvalidRecord,
  toEpochMs,
} from '@rcs-records/core'
import type { PartnerApi } from './api.js'
import { resolveChannel } from './channel.js'
import type { Config, PartnerChannel } from './codec.js'
import { nativeStatusesOf, wireChannel } from './mapping.js'
import { PROVIDER } from './normalize.js'
import type { Normalizer } from './normalizers.js'
import { pageItems } from './page.js'

/**
 * What `list` needs from the adapter.
 *
 * @example
 * import type { ListDeps } from './list.js'
 * const deps: ListDeps = { api, config, clock, logger, normalizerFor }
 */
export interface ListDeps {
  api: PartnerApi
  config: Pick<Config, 'channel' | 'pageSize' | 'maxPages'>
  clock: Clock
  logger: Logger
  normalizerFor: (channel: PartnerChannel) => Normalizer
}

/**
 * Full pages in a row that bring no record not already seen before `list` decides the vendor ignores `page` and
 * stops with an error (one such page can happen when many records are inserted while paging; three cannot).
 *
 * @example
 * import { STALE_PAGE_LIMIT } from '@rcs-records/partner-gateway'
 * STALE_PAGE_LIMIT // 3
 */
export const STALE_PAGE_LIMIT = 3

/** Largest history page size the adapter asks for (the vendor documents no maximum). */
const MAX_PAGE_SIZE = 1000

/**
 * The checked plan of a listing: what is asked of the vendor and what is filtered client-side.
 *
 * @example
 * import type { ListPlan } from '@rcs-records/partner-gateway'
 * const nothingToAsk = (plan: ListPlan) => plan.skip !== null
 */
export interface ListPlan {
  channel: PartnerChannel
  /** `[from, to)` in epoch ms. */
  from: number
  to: number
  /** The vendor's inclusive `from`/`to`, to the second, covering `[from, to)`; records outside are dropped. */
  query: { channel: string; from: string; to: string; status?: string }
  limit: number
  /** The canonical statuses wanted, or null for all. Always applied client-side too. */
  statuses: ReadonlySet<DeliveryStatus> | null
  /** Why no request is needed (the answer is empty), or null. */
  skip: string | null
}

const badRequest = (message: string) =>
  new RcsError({ kind: 'bad_request', provider: PROVIDER, message: `${PROVIDER}: ${message}` })

const statusesOf = (status: ListQuery['status']): Set<DeliveryStatus> | null => {
  if (status === undefined) return null
  const list: unknown[] = Array.isArray(status) ? status : [status]
  const bad = list.find((value) => !DeliveryStatusCodec.is(value))
  if (bad !== undefined) {
    throw badRequest(
      `status must be a canonical status or an array of them (got ${JSON.stringify(String(bad).slice(0, 40))})`,
    )
  }
  return new Set(list as DeliveryStatus[])
}

/**
 * The vendor-side `status` filter: a native value when the wanted statuses come from exactly one (`delivered` →
 * DELIVERED, `undeliverable` → ERROR, `expired` → EXPIRED); otherwise none (`sent` is SENT or RECEIVED, several
 * statuses are several values, `unknown` is UNKNOWN and any value not documented) and the filter is client-side
 * only. `natives` is empty when no history status can match (`pending`, `rejected`, `canceled`).
 *
 * @example
 * import { vendorStatusFilter } from '@rcs-records/partner-gateway'
 * vendorStatusFilter(new Set(['expired'])) // { status: 'EXPIRED', natives: 1 }
 * vendorStatusFilter(new Set(['sent'])) // { status: undefined, natives: 2 }
 */
export const vendorStatusFilter = (
  statuses: ReadonlySet<DeliveryStatus>,
): { status: string | undefined; natives: number } => {
  if (statuses.has('unknown')) return { status: undefined, natives: Number.POSITIVE_INFINITY }
  const natives = [...statuses].flatMap(nativeStatusesOf)
  return { status: natives.length === 1 ? natives[0] : undefined, natives: natives.length }
}

/**
 * Checks a query and plans it — before any request, so a bad query fails fast: unusable `from`/`to` and an unknown
 * channel or status are `bad_request`, `modifiedSince` is `unsupported`. `to` defaults to now.
 *
 * @example
 * import { planList } from '@rcs-records/partner-gateway'
 * const plan = planList({ from: '2025-01-01T00:00:00Z', status: 'delivered' }, config, Date.now())
 * plan.query.status // 'DELIVERED'
 */
export const planList = (query: ListQuery, config: ListDeps['config'], now: number): ListPlan => {
  const from = toEpochMs(query.from)
  if (from === null) throw badRequest('`from` must be a Date or an ISO-8601 timestamp')
  const to = query.to === undefined ? now : toEpochMs(query.to)
  if (to === null) throw badRequest('`to` must be a Date or an ISO-8601 timestamp')
  if (query.modifiedSince !== undefined) {
    throw new RcsError({
      kind: 'unsupported',
      provider: PROVIDER,
      message: `${PROVIDER}: modifiedSince is not supported; the history endpoint filters by send date only (use from/to)`,
    })
  }
  const channel = resolveChannel(query.channel, config.channel)
  if (channel._tag === 'Left') throw channel.left
  const pageSize = query.pageSize
  if (pageSize !== undefined && !(typeof pageSize === 'number' && Number.isFinite(pageSize))) {
    throw badRequest('`pageSize` must be a number (clamped to 1–1000)')
  }
  const statuses = statusesOf(query.status)
  const filter =
    statuses === null ? { status: undefined, natives: Number.POSITIVE_INFINITY } : vendorStatusFilter(statuses)
  let skip: string | null = null
  if (from >= to) skip = '`from` is not before `to`'
  else if (filter.natives === 0) skip = 'no history status maps to the requested statuses'
  else if (query.campaign !== undefined) skip = 'partner-gateway records have no campaign'
  else if (query.reference !== undefined) skip = 'partner-gateway records have no reference apart from their id'
  const planned: ListPlan = {
    channel: channel.right,
    from,
    to,
    query: {
      channel: wireChannel(channel.right),
      from: formatIsoSeconds(Math.floor(from / 1000) * 1000),
      to: formatIsoSeconds(Math.ceil(to / 1000) * 1000),
    },
    limit: pageSize === undefined ? config.pageSize : Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(pageSize))),
    statuses,
    skip,
  }
  if (filter.status !== undefined) planned.query.status = filter.status
  return planned
}

const inWindow = (record: RcsRecord, plan: ListPlan): boolean => {
  if (record.createdAt === null) return true
  const at = Date.parse(record.createdAt)
  return at >= plan.from && at < plan.to
}

const matches = (record: RcsRecord, plan: ListPlan): boolean =>
  (plan.statuses === null || plan.statuses.has(record.status)) &&
  record.channel === plan.channel &&
  inWindow(record, plan)

/**
 * Every record sent in `[from, to)` on one channel (`query.channel`, default the config's): the history endpoint,
 * 0-based pages of `pageSize` until a short page; dates sent as ISO-8601 UTC (`Z`) to the second, widened to cover
 * the window, and records outside it dropped; a vendor-side `status` filter when exactly one native status
 * matches, every status filter applied client-side as well; de-duplicated across pages in bounded memory. Stops with
 * a `provider` error after `maxPages` full pages, or after {@link STALE_PAGE_LIMIT} full pages in a row with nothing
 * new (a vendor ignoring `page`). A record that fails to decode is skipped and reported (`onInvalid`, or a logger
 * warning), or thrown with `strict`. Throws {@link RcsError}.
 *
 * @example
 * import { listHistory } from './list.js'
 * for await (const record of listHistory(deps, { from: '2025-01-01T00:00:00Z', status: 'undeliverable' })) {
 *   console.log(record.id, record.reason?.code)
 * }
 */
export async function* listHistory(deps: ListDeps, query: ListQuery): AsyncGenerator<RcsRecord> {
  const plan = planList(query, deps.config, deps.clock.now())
  if (plan.skip !== null) {
    deps.logger.debug(`${PROVIDER}: list needs no request: ${plan.skip}`)
    return
  }
  const normalize = deps.normalizerFor(plan.channel)
  const seen = new RecentIds(Math.max(2 * plan.limit, 1000))
  let stale = 0
  for (let page = 0; ; page++) {
    if (page >= deps.config.maxPages) {
      throw new RcsError({
        kind: 'provider',
        provider: PROVIDER,
        retryable: false,
        message: `${PROVIDER}: the history returned ${deps.config.maxPages} full pages of ${plan.limit} without a short page; stopped to avoid an endless loop (narrow the time window or raise maxPages)`,
        details: { maxPages: deps.config.maxPages, pageSize: plan.limit },
      })
    }
    const response = await deps.api.history({ ...plan.query, page, limit: plan.limit }, query.signal)()
    if (response._tag === 'Left') throw response.left
    const items = pageItems(response.right.body)
    if (items._tag === 'Left') throw items.left
    let fresh = 0
    for (const item of items.right) {
      const normalized = normalize(item)
      if (normalized._tag === 'Left') {
        fresh++
        reportInvalidRecord(query, deps.logger, normalized.left)
        continue
      }
      const record = normalized.right
      if (!seen.add(record.id)) continue
      fresh++
      if (matches(record, plan)) yield record
    }
    if (items.right.length < plan.limit) return
    stale = fresh === 0 ? stale + 1 : 0
    if (stale >= STALE_PAGE_LIMIT) {
      throw new RcsError({
        kind: 'provider',
        provider: PROVIDER,
        retryable: false,
        message: `${PROVIDER}: the history returned ${STALE_PAGE_LIMIT} full pages in a row (up to page ${page}) with no record not already seen; the vendor seems to ignore \`page\`, stopped to avoid an endless loop`,
        details: { page, pageSize: plan.limit },
      })
    }
  }
}

import {
  type Clock,
  type DeliveryStatus,
  type ListQuery,
  type Logger,
  paginateByOffset,
  RcsError,
  type RcsRecord,
  RecentIds,
  reportInvalidRecord,
  toEpochMs,
} from '@rcs-records/core'
import type { Either } from 'fp-ts/lib/Either.js'
import type { MessagesApi, MessagesQuery } from './api.js'
import { type Config, clampPageSize } from './codec.js'
import { PROVIDER } from './normalize.js'
import { type BsgWindow, planWindows } from './windows.js'

/**
 * What `list` needs from the adapter.
 *
 * @example
 * import type { ListDeps } from './list.js'
 * const deps: ListDeps = { api, config, clock, logger, normalize }
 */
export interface ListDeps {
  api: MessagesApi
  config: Config
  clock: Clock
  logger: Logger
  normalize: (payload: unknown) => Either<RcsError, RcsRecord>
}

const badRequest = (message: string) =>
  new RcsError({ kind: 'bad_request', provider: PROVIDER, message: `${PROVIDER}: ${message}` })

const CAMPAIGN_ID = /^\d{1,18}$/

/** The checked, server-side part of a listing. */
interface ListPlan {
  windows: BsgWindow[]
  limit: number
  campaign: string | undefined
  reference: string | undefined
  statuses: ReadonlySet<DeliveryStatus> | null
}

/**
 * Checks a query and plans its windows — before any request, so a bad query fails fast with `bad_request`
 * (`modifiedSince` with `unsupported`: BSG filters by creation time only).
 *
 * @example
 * import { planList } from './list.js'
 * planList({ from: '2024-01-01T00:00:00Z', to: '2024-08-01T00:00:00Z' }, config, Date.now()).windows.length // 3
 */
export const planList = (query: ListQuery, config: Config, now: number): ListPlan => {
  const from = toEpochMs(query.from)
  if (from === null) throw badRequest('`from` must be a Date or an ISO-8601 timestamp')
  const to = query.to === undefined ? now : toEpochMs(query.to)
  if (to === null) throw badRequest('`to` must be a Date or an ISO-8601 timestamp')
  if (query.modifiedSince !== undefined) {
    throw new RcsError({
      kind: 'unsupported',
      provider: PROVIDER,
      message: `${PROVIDER}: modifiedSince is not supported; BSG filters messages by date only (use from/to)`,
    })
  }
  const campaign = query.campaign
  if (campaign !== undefined && (typeof campaign !== 'string' || !CAMPAIGN_ID.test(campaign))) {
    throw badRequest('`campaign` must be a BSG campaign id: an integer as a string, such as "53651994"')
  }
  const reference = query.reference
  if (reference !== undefined && (typeof reference !== 'string' || reference === '')) {
    throw badRequest('`reference` must be a non-empty string')
  }
  if (query.pageSize !== undefined && !(typeof query.pageSize === 'number' && Number.isFinite(query.pageSize))) {
    throw badRequest('`pageSize` must be a number (clamped to 15–500)')
  }
  const status = query.status
  return {
    windows: planWindows(from, to, now, config.timeZone),
    limit: query.pageSize === undefined ? config.pageSize : clampPageSize(query.pageSize),
    campaign: campaign?.replace(/^0+(?=\d)/, ''),
    reference,
    statuses: status === undefined ? null : new Set(Array.isArray(status) ? status : [status]),
  }
}

const matches = (record: RcsRecord, query: ListQuery, plan: ListPlan): boolean =>
  (plan.statuses === null || plan.statuses.has(record.status)) &&
  (query.channel === undefined || record.channel === query.channel) &&
  (plan.campaign === undefined || record.campaign === plan.campaign) &&
  (plan.reference === undefined || record.reference === plan.reference)

/**
 * Every record of a time window: split into BSG windows of at most 3 months, each paged by offset in a stable order
 * (`sort=id&way=asc`, `total` re-read on every page, so records added while paging are still reached and a shift
 * only repeats a record, which is dropped), de-duplicated in bounded memory, filtered client-side where BSG has no
 * filter (status, channel). Throws {@link RcsError}.
 *
 * @example
 * import { listMessages } from './list.js'
 * for await (const record of listMessages(deps, { from: '2024-01-01T00:00:00Z' })) console.log(record.id)
 */
export async function* listMessages(deps: ListDeps, query: ListQuery): AsyncGenerator<RcsRecord> {
  const { api, config, logger } = deps
  const plan = planList(query, config, deps.clock.now())
  const seen = new RecentIds(Math.max(2 * plan.limit, 1000))
  for (const [index, window] of plan.windows.entries()) {
    const pages = paginateByOffset({
      limit: plan.limit,
      maxPages: config.maxPages,
      provider: PROVIDER,
      onPage: (progress) =>
        logger.debug(`${PROVIDER}: page fetched`, { window: index + 1, windows: plan.windows.length, ...progress }),
      fetchPage: async (offset, limit) => {
        const params: MessagesQuery = {
          'filter[from]': window.from,
          'filter[to]': window.to,
          'filter[campaign_id]': plan.campaign,
          'filter[reference_id]': plan.reference,
          sort: 'id',
          way: 'asc',
          'page[limit]': limit,
          'page[offset]': offset,
        }
        const result = await api.messages(params, query.signal)
        if (result._tag === 'Left') throw result.left
        const items = result.right.data
        const total = result.right.meta?.page?.total
        if (typeof total === 'number' && Number.isFinite(total)) {
          if (items.length < limit && offset + items.length < total) {
            logger.warn(`${PROVIDER}: a page was shorter than page[limit] before the end of the listing`, {
              offset,
              limit,
              received: items.length,
              total,
            })
          }
          return { items, total }
        }
        logger.debug(`${PROVIDER}: page without meta.page.total; paging until a short page`, { offset })
        return { items, total: items.length < limit ? offset + items.length : offset + limit + 1 }
      },
    })
    for await (const item of pages) {
      const normalized = deps.normalize(item)
      if (normalized._tag === 'Left') {
        reportInvalidRecord(query, logger, normalized.left)
        continue
      }
      const record = normalized.right
      if (seen.add(record.id) && matches(record, query, plan)) yield record
    }
  }
}

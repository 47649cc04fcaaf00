import { type Clock, type ListQuery, type Logger, RcsError, type RcsRecord } from '@rcs-records/core'
import {
  badRequest,
  type CheckedListQuery,
  checkListQuery,
  listRecords,
  paginateByOffset,
  RecentIds,
} from '@rcs-records/core/kit'
import type { Either } from 'fp-ts/lib/Either.js'
import type { MessagesApi, MessagesQuery } from './api.js'
import { type Config, clampPageSize } from './config.js'
import { PROVIDER } from './provider.js'
import { type BsgWindow, planWindows } from './windows.js'

/**
 * What `list` needs from the adapter.
 */
export interface ListDeps {
  api: MessagesApi
  config: Config
  clock: Clock
  logger: Logger
  normalize: (payload: unknown) => Either<RcsError, RcsRecord>
}

const CAMPAIGN_ID = /^\d{1,18}$/

/** The checked, server-side part of a listing. */
interface ListPlan {
  checked: CheckedListQuery
  windows: BsgWindow[]
  limit: number
  campaign: string | undefined
  reference: string | undefined
}

/**
 * Checks a query and plans its windows — before any request, so a bad query fails fast: core's checks (see
 * `checkListQuery`: dates, `[from, to)`, statuses, channel, page size) are `bad_request`, and so is a campaign that is
 * not a BSG campaign id; `modifiedSince` is `unsupported` (BSG filters by creation time only). The page size is
 * clamped to BSG's 15–500.
 */
export const planList = (query: ListQuery, config: Config, now: number): ListPlan => {
  const checked = checkListQuery(query, PROVIDER, now)
  if (checked.modifiedSince !== undefined) {
    throw new RcsError({
      kind: 'unsupported',
      provider: PROVIDER,
      message: 'modifiedSince is not supported; BSG filters messages by date only (use from/to)',
    })
  }
  const campaign = checked.campaign
  if (campaign !== undefined && !CAMPAIGN_ID.test(campaign)) {
    throw badRequest(
      'invalid list query: `campaign` must be a BSG campaign id: an integer as a string, such as "53651994"',
      { provider: PROVIDER, details: { field: 'campaign' } },
    )
  }
  return {
    checked,
    windows: checked.empty ? [] : planWindows(checked.from, checked.to, now, config.timeZone),
    limit: checked.pageSize === undefined ? config.pageSize : clampPageSize(checked.pageSize),
    campaign: campaign?.replace(/^0+(?=\d)/, ''),
    reference: checked.reference,
  }
}

/** Each window's pages by offset, in turn. */
async function* windowPages(deps: ListDeps, plan: ListPlan): AsyncGenerator<readonly unknown[]> {
  const { api, config, logger } = deps
  const signal = plan.checked.query.signal
  for (const [index, window] of plan.windows.entries()) {
    yield* paginateByOffset({
      limit: plan.limit,
      maxPages: config.maxPages,
      provider: PROVIDER,
      // Offsets after the first page are fetched `listConcurrency` at a time: safe in `sort=id&way=asc` order, where
      // a record added while paging gets a higher id than every other, so it lands after them and no page misses it.
      concurrency: config.listConcurrency,
      ...(signal === undefined ? {} : { signal }),
      onPage: (progress) =>
        logger.debug(`${PROVIDER}: page fetched`, { window: index + 1, windows: plan.windows.length, ...progress }),
      fetchPage: async (offset, limit, pageSignal) => {
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
        const result = await api.messages(params, pageSignal ?? signal)()
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
  }
}

/**
 * Every record of a time window: split into BSG windows of at most 3 months, each paged by offset in a stable order
 * (`sort=id&way=asc`, `total` re-read on every page, so records added while paging are still reached and a shift
 * only repeats a record, which is dropped). Core's list scaffolding does the rest: it de-duplicates in bounded memory,
 * filters client-side where BSG has no filter (status, channel; campaign and reference again), and keeps a record only
 * when its parsed `created_at` lies in `[from, to)` — BSG's windows are zone-less wall-clock seconds, inclusive at
 * both ends, so they may reach past the range (see `windows.ts`). A bad query throws its {@link RcsError} at once; a
 * failing page, while iterating.
 */
export const listMessages = (deps: ListDeps, query: ListQuery): AsyncIterable<RcsRecord> => {
  const plan = planList(query, deps.config, deps.clock.now())
  // Core's generator itself, not wrapped in another: a generator layer costs every record a few promises.
  return listRecords(plan.checked, () => windowPages(deps, plan), {
    logger: deps.logger,
    normalize: deps.normalize,
    seen: new RecentIds(Math.max(2 * plan.limit, 1000)),
  })
}

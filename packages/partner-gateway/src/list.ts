import {
  type Clock,
  type DeliveryStatus,
  type ListQuery,
  type Logger,
  RcsError,
  type RcsRecord,
} from '@rcs-records/core'
import {
  type CheckedListQuery,
  checkListQuery,
  formatIsoSeconds,
  type ListProgress,
  listRecords,
  paginateByPage,
  RecentIds,
} from '@rcs-records/core/kit'
import type { PartnerApi } from './api.js'
import { type Config, type PartnerChannel, PartnerChannelCodec } from './config.js'
import { nativeStatusesOf, wireChannel } from './mapping.js'
import type { Normalizer } from './normalize.js'
import { pageItems } from './payload.js'
import { PROVIDER } from './provider.js'

/**
 * What `list` needs from the adapter.
 */
export interface ListDeps {
  api: PartnerApi
  config: Pick<Config, 'channel' | 'pageSize' | 'maxPages' | 'listConcurrency'>
  clock: Clock
  logger: Logger
  normalizerFor: (channel: PartnerChannel) => Normalizer
}

/**
 * Full pages in a row that bring no record not already seen before `list` decides the vendor ignores `page` and stops
 * with an error (one such page can happen when many records are inserted while paging; three cannot). A short page
 * of records already seen is a vendor repeating its last page: the end.
 */
export const STALE_PAGE_LIMIT = 3

/** Largest history page size the adapter asks for (the vendor documents no maximum). */
const MAX_PAGE_SIZE = 1000

/**
 * The checked plan of a listing: what is asked of the vendor and what is filtered client-side.
 */
export interface ListPlan {
  /** The query as core checked it (the client-side filter reads it). */
  checked: CheckedListQuery
  channel: PartnerChannel
  /** `[from, to)` in epoch ms. */
  from: number
  to: number
  /** The vendor's inclusive `from`/`to`, to the second, covering `[from, to)`; records outside are dropped. */
  query: { channel: string; from: string; to: string; status?: string }
  /** Items asked per page (the vendor may serve fewer: see {@link listHistory}). */
  limit: number
  /** The canonical statuses wanted, or null for all. Always applied client-side too. */
  statuses: ReadonlySet<DeliveryStatus> | null
  /** Why no request is needed (the answer is empty), or null. */
  skip: string | null
}

/**
 * The vendor-side `status` filter: a native value when the wanted statuses come from exactly one (`delivered` →
 * DELIVERED, `undeliverable` → ERROR, `expired` → EXPIRED); otherwise none (`sent` is SENT or RECEIVED, several
 * statuses are several values, `unknown` is UNKNOWN and any value not documented) and the filter is client-side
 * only. `natives` is empty when no history status can match (`pending`, `rejected`, `canceled`).
 */
export const vendorStatusFilter = (
  statuses: ReadonlySet<DeliveryStatus>,
): { status: string | undefined; natives: number } => {
  if (statuses.has('unknown')) return { status: undefined, natives: Number.POSITIVE_INFINITY }
  const natives = [...statuses].flatMap(nativeStatusesOf)
  return { status: natives.length === 1 ? natives[0] : undefined, natives: natives.length }
}

const whySkip = (checked: CheckedListQuery, served: boolean, natives: number): string | null => {
  if (checked.empty) return '`from` is not before now'
  if (!served) return `partner-gateway has no ${checked.channel} channel`
  if (natives === 0) return 'no history status maps to the requested statuses'
  if (checked.campaign !== undefined) return 'partner-gateway records have no campaign'
  if (checked.reference !== undefined) return 'partner-gateway records have no reference apart from their id'
  return null
}

/**
 * Checks a query and plans it — before any request, so a bad query fails fast: core's checks (see
 * `checkListQuery`: dates, `[from, to)`, statuses, channel, page size) are `bad_request`, `modifiedSince` is
 * `unsupported`. `to` defaults to now; a page size above 1000 is clamped. A canonical channel partner-gateway does
 * not have (`viber`, `other`), a status no history record can have, a campaign or a reference need no request: the
 * answer is empty (`skip`).
 */
export const planList = (
  query: ListQuery,
  config: Pick<ListDeps['config'], 'channel' | 'pageSize' | 'maxPages'>,
  now: number,
): ListPlan => {
  const checked = checkListQuery(query, PROVIDER, now)
  if (checked.modifiedSince !== undefined) {
    throw new RcsError({
      kind: 'unsupported',
      provider: PROVIDER,
      message: 'modifiedSince is not supported; the history endpoint filters by send date only (use from/to)',
    })
  }
  const requested = checked.channel ?? config.channel
  const served = PartnerChannelCodec.is(requested)
  const channel: PartnerChannel = served ? requested : config.channel
  const { from, to, statuses } = checked
  const filter =
    statuses === null ? { status: undefined, natives: Number.POSITIVE_INFINITY } : vendorStatusFilter(statuses)
  const planned: ListPlan = {
    checked,
    channel,
    from,
    to,
    query: {
      channel: wireChannel(channel),
      from: formatIsoSeconds(Math.floor(from / 1000) * 1000),
      to: formatIsoSeconds(Math.ceil(to / 1000) * 1000),
    },
    limit: checked.pageSize === undefined ? config.pageSize : Math.min(MAX_PAGE_SIZE, checked.pageSize),
    statuses,
    skip: whySkip(checked, served, filter.natives),
  }
  if (filter.status !== undefined) planned.query.status = filter.status
  return planned
}

/** True for a history item that is a user's reply (`direction: INBOUND`), not a delivery record. */
const isReply = (item: unknown): boolean => {
  const direction = (item as { direction?: unknown } | null)?.direction
  return typeof direction === 'string' && direction.toUpperCase() === 'INBOUND'
}

/** A page without its replies (the same array when it has none, the usual case); each reply skipped is logged. */
const withoutReplies = (items: readonly unknown[], logger: Logger): readonly unknown[] => {
  let kept: unknown[] | null = null
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    if (isReply(item)) {
      kept ??= items.slice(0, i)
      const m = item as { messageId?: unknown; customerMessageId?: unknown }
      logger.debug(`${PROVIDER}: skipped a history item that is a reply (direction INBOUND), not a delivery record`, {
        id: m.customerMessageId ?? m.messageId ?? null,
      })
    } else if (kept !== null) kept.push(item)
  }
  return kept ?? items
}

/** The history's pages, 0-based, until an empty page; replies left out. */
async function* historyPages(
  deps: ListDeps,
  plan: ListPlan,
  signal: AbortSignal | undefined,
  progress: Readonly<ListProgress>,
): AsyncGenerator<readonly unknown[]> {
  const pages = paginateByPage({
    pageSize: plan.limit,
    maxPages: deps.config.maxPages,
    provider: PROVIDER,
    progress,
    staleLimit: STALE_PAGE_LIMIT,
    // No total to plan by: the next pages are asked for speculatively, `listConcurrency` in flight, up to the empty
    // page (default 1: a page asked ahead misses a record inserted at the head meanwhile; see the config).
    prefetch: deps.config.listConcurrency,
    ...(signal === undefined ? {} : { signal }),
    fetchPage: async (page, limit, pageSignal) => {
      const response = await deps.api.history({ ...plan.query, page, limit }, pageSignal ?? signal)()
      if (response._tag === 'Left') throw response.left
      const items = pageItems(response.right.body)
      if (items._tag === 'Left') throw items.left
      return items.right
    },
  })
  for await (const items of pages) yield withoutReplies(items, deps.logger)
}

/**
 * Every record sent in `[from, to)` on one channel (`query.channel`, default the config's): the history endpoint,
 * 0-based pages of `pageSize` until an **empty** page (or a short page of records already seen: the last page
 * repeated). The vendor's maximum page size is undocumented, so a short page is never taken for the end: a server
 * capping `limit` at 50 serves 50 a page, and when the first page is shorter than asked the limit follows it. Dates
 * are sent as ISO-8601 UTC (`Z`) to the second, widened to cover the window, and records outside it dropped; a
 * vendor-side `status` filter when exactly one native status matches, every status filter applied client-side as
 * well; de-duplicated across pages in bounded memory. An item whose `channel` partner-gateway does not document
 * (`RCS_BUSINESS`) is yielded with channel `other`, raw kept; a reply (`direction: INBOUND`) is no delivery record
 * and is skipped with a debug log. Stops with a `provider` error after `maxPages` pages, or after
 * {@link STALE_PAGE_LIMIT} full pages in a row with nothing new (a vendor ignoring `page`). A record that fails to
 * decode is skipped and reported (`onInvalid`, or a logger warning), or thrown with `strict`. The scaffolding is
 * core's `listRecords`. A bad query throws its {@link RcsError} at once; a failing page, while iterating.
 */
export const listHistory = (deps: ListDeps, query: ListQuery): AsyncIterable<RcsRecord> => {
  const plan = planList(query, deps.config, deps.clock.now())
  if (plan.skip !== null) {
    deps.logger.debug(`${PROVIDER}: list needs no request: ${plan.skip}`)
    return nothing()
  }
  // Core's generator itself, not wrapped in another: a generator layer costs every record a few promises.
  return listRecords(plan.checked, (progress) => historyPages(deps, plan, plan.checked.query.signal, progress), {
    logger: deps.logger,
    normalize: deps.normalizerFor(plan.channel),
    seen: new RecentIds(Math.max(2 * plan.limit, 1000)),
    scopedChannel: plan.channel,
  })
}

async function* nothing(): AsyncGenerator<RcsRecord> {}

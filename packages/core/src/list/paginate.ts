import { RcsError } from '../errors/rcs-error.js'
import { fetchAhead } from '../util/fetch-ahead.js'
import type { ListProgress } from './list-records.js'

/**
 * Options of {@link paginateByPage}.
 *
 * @example
 * import type { PageByPageOptions } from '@rcs-records/core/kit'
 * const options: PageByPageOptions<unknown> = { pageSize: 100, maxPages: 10_000, provider: 'x', fetchPage: async () => [] }
 */
export interface PageByPageOptions<T> {
  /** First page index (partner-gateway pages are 0-based). Default 0. */
  firstPage?: number
  /** Items asked per page. */
  pageSize: number
  /** A vendor that keeps returning pages past this is stopped with an error instead of looping forever. */
  maxPages: number
  provider: string
  /**
   * One page: its index and the page size to ask for (see {@link paginateByPage} on why it may shrink); `signal`
   * (when given) aborts a page fetched ahead that the walk no longer needs.
   */
  fetchPage: (page: number, pageSize: number, signal?: AbortSignal) => Promise<readonly T[]>
  /**
   * The progress of the listing reading these pages (`listRecords` hands it to its `pages`). With it, a page whose
   * every item was a record already seen ends the walk when it is shorter than `pageSize` (the vendor repeats its last
   * page), and `staleLimit` such full pages in a row stop it with a `provider` error (the vendor ignores the index).
   */
  progress?: Readonly<ListProgress>
  /** Default 3: one or two such pages can happen when many records are inserted at the head while paging. */
  staleLimit?: number
  /**
   * Pages in flight at once after the first (a vendor with no total: the next pages are asked for speculatively).
   * Default 1: one after the other. Pages are still yielded in order and at most this many are held; the walk still
   * ends on the empty page, so at most `prefetch` pages are asked past it (each one empty, or the last page repeated).
   */
  prefetch?: number
  /** Aborts the pages in flight. */
  signal?: AbortSignal
}

/**
 * Walks numbered pages and yields each page's items, until a page comes back **empty**. A short page is never taken
 * for the end: a vendor may serve fewer items than asked (a cap on the page size it does not document). When the
 * first page is shorter than asked, the page size follows it — that many is what the vendor serves per page (or all
 * there is) — so page 1 starts right after it whether the vendor counts offsets in the size it served or in the size
 * it was asked. With `progress`, a short page that brings nothing new ends the walk too (a vendor repeating its last
 * page). Past `maxPages` pages, or after `staleLimit` full pages in a row that brought nothing new, it stops with a
 * `provider` error rather than loop forever (one or two happen when records inserted at the head push pages back).
 *
 * @example
 * import { paginateByPage } from '@rcs-records/core/kit'
 * declare const fetchPage: (page: number, pageSize: number) => Promise<readonly unknown[]>
 * declare const use: (items: readonly unknown[]) => void
 * for await (const items of paginateByPage({ pageSize: 100, maxPages: 1000, provider: 'x', fetchPage })) use(items)
 */
export async function* paginateByPage<T>(options: PageByPageOptions<T>): AsyncGenerator<readonly T[]> {
  const first = options.firstPage ?? 0
  const staleLimit = options.staleLimit ?? 3
  const progress = options.progress
  const maxPages = options.maxPages
  let size = options.pageSize
  let stale = 0
  const tooMany = () =>
    new RcsError({
      kind: 'provider',
      provider: options.provider,
      retryable: false,
      message: `the vendor returned ${maxPages} pages of up to ${size} records without an empty page; stopped (narrow the time window or raise maxPages)`,
    })
  /** After a page has been read: true when it ends the walk; throws when the vendor seems to ignore `page`. */
  const ends = (index: number, items: readonly T[], duplicatesBefore: number): boolean => {
    if (progress === undefined) return false
    const nothingNew = progress.duplicates - duplicatesBefore === items.length
    // A short page of records all seen already: the vendor repeats its last page (clamping the page index) — the end.
    if (nothingNew && items.length < options.pageSize) return true
    stale = nothingNew ? stale + 1 : 0
    if (stale >= staleLimit) {
      throw new RcsError({
        kind: 'provider',
        provider: options.provider,
        retryable: false,
        message: `the vendor returned ${staleLimit} pages in a row (up to page ${first + index}) with no record not already seen; it seems to ignore \`page\`, stopped`,
      })
    }
    return false
  }
  if (maxPages < 1) throw tooMany()
  // The first page alone: when it is shorter than asked, every later page is asked in the size it served.
  const head = await options.fetchPage(first, size)
  if (head.length === 0) return
  if (head.length < size) size = head.length
  const headDuplicates = progress?.duplicates ?? 0
  yield head
  if (ends(0, head, headDuplicates)) return
  /** Index (from `first`) of the earliest page answered empty so far: no page past it is asked for. */
  let emptyAt = Number.POSITIVE_INFINITY
  let started = 1
  let overflow = false
  const next = () => {
    if (started > emptyAt) return undefined
    if (started >= maxPages) {
      overflow = true
      return undefined
    }
    const index = started++
    return async (signal: AbortSignal) => {
      const items = await options.fetchPage(first + index, size, signal)
      if (items.length === 0 && index < emptyAt) emptyAt = index
      return { index, items }
    }
  }
  const ahead = { ahead: options.prefetch ?? 1, ...(options.signal === undefined ? {} : { signal: options.signal }) }
  for await (const { index, items } of fetchAhead(next, ahead)) {
    if (items.length === 0) return
    const duplicatesBefore = progress?.duplicates ?? 0
    yield items
    if (ends(index, items, duplicatesBefore)) return
  }
  if (overflow) throw tooMany()
}

/**
 * One page of an offset-paginated listing.
 *
 * @example
 * import type { OffsetPage } from '@rcs-records/core/kit'
 * const page: OffsetPage<number> = { items: [1, 2], total: 2 }
 */
export interface OffsetPage<T> {
  items: readonly T[]
  /** The vendor's total at the time of this page. */
  total: number
}

/**
 * Options of {@link paginateByOffset}.
 *
 * @example
 * import type { OffsetOptions } from '@rcs-records/core/kit'
 * const options: OffsetOptions<string> = { limit: 500, maxPages: 10_000, provider: 'bsg', fetchPage: async () => ({ items: [], total: 0 }) }
 */
export interface OffsetOptions<T> {
  limit: number
  maxPages: number
  provider: string
  /** One page; `signal` (when given) aborts a page fetched ahead that the listing no longer needs. */
  fetchPage: (offset: number, limit: number, signal?: AbortSignal) => Promise<OffsetPage<T>>
  /** Called after each page with what has been fetched and the latest total (for progress reporting). */
  onPage?: (progress: { fetched: number; total: number }) => void
  /**
   * Pages in flight at once after the first (which tells the total). Default 1: one after the other. Above 1, a
   * page is asked for as soon as one arrives, not once the consumer is done with it, so this many stay in flight
   * while it works; the pages are still yielded in offset order, and a page is asked for only while fewer than this
   * many arrived ones wait for the consumer (so fewer than twice this many are held).
   */
  concurrency?: number
  /** Aborts the pages in flight. */
  signal?: AbortSignal
}

/**
 * Walks `offset` pages until `offset + limit >= total` and yields each page's items, in offset order. The first page
 * tells the total; with `concurrency` above 1 the following offsets are then fetched that many at a time, the next
 * one asked for as soon as a page arrives (each page yielded in order, fewer than twice `concurrency` held).
 * `total` is re-read from every page — the largest seen counts — so records appended while paging are still
 * reached: the walk extends to the new total. It stops on an empty page
 * as well (the pages fetched ahead of it are dropped), and with a `provider` error past `maxPages` pages.
 *
 * Fetching ahead is safe for a listing in a stable order where new records land after every existing one (BSG's
 * `sort=id&way=asc`: ids only grow): a page answered early can then only miss records that a later page holds. In an
 * order where inserts land in the middle, a page fetched ahead of an insert may miss the record the insert pushes
 * past it — use `concurrency: 1` there.
 *
 * @example
 * import { type OffsetPage, paginateByOffset } from '@rcs-records/core/kit'
 * declare const fetchPage: (offset: number, limit: number) => Promise<OffsetPage<unknown>>
 * declare const use: (items: readonly unknown[]) => void
 * const pages = paginateByOffset({ limit: 500, maxPages: 10_000, provider: 'bsg', concurrency: 4, fetchPage })
 * for await (const items of pages) use(items)
 */
export async function* paginateByOffset<T>(options: OffsetOptions<T>): AsyncGenerator<readonly T[]> {
  const { limit, maxPages } = options
  const first = await options.fetchPage(0, limit)
  let fetched = first.items.length
  let total = first.total
  options.onPage?.({ fetched, total })
  if (first.items.length === 0) return
  yield first.items
  let nextOffset = limit
  let started = 1
  let overflow = false
  const next = () => {
    if (nextOffset >= total) return undefined
    if (started >= maxPages) {
      overflow = true
      return undefined
    }
    const offset = nextOffset
    nextOffset += limit
    started++
    return async (signal: AbortSignal) => {
      const page = await options.fetchPage(offset, limit, signal)
      if (page.total > total) total = page.total
      return page
    }
  }
  const concurrency = options.concurrency ?? 1
  const ahead = {
    ahead: concurrency,
    // One at a time stays one after the other: no page is asked for before the consumer is done with the last.
    slide: concurrency > 1,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  }
  for await (const page of fetchAhead(next, ahead)) {
    fetched += page.items.length
    options.onPage?.({ fetched, total })
    if (page.items.length === 0) return
    yield page.items
  }
  if (overflow) {
    throw new RcsError({
      kind: 'provider',
      provider: options.provider,
      retryable: false,
      message: `more than ${maxPages} pages; stopped to avoid an endless loop (narrow the time window)`,
    })
  }
}

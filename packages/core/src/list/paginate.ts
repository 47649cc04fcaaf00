import { RcsError } from '../errors/rcs-error.js'
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
  /** One page: its index and the page size to ask for (see {@link paginateByPage} on why it may shrink). */
  fetchPage: (page: number, pageSize: number) => Promise<readonly T[]>
  /**
   * The progress of the listing reading these pages (`listRecords` hands it to its `pages`). With it, a page whose
   * every item was a record already seen ends the walk when it is shorter than `pageSize` (the vendor repeats its last
   * page), and `staleLimit` such full pages in a row stop it with a `provider` error (the vendor ignores the index).
   */
  progress?: Readonly<ListProgress>
  /** Default 3: one or two such pages can happen when many records are inserted at the head while paging. */
  staleLimit?: number
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
  let size = options.pageSize
  let stale = 0
  for (let index = 0; ; index++) {
    if (index >= options.maxPages) {
      throw new RcsError({
        kind: 'provider',
        provider: options.provider,
        retryable: false,
        message: `the vendor returned ${options.maxPages} pages of up to ${size} records without an empty page; stopped (narrow the time window or raise maxPages)`,
      })
    }
    const items = await options.fetchPage(first + index, size)
    if (items.length === 0) return
    if (index === 0 && items.length < size) size = items.length
    const duplicatesBefore = progress?.duplicates ?? 0
    yield items
    if (progress === undefined) continue
    const nothingNew = progress.duplicates - duplicatesBefore === items.length
    // A short page of records all seen already: the vendor repeats its last page (clamping the page index) — the end.
    if (nothingNew && items.length < options.pageSize) return
    stale = nothingNew ? stale + 1 : 0
    if (stale >= staleLimit) {
      throw new RcsError({
        kind: 'provider',
        provider: options.provider,
        retryable: false,
        message: `the vendor returned ${staleLimit} pages in a row (up to page ${first + index}) with no record not already seen; it seems to ignore \`page\`, stopped`,
      })
    }
  }
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
  fetchPage: (offset: number, limit: number) => Promise<OffsetPage<T>>
  /** Called after each page with what has been fetched and the latest total (for progress reporting). */
  onPage?: (progress: { fetched: number; total: number }) => void
}

/**
 * Walks `offset` pages until `offset + limit >= total`, re-reading `total` from every page so records appended
 * while paging are still reached, and yields each page's items. Stops on an empty page as well.
 *
 * @example
 * import { type OffsetPage, paginateByOffset } from '@rcs-records/core/kit'
 * declare const fetchPage: (offset: number, limit: number) => Promise<OffsetPage<unknown>>
 * declare const use: (items: readonly unknown[]) => void
 * for await (const items of paginateByOffset({ limit: 500, maxPages: 10_000, provider: 'bsg', fetchPage })) use(items)
 */
export async function* paginateByOffset<T>(options: OffsetOptions<T>): AsyncGenerator<readonly T[]> {
  let offset = 0
  let fetched = 0
  for (let index = 0; ; index++) {
    if (index >= options.maxPages) {
      throw new RcsError({
        kind: 'provider',
        provider: options.provider,
        retryable: false,
        message: `more than ${options.maxPages} pages; stopped to avoid an endless loop (narrow the time window)`,
      })
    }
    const page = await options.fetchPage(offset, options.limit)
    fetched += page.items.length
    options.onPage?.({ fetched, total: page.total })
    if (page.items.length > 0) yield page.items
    if (page.items.length === 0 || offset + options.limit >= page.total) return
    offset += options.limit
  }
}

import { RcsError } from '../errors/rcs-error.js'

/**
 * Options of {@link paginateByPage}.
 *
 * @example
 * import type { PageByPageOptions } from '@rcs-records/core'
 * const options: PageByPageOptions<string> = { pageSize: 100, maxPages: 10_000, provider: 'x', fetchPage: async () => [] }
 */
export interface PageByPageOptions<T> {
  /** First page index (partner-gateway pages are 0-based). Default 0. */
  firstPage?: number
  pageSize: number
  /** A vendor that keeps returning full pages past this is stopped with an error instead of looping forever. */
  maxPages: number
  provider: string
  fetchPage: (page: number) => Promise<readonly T[]>
}

/**
 * Walks numbered pages until a page comes back shorter than `pageSize`; yields each page's items.
 *
 * @example
 * import { paginateByPage } from '@rcs-records/core'
 * for await (const item of paginateByPage({ pageSize: 100, maxPages: 1000, provider: 'x', fetchPage })) use(item)
 */
export async function* paginateByPage<T>(options: PageByPageOptions<T>): AsyncGenerator<T> {
  const first = options.firstPage ?? 0
  for (let index = 0; ; index++) {
    if (index >= options.maxPages) {
      throw new RcsError({
        kind: 'provider',
        provider: options.provider,
        retryable: false,
        message: `${options.provider}: the vendor returned ${options.maxPages} full pages of ${options.pageSize} without a short page; stopped to avoid an endless loop (narrow the time window or raise maxPages)`,
        details: { maxPages: options.maxPages, pageSize: options.pageSize },
      })
    }
    const items = await options.fetchPage(first + index)
    yield* items
    if (items.length < options.pageSize) return
  }
}

/**
 * One page of an offset-paginated listing.
 *
 * @example
 * import type { OffsetPage } from '@rcs-records/core'
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
 * import type { OffsetOptions } from '@rcs-records/core'
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
 * while paging are still reached. Stops on an empty page as well.
 *
 * @example
 * import { paginateByOffset } from '@rcs-records/core'
 * for await (const item of paginateByOffset({ limit: 500, maxPages: 10_000, provider: 'bsg', fetchPage })) use(item)
 */
export async function* paginateByOffset<T>(options: OffsetOptions<T>): AsyncGenerator<T> {
  let offset = 0
  let fetched = 0
  for (let index = 0; ; index++) {
    if (index >= options.maxPages) {
      throw new RcsError({
        kind: 'provider',
        provider: options.provider,
        retryable: false,
        message: `${options.provider}: more than ${options.maxPages} pages; stopped to avoid an endless loop (narrow the time window)`,
      })
    }
    const page = await options.fetchPage(offset, options.limit)
    fetched += page.items.length
    options.onPage?.({ fetched, total: page.total })
    yield* page.items
    if (page.items.length === 0 || offset + options.limit >= page.total) return
    offset += options.limit
  }
}

import type { Either } from 'fp-ts/lib/Either.js'
import type { RcsError } from '../errors/rcs-error.js'
import type { RcsRecord } from '../model/record.js'
import type { Logger } from '../runtime/logger.js'
import { RecentIds, type SeenIds } from '../util/dedupe.js'
import type { CheckedListQuery } from './check-query.js'
import { type RecordFilterOptions, recordFilter } from './record-filter.js'
import { RecordListing } from './record-listing.js'

/**
 * What a listing has read so far, updated as it goes. A paging model reads it between pages (the kit reads a whole
 * page before it asks for the next): e.g. a page whose every item was a duplicate tells a vendor ignoring `page`.
 *
 * @example
 * import type { ListProgress } from '@rcs-records/core/kit'
 * const nothingNew = (before: number, after: ListProgress, pageLength: number) => after.duplicates - before === pageLength
 */
export interface ListProgress {
  /** Pages (or slices) read. */
  pages: number
  /** Items read, over all pages. */
  items: number
  /** Items that failed to decode (each reported to `onInvalid`, or thrown with `strict`). */
  invalid: number
  /** Records already seen in the listing (dropped). */
  duplicates: number
  /** Records yielded. */
  yielded: number
}

/**
 * Options of {@link listRecords}.
 *
 * @example
 * import { silentLogger } from '@rcs-records/core'
 * import { type ListRecordsOptions, RecentIds } from '@rcs-records/core/kit'
 * import { normalize } from '@rcs-records/spacivox'
 * const options: ListRecordsOptions = { logger: silentLogger, normalize, seen: new RecentIds(1000) }
 */
export interface ListRecordsOptions extends RecordFilterOptions {
  /** Where a skipped invalid record is reported when the query has no `onInvalid`. */
  logger: Logger
  /** Pure: one vendor item → record, or the decode error. */
  normalize: (payload: unknown) => Either<RcsError, RcsRecord>
  /**
   * The de-duplication memory. Default: `new RecentIds(1000)` (bounded: a repeat is caught within about two pages
   * or slices, and a sync of millions never keeps every id).
   */
  seen?: SeenIds
  /**
   * Empty each page array as it is read (`page[i] = undefined`), so a page's payloads die young while the rest of
   * the page is yielded and the next is fetched (a record keeps only its own payload, as `raw`). Only for arrays the
   * paging model owns (a freshly parsed body). Default false.
   */
  release?: boolean
}

/**
 * The list scaffolding every adapter shares: pages in, records out. Each item of each page is normalised; one that
 * fails to decode is skipped and reported (`onInvalid`, else a logger warning) or, with `strict`, thrown; a record
 * already seen is dropped (bounded memory); a record that does not match the query — status, channel, campaign,
 * reference, and its `createdAt` in `[from, to)` (see {@link recordFilter}) — is left out. The adapter keeps only its
 * paging model: `pages` yields the raw items of each page, slice or window, in order, and is started only when the
 * listing is read (never for an `empty` query). Throws what `pages` throws.
 *
 * @example
 * import type { ListQuery, RcsError, RcsRecord } from '@rcs-records/core'
 * import { type AdapterContext, type CheckedListQuery, checkListQuery, listRecords } from '@rcs-records/core/kit'
 * import type { Either } from 'fp-ts/lib/Either.js'
 * declare const ctx: AdapterContext
 * declare const fetchPages: (checked: CheckedListQuery) => AsyncIterable<readonly unknown[]>
 * declare const normalize: (payload: unknown) => Either<RcsError, RcsRecord>
 * async function* list(query: ListQuery) {
 *   const checked = checkListQuery(query, 'acme', ctx.clock.now())
 *   yield* listRecords(checked, () => fetchPages(checked), { logger: ctx.logger, normalize })
 * }
 */
export function listRecords(
  checked: CheckedListQuery,
  pages: (progress: Readonly<ListProgress>) => AsyncIterable<readonly unknown[]>,
  options: ListRecordsOptions,
): AsyncGenerator<RcsRecord> {
  const seen = options.seen ?? new RecentIds(1000)
  return new RecordListing(pages, checked.query, options, seen, recordFilter(checked, options), checked.empty === true)
}

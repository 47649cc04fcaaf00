import { type Clock, type ListQuery, type Logger, RcsError, type RcsRecord } from '@rcs-records/core'
import { checkListQuery, formatIsoSeconds, listRecords, RecentIds } from '@rcs-records/core/kit'
import { type MessagesApi, nextPageUrl } from './api.js'
import type { Config } from './config.js'
import { normalize } from './normalize.js'
import { PROVIDER } from './provider.js'

/** Pages of the Messages list a single `list` may walk before it stops (a vendor loop guard). */
const MAX_PAGES = 100_000

/**
 * What `list` needs from the adapter.
 */
export interface ListDeps {
  api: MessagesApi
  config: Config
  clock: Clock
  logger: Logger
}

/** The Messages list's pages: the first with the filters, then each `next_page_uri`. */
async function* pages(deps: ListDeps, from: number, to: number, pageSize: number, signal: AbortSignal | undefined) {
  let url: string | null = deps.api.listUrl
  let searchParams: Record<string, string | number> | undefined = {
    PageSize: pageSize,
    'DateSent>': formatIsoSeconds(from),
    'DateSent<': formatIsoSeconds(to),
  }
  for (let count = 0; url !== null; count++) {
    if (count >= MAX_PAGES) {
      throw new RcsError({
        kind: 'provider',
        provider: PROVIDER,
        message: `list: more than ${MAX_PAGES} pages; narrow the window`,
      })
    }
    const page = await deps.api.page(url, searchParams, signal)()
    if (page._tag === 'Left') throw page.left
    yield page.right.messages
    url = nextPageUrl(deps.config, page.right.next_page_uri)
    searchParams = undefined
  }
}

/**
 * Every Message sent in `[from, to)`: the Messages list filtered by `DateSent` (inclusive bounds on Twilio's side),
 * following `next_page_uri`. Core's list scaffolding (`listRecords`) does the rest: decoding each message, reporting
 * the bad ones, de-duplicating across pages, the filters Twilio lacks, and the exact half-open window — on `sentAt`,
 * the only time Twilio can select messages by (so a message never sent is not listed). `modifiedSince` is
 * `unsupported`.
 */
export const listMessages = (deps: ListDeps, query: ListQuery): AsyncIterable<RcsRecord> => {
  const checked = checkListQuery(query, PROVIDER, deps.clock.now())
  if (checked.modifiedSince !== undefined) {
    throw new RcsError({ kind: 'unsupported', provider: PROVIDER, message: 'list has no modifiedSince filter' })
  }
  const pageSize = Math.min(1_000, checked.pageSize ?? deps.config.pageSize)
  return listRecords(checked, () => pages(deps, checked.from, checked.to, pageSize, query.signal), {
    logger: deps.logger,
    normalize,
    seen: new RecentIds(pageSize * 2),
    // Twilio filters by `DateSent` only: the window is over the send time.
    instant: 'sentAt',
  })
}

import { type Adapter, type CallOptions, type ListQuery, RcsError, type RcsRecord } from '@rcs-records/core'
import {
  type AdapterContext,
  checkListQuery,
  decodeWith,
  emulateGetMany,
  encodePathSegment,
  formatIsoSeconds,
  type HttpRequest,
  listRecords,
  RecentIds,
} from '@rcs-records/core/kit'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import { basicAuthHeader } from './auth.js'
import { type Config, TwilioMessagePageCodec } from './codec.js'
import { normalize, PROVIDER } from './normalize.js'
import { parseWebhook } from './webhook.js'

/** Pages of the Messages list a single `list` may walk before it stops (a vendor loop guard). */
const MAX_PAGES = 100_000

/**
 * The next page's URL, from Twilio's relative `next_page_uri`. Only paths on the configured origin under this
 * account's Messages list are followed: a vendor (or a proxy) must never make us send credentials elsewhere.
 */
const nextPageUrl = (config: Config, nextPageUri: string | null): string | null => {
  if (nextPageUri === null || nextPageUri === '') return null
  const expected = `/2010-04-01/Accounts/${config.accountSid}/Messages.json`
  if (!nextPageUri.startsWith(`${expected}?`)) {
    throw new RcsError({
      kind: 'provider',
      provider: PROVIDER,
      retryable: false,
      message: `${PROVIDER}: next_page_uri does not point at this account's Messages list; refusing to follow it`,
    })
  }
  return `${config.baseUrl}${nextPageUri}`
}

/**
 * Creates the Twilio adapter's I/O half: `get` fetches one Message by SID, `getMany` runs bounded concurrent `get`s,
 * `list` walks the Messages list filtered by `DateSent` (inclusive bounds on Twilio's side), following
 * `next_page_uri`. Core's list scaffolding (`listRecords`) does the rest: decoding each message, reporting the bad
 * ones, de-duplicating across pages, the filters Twilio lacks, and the exact half-open window — on `sentAt`, the
 * only time Twilio can select messages by (so a message never sent is not listed).
 *
 * @example
 * import { createTwilioAdapter } from '@rcs-records/example-custom-adapter'
 * const adapter = createTwilioAdapter(config, ctx)
 * const record = await adapter.get('SM…')()
 */
export const createTwilioAdapter = (config: Config, ctx: AdapterContext): Adapter => {
  const authorization = basicAuthHeader(config)
  const messagesUrl = `${config.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages`

  const request = (init: Omit<HttpRequest, 'headers'>) =>
    ctx.http.request({ ...init, headers: { authorization, accept: 'application/json' } })

  const get =
    (id: string, opts?: CallOptions): TaskEither<RcsError, RcsRecord> =>
    async () => {
      const segment = encodePathSegment(PROVIDER, id)
      if (segment._tag === 'Left') return segment
      const response = await request({
        url: `${messagesUrl}/${segment.right}.json`,
        ...(opts?.signal === undefined ? {} : { signal: opts.signal }),
      })()
      if (response._tag === 'Left') return response
      return normalize(response.right.body)
    }

  /** The Messages list's pages: the first with the filters, then each `next_page_uri`. */
  async function* pages(from: number, to: number, pageSize: number, signal: AbortSignal | undefined) {
    let url: string | null = `${messagesUrl}.json`
    let searchParams: HttpRequest['searchParams'] = {
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
      const response = await request({
        url,
        ...(searchParams === undefined ? {} : { searchParams }),
        ...(signal === undefined ? {} : { signal }),
      })()
      if (response._tag === 'Left') throw response.left
      const page = decodeWith(PROVIDER, TwilioMessagePageCodec, response.right.body)
      if (page._tag === 'Left') throw page.left
      yield page.right.messages
      url = nextPageUrl(config, page.right.next_page_uri)
      searchParams = undefined
    }
  }

  const list = (query: ListQuery): AsyncIterable<RcsRecord> => {
    const checked = checkListQuery(query, PROVIDER, ctx.clock.now())
    if (checked.modifiedSince !== undefined) {
      throw new RcsError({ kind: 'unsupported', provider: PROVIDER, message: 'list has no modifiedSince filter' })
    }
    const pageSize = Math.min(1_000, checked.pageSize ?? config.pageSize)
    return listRecords(checked, () => pages(checked.from, checked.to, pageSize, query.signal), {
      logger: ctx.logger,
      normalize,
      seen: new RecentIds(pageSize * 2),
      // Twilio filters by `DateSent` only: the window is over the send time.
      instant: 'sentAt',
    })
  }

  return {
    get,
    getMany: (ids, opts) =>
      emulateGetMany(get, ids, { concurrency: 4, ...(opts === undefined ? {} : { callOptions: opts }) }),
    list,
    normalize,
    parseWebhook,
  }
}

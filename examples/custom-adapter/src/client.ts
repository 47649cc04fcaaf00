import {
  type Adapter,
  type AdapterContext,
  type CallOptions,
  type DeliveryStatus,
  decodeWith,
  emulateGetMany,
  formatIsoSeconds,
  type HttpRequest,
  type ListQuery,
  RcsError,
  type RcsRecord,
  RecentIds,
  reportInvalidRecord,
  toEpochMs,
} from '@rcs-records/core'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import { basicAuthHeader } from './auth.js'
import { type Config, TwilioMessagePageCodec } from './codec.js'
import { normalize, PROVIDER } from './normalize.js'
import { parseWebhook } from './webhook.js'

/** Pages of the Messages list a single `list` may walk before it stops (a vendor loop guard). */
const MAX_PAGES = 100_000

const badRequest = (message: string) =>
  new RcsError({ kind: 'bad_request', provider: PROVIDER, message: `${PROVIDER}: ${message}` })

/** The statuses a list query asks for, or null for all. */
const statusFilter = (status: ListQuery['status']): ReadonlySet<DeliveryStatus> | null =>
  status === undefined ? null : new Set(Array.isArray(status) ? status : [status])

/** Twilio has no server-side filter for these: they are applied to each record. */
const matches = (record: RcsRecord, query: ListQuery, statuses: ReadonlySet<DeliveryStatus> | null): boolean =>
  (statuses === null || statuses.has(record.status)) &&
  (query.channel === undefined || record.channel === query.channel) &&
  (query.campaign === undefined || record.campaign === query.campaign) &&
  (query.reference === undefined || record.reference === query.reference)

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
 * `list` walks the Messages list filtered by `DateSent` (inclusive bounds on Twilio's side, the exact half-open
 * window client-side), following `next_page_uri`, de-duplicating across pages.
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
      const response = await request({
        url: `${messagesUrl}/${encodeURIComponent(id)}.json`,
        ...(opts?.signal === undefined ? {} : { signal: opts.signal }),
      })()
      if (response._tag === 'Left') return response
      return normalize(response.right.body)
    }

  async function* list(query: ListQuery): AsyncGenerator<RcsRecord> {
    const from = toEpochMs(query.from)
    if (from === null) throw badRequest('list: `from` is not a usable date')
    const to = query.to === undefined ? ctx.clock.now() : toEpochMs(query.to)
    if (to === null) throw badRequest('list: `to` is not a usable date')
    if (query.modifiedSince !== undefined) {
      throw new RcsError({
        kind: 'unsupported',
        provider: PROVIDER,
        message: `${PROVIDER}: list has no modifiedSince filter`,
      })
    }
    if (from >= to) return
    const pageSize = Math.min(1_000, Math.max(1, query.pageSize ?? config.pageSize))
    const statuses = statusFilter(query.status)
    const seen = new RecentIds(pageSize * 2)
    const signal = query.signal === undefined ? {} : { signal: query.signal }
    let url: string | null = `${messagesUrl}.json`
    let searchParams: HttpRequest['searchParams'] = {
      PageSize: pageSize,
      'DateSent>': formatIsoSeconds(from),
      'DateSent<': formatIsoSeconds(to),
    }
    for (let pages = 0; url !== null; pages++) {
      if (pages >= MAX_PAGES) throw badRequest(`list: more than ${MAX_PAGES} pages; narrow the window`)
      const response = await request({ url, ...(searchParams === undefined ? {} : { searchParams }), ...signal })()
      if (response._tag === 'Left') throw response.left
      const page = decodeWith(PROVIDER, TwilioMessagePageCodec, response.right.body)
      if (page._tag === 'Left') throw page.left
      for (const item of page.right.messages) {
        const result = normalize(item)
        if (result._tag === 'Left') {
          reportInvalidRecord(query, ctx.logger, result.left)
          continue
        }
        const record = result.right
        const sent = record.sentAt === null ? null : Date.parse(record.sentAt)
        if (sent === null || sent < from || sent >= to) continue
        if (!seen.add(record.id)) continue
        if (matches(record, query, statuses)) yield record
      }
      url = nextPageUrl(config, page.right.next_page_uri)
      searchParams = undefined
    }
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

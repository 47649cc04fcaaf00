import { type CallOptions, type Logger, mergeRecords, RcsError, type RcsRecord } from '@rcs-records/core'
import { chunkIds, left, reportInvalidRecord, right } from '@rcs-records/core/kit'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import pLimit from 'p-limit'
import { batchUrlPrefix, batchUrlSuffix, encodeId, type PartnerApi } from './api.js'
import type { Config, PartnerChannel } from './config.js'
import { resolveChannel, wireChannel } from './mapping.js'
import { answeredId, type Normalizer, normalizeLookupAnswer } from './normalize.js'
import { pageItems } from './payload.js'
import { PROVIDER } from './provider.js'

/**
 * What `get` needs from the adapter.
 */
export interface GetDeps {
  api: PartnerApi
  config: Pick<Config, 'channel' | 'currency' | 'defaultCountry'>
  normalizerFor: (channel: PartnerChannel) => Normalizer
}

/**
 * The `provider` error of a status answer about another message than the one asked for: it is never returned as
 * the answer (it would be merged into the wrong message's state).
 */
export const anotherMessage = (asked: string, answered: string, wire: string): RcsError =>
  new RcsError({
    kind: 'provider',
    provider: PROVIDER,
    retryable: false,
    message: `${PROVIDER}: asked for the status of ${JSON.stringify(asked)} (channel ${wire}) and got the status of ${JSON.stringify(answered)}; not returned as the answer`,
    details: { asked, answered, channel: wire },
  })

/**
 * One message's status: `GET /messages/status/{customerMessageId}?channel=` on `opts.channel` (default the config's
 * channel). The answer is the record of the id asked for: one without `customerMessageId` (the overview shows
 * `{deliveryStatus}`) takes the asked id; one naming another id is a `provider` error, never the answer. A 404 is
 * `not_found` whose message says a channel mismatch gives 404 too. `opts.from` is not needed (the vendor looks ids
 * up without a time window).
 */
export const getStatus =
  (deps: GetDeps, id: string, opts?: CallOptions): TaskEither<RcsError, RcsRecord> =>
  async () => {
    const channel = resolveChannel(opts?.channel, deps.config.channel)
    if (channel._tag === 'Left') return channel
    const wire = wireChannel(channel.right)
    const response = await deps.api.status(id, wire, opts?.signal)()
    if (response._tag === 'Left') return left(response.left)
    const body = response.right.body
    const answered = answeredId(body)
    if (answered !== null && answered !== id) return left(anotherMessage(id, answered, wire))
    if (answered !== null) return deps.normalizerFor(channel.right)(body)
    const { currency, defaultCountry } = deps.config
    const options = defaultCountry === undefined ? { currency } : { currency, defaultCountry }
    return normalizeLookupAnswer(body, id, { ...options, channel: channel.right })
  }

/**
 * What `getMany` needs from the adapter.
 */
export interface GetManyDeps {
  api: PartnerApi
  config: Pick<Config, 'baseUrl' | 'channel' | 'idsPerRequest' | 'maxUrlLength' | 'concurrency'>
  logger: Logger
  normalizerFor: (channel: PartnerChannel) => Normalizer
}

const encodeIdOrComma = (part: string): string => (part === ',' ? part : encodeId(part))

/** An id the comma-separated `ids` parameter cannot carry: it goes to the single-status endpoint. */
const needsSingle = (id: string): boolean => id.includes(',')

/**
 * How a batch lookup is split: `chunks` for the batch endpoint, bounded by `idsPerRequest` and by the URL length
 * (every URL ≤ `maxUrlLength`, unless one id alone is longer), and `single` — ids containing a comma, which the
 * comma-separated `ids` parameter cannot carry — for the single-status endpoint.
 */
export const planBatches = (
  ids: readonly string[],
  wire: string,
  config: Pick<Config, 'baseUrl' | 'idsPerRequest' | 'maxUrlLength'>,
): { chunks: string[][]; single: string[] } => {
  const single = ids.filter(needsSingle)
  // Usually no id has a comma: then the ids are chunked as they are, with no copy of the list.
  const batchable = single.length === 0 ? ids : ids.filter((id) => !needsSingle(id))
  const fixed = batchUrlPrefix(config.baseUrl).length + batchUrlSuffix(wire).length
  const chunks = chunkIds(batchable, {
    maxCount: config.idsPerRequest,
    maxEncodedLength: Math.max(1, config.maxUrlLength - fixed),
    // The separator goes on the wire as a bare comma (see `batchUrl`); no batchable id is a lone comma.
    encode: encodeIdOrComma,
  })
  return { chunks, single }
}

/**
 * Many messages' statuses through the batch endpoint (`GET /messages/status?ids=a,b&channel=`), all on one channel
 * (`opts.channel`, default the config's). Duplicate ids are asked once; the ids are split into requests by count
 * and URL length (see {@link planBatches}) run `concurrency` at a time; ids the vendor silently omits come back in
 * `missing`; records come back in the order of the input ids. A response item that fails to decode is skipped with
 * a logger warning (its id then counts as missing); an item for an id that was not asked is ignored. Any request
 * failure (after the transport's retries) fails the whole call and starts no further requests.
 */
export const getManyStatuses =
  (
    deps: GetManyDeps,
    ids: readonly string[],
    opts?: CallOptions,
  ): TaskEither<RcsError, { records: RcsRecord[]; missing: string[] }> =>
  async () => {
    const channel = resolveChannel(opts?.channel, deps.config.channel)
    if (channel._tag === 'Left') return channel
    const wire = wireChannel(channel.right)
    const normalize = deps.normalizerFor(channel.right)
    const { unique, positions } = positionsOf(ids)
    const plan = planBatches(unique, wire, deps.config)
    // What was found for each id, by its position in `unique`.
    const found: Array<RcsRecord | undefined> = new Array(unique.length)
    const state: { failure: RcsError | null } = { failure: null }

    const notAsked = (record: RcsRecord) =>
      deps.logger.debug(`${PROVIDER}: the batch status answer had an id that was not asked; ignored`, {
        id: record.id,
      })

    /** Keeps a record of an id asked in this call (merged with one found before); one not asked is ignored. */
    const place = (record: RcsRecord) => {
      const at = positions.get(record.id)
      if (at === undefined) notAsked(record)
      else found[at] = keepBoth(found[at], record)
    }

    const batchTask = (chunk: readonly string[]) => async () => {
      const response = await deps.api.batch(chunk, wire, opts?.signal)()
      if (response._tag === 'Left') {
        state.failure ??= response.left
        return
      }
      const items = pageItems(response.right.body)
      if (items._tag === 'Left') {
        state.failure ??= items.left
        return
      }
      // An index loop: code run once per chunk or call is not optimised yet, and there `for…of` allocates an
      // iterator result per item.
      const list = items.right
      for (let i = 0; i < list.length; i++) {
        const normalized = normalize(list[i])
        if (normalized._tag === 'Left') reportInvalidRecord({}, deps.logger, normalized.left)
        else place(normalized.right)
      }
    }

    const singleTask = (id: string) => async () => {
      const response = await deps.api.status(id, wire, opts?.signal)()
      if (response._tag === 'Left') {
        if (response.left.kind !== 'not_found') state.failure ??= response.left
        return
      }
      const normalized = normalize(response.right.body)
      if (normalized._tag === 'Left') reportInvalidRecord({}, deps.logger, normalized.left)
      else if (normalized.right.id !== id) notAsked(normalized.right)
      else place(normalized.right)
    }

    // Once a request has failed, no further request starts; the ones in flight finish.
    const limit = pLimit(Math.max(1, deps.config.concurrency))
    const tasks = [...plan.chunks.map(batchTask), ...plan.single.map(singleTask)]
    await Promise.all(tasks.map((task) => limit(() => (state.failure === null ? task() : undefined))))
    if (state.failure !== null) return left(state.failure)
    return right(inInputOrder(unique, found))
  }

/**
 * The distinct ids in first-seen order, and each one's position among them: one map both removes duplicates and
 * places the answers, which the vendor gives in no documented order (and may omit ids).
 */
const positionsOf = (ids: readonly string[]): { unique: string[]; positions: Map<string, number> } => {
  const positions = new Map<string, number>()
  const unique: string[] = []
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string
    if (positions.get(id) === undefined) {
      positions.set(id, unique.length)
      unique.push(id)
    }
  }
  return { unique, positions }
}

/** Two observations of one id merged; the first when there is only one. */
const keepBoth = (existing: RcsRecord | undefined, record: RcsRecord): RcsRecord =>
  existing === undefined ? record : mergeRecords(existing, record)

/** The records found, in the order of `unique`, and the ids not found. */
const inInputOrder = (
  unique: readonly string[],
  found: ReadonlyArray<RcsRecord | undefined>,
): { records: RcsRecord[]; missing: string[] } => {
  const records: RcsRecord[] = []
  const missing: string[] = []
  for (let i = 0; i < unique.length; i++) {
    const record = found[i]
    if (record === undefined) missing.push(unique[i] as string)
    else records.push(record)
  }
  return { records, missing }
}

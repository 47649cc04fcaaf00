import { type CallOptions, type Logger, mergeRecords, RcsError, type RcsRecord } from '@rcs-records/core'
import { chunkIds, left, reportInvalidRecord, right, uniqueIds } from '@rcs-records/core/kit'
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
    const unique = uniqueIds(ids)
    const plan = planBatches(unique, wire, deps.config)
    // What each request found, by the position of the id in its chunk (a small per-chunk index, no map of all ids).
    const byChunk: Array<Array<RcsRecord | undefined>> = []
    const bySingle: Array<RcsRecord | undefined> = []
    const state: { failure: RcsError | null } = { failure: null }

    const notAsked = (record: RcsRecord) =>
      deps.logger.debug(`${PROVIDER}: the batch status answer had an id that was not asked; ignored`, {
        id: record.id,
      })

    const batchTask = (chunk: readonly string[], index: number) => async () => {
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
      const found: Array<RcsRecord | undefined> = new Array(chunk.length)
      byChunk[index] = found
      const positionOf = chunkPositions(chunk)
      // Index loops here and in `inInputOrder`: code run once per chunk or call is not optimised yet, and there
      // `for…of` allocates an iterator result per item.
      const list = items.right
      for (let i = 0; i < list.length; i++) {
        const normalized = normalize(list[i])
        if (normalized._tag === 'Left') {
          reportInvalidRecord({}, deps.logger, normalized.left)
          continue
        }
        const record = normalized.right
        const at = positionOf(record.id)
        if (at === undefined) notAsked(record)
        else found[at] = keepBoth(found[at], record)
      }
    }

    const singleTask = (id: string, index: number) => async () => {
      const response = await deps.api.status(id, wire, opts?.signal)()
      if (response._tag === 'Left') {
        if (response.left.kind !== 'not_found') state.failure ??= response.left
        return
      }
      const normalized = normalize(response.right.body)
      if (normalized._tag === 'Left') reportInvalidRecord({}, deps.logger, normalized.left)
      else if (normalized.right.id !== id) notAsked(normalized.right)
      else bySingle[index] = normalized.right
    }

    // Once a request has failed, no further request starts; the ones in flight finish.
    const limit = pLimit(Math.max(1, deps.config.concurrency))
    const tasks = [...plan.chunks.map(batchTask), ...plan.single.map(singleTask)]
    await Promise.all(tasks.map((task) => limit(() => (state.failure === null ? task() : undefined))))
    if (state.failure !== null) return left(state.failure)
    return right(inInputOrder(unique, plan, byChunk, bySingle))
  }

/**
 * Where each answered id is in its chunk. The vendor answers in the order asked, omitting unknown ids, so the next
 * answer is looked for from just after the last one found (one string comparison each); only an answer out of that
 * order (or a repeated one) builds an index of the chunk, once. Ids of one chunk are unique (`uniqueIds` first).
 */
const chunkPositions = (chunk: readonly string[]): ((id: string) => number | undefined) => {
  let next = 0
  let index: Map<string, number> | undefined
  return (id) => {
    if (index === undefined) {
      // In order: the id is the next one asked, or a few further on (the vendor omitted the ones between).
      const end = Math.min(chunk.length, next + 8)
      for (let at = next; at < end; at++) {
        if (chunk[at] === id) {
          next = at + 1
          return at
        }
      }
      index = new Map()
      for (let at = 0; at < chunk.length; at++) index.set(chunk[at] as string, at)
    }
    return index.get(id)
  }
}

/** Two observations of one id merged; the first when there is only one. */
const keepBoth = (existing: RcsRecord | undefined, record: RcsRecord): RcsRecord =>
  existing === undefined ? record : mergeRecords(existing, record)

/**
 * The records found, in the order of `unique`, and the ids not found. Relies on {@link planBatches}' partition:
 * its chunks, concatenated, are the ids without a comma in input order, and `single` the others in input order — so
 * two cursors walk them with no lookup by id.
 */
const inInputOrder = (
  unique: readonly string[],
  plan: { chunks: readonly (readonly string[])[]; single: readonly string[] },
  byChunk: ReadonlyArray<ReadonlyArray<RcsRecord | undefined> | undefined>,
  bySingle: ReadonlyArray<RcsRecord | undefined>,
): { records: RcsRecord[]; missing: string[] } => {
  const records: RcsRecord[] = []
  const missing: string[] = []
  let chunk = 0
  let at = 0
  let single = 0
  const anySingle = plan.single.length > 0
  for (let i = 0; i < unique.length; i++) {
    const id = unique[i] as string
    let record: RcsRecord | undefined
    if (anySingle && needsSingle(id)) record = bySingle[single++]
    else {
      record = byChunk[chunk]?.[at]
      if (++at === plan.chunks[chunk]?.length) {
        chunk++
        at = 0
      }
    }
    if (record === undefined) missing.push(id)
    else records.push(record)
  }
  return { records, missing }
}

import { type Channel, type RcsClient, RcsError, type RcsRecord } from '@rcs-records/core'
import { recordTime, type StoreQuery } from '../query.js'
import type { RecordStore } from '../store.js'

/**
 * How a sync re-read records that were not final yet: `getMany` (by id, where the vendor has a batch lookup),
 * `modifiedSince` (a listing of what changed since the last run), `relist` (the window again from the oldest such
 * record), or `none` (nothing to refresh, or refresh off).
 *
 * @example
 * import type { RefreshMode } from '@rcs-records/store'
 * const mode: RefreshMode = 'getMany'
 */
export type RefreshMode = 'getMany' | 'modifiedSince' | 'relist' | 'none'

/** Ids per `getMany` call of a refresh (the client chunks further as the vendor needs). */
const IDS_PER_CALL = 500

interface RefreshInput {
  from: number
  to: number
  /** Where `modifiedSince` starts (the previous run's start, less the overlap), or null on a first run. */
  lastRunAt: number | null
  now: number
  signal: AbortSignal | undefined
  onInvalid: (error: RcsError) => void
  channel: Channel | undefined
}

const iso = (ms: number) => new Date(ms).toISOString()

/** What to read, and how (`mode` may turn to `relist` while `records` is read, when the vendor refuses). */
interface RefreshPlan {
  mode: RefreshMode
  open: number
  records: Iterable<RcsRecord> | AsyncIterable<RcsRecord>
}

async function* byIds(
  client: RcsClient,
  store: RecordStore,
  input: RefreshInput,
  query: StoreQuery,
): AsyncGenerator<RcsRecord> {
  const pending = new Map<Channel, string[]>()
  const lookup = async function* (channel: Channel, ids: string[]) {
    const { records } = await client.getMany(ids, { channel, from: iso(input.from), signal: input.signal })
    yield* records
  }
  for await (const record of store.query(query)) {
    const ids = pending.get(record.channel) ?? []
    ids.push(record.id)
    pending.set(record.channel, ids)
    if (ids.length >= IDS_PER_CALL) {
      pending.delete(record.channel)
      yield* lookup(record.channel, ids)
    }
  }
  for (const [channel, ids] of pending) yield* lookup(channel, ids)
}

/**
 * Chooses how to re-read this provider's records that are not final and were created in `[from, to)`, from what
 * the adapter can do (its `capabilities`), and streams what the vendor says about them now:
 * - `getMany` native (partner-gateway): their ids, per channel, in calls of 500;
 * - `modifiedSince` (spacivox) after a first run: the window, only what changed since the previous run; when the
 *   vendor refuses that instant (spacivox accepts only the past 48 hours) the window is listed again instead;
 * - otherwise (BSG, which filters by creation date only): the window again, from the oldest such record.
 */
export const planRefresh = async (client: RcsClient, store: RecordStore, input: RefreshInput): Promise<RefreshPlan> => {
  const query = {
    provider: client.provider,
    final: false,
    from: iso(input.from),
    to: iso(input.to),
    ...(input.channel === undefined ? {} : { channel: input.channel }),
  }
  const open = await store.count(query)
  if (open === 0) return { mode: 'none', open, records: [] }
  if (client.capabilities.getMany === 'native')
    return { mode: 'getMany', open, records: byIds(client, store, input, query) }
  let oldest = input.from
  for await (const record of store.query(query)) {
    const time = recordTime(record)
    if (time !== null) oldest = Math.max(input.from, Date.parse(time))
    break
  }
  const scope = input.channel === undefined ? {} : { channel: input.channel }
  const relist = () =>
    client.list({ from: iso(oldest), to: iso(input.to), signal: input.signal, onInvalid: input.onInvalid, ...scope })
  if (client.capabilities.modifiedSince && input.lastRunAt !== null && input.lastRunAt < input.now) {
    const since = input.lastRunAt
    const plan: RefreshPlan = { mode: 'modifiedSince', open, records: [] }
    plan.records = (async function* () {
      let yielded = false
      try {
        for await (const record of client.list({
          from: iso(oldest),
          to: iso(input.to),
          modifiedSince: iso(since),
          signal: input.signal,
          onInvalid: input.onInvalid,
        })) {
          yielded = true
          yield record
        }
      } catch (error) {
        // Refused before anything came back (the instant is too far back for the vendor): list the window.
        if (yielded || !RcsError.is(error, 'bad_request')) throw error
        plan.mode = 'relist'
        yield* relist()
      }
    })()
    return plan
  }
  return { mode: 'relist', open, records: relist() }
}

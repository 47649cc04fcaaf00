import type { Clock, ListQuery, Logger, RcsError, RcsRecord } from '@rcs-records/core'
import { fetchAhead, listRecords, type TimeSlice } from '@rcs-records/core/kit'
import type { Either } from 'fp-ts/lib/Either.js'
import type { RecordsApi } from './api.js'
import type { Config } from './config.js'
import { PROVIDER } from './provider.js'
import { SliceIds } from './slice-ids.js'
import { type ListPlan, nextSliceLength, planList } from './slices.js'

/**
 * What `list` needs from the adapter.
 */
export interface ListDeps {
  api: RecordsApi
  config: Config
  clock: Clock
  logger: Logger
  normalize: (payload: unknown) => Either<RcsError, RcsRecord>
}

/**
 * The slices' answers, in time order, up to `concurrency` fetched ahead of the consumer; each starts a new slice of
 * `seen`. Slices are cut as the walk goes: the first is `sliceHours` long and fetched alone; then each slice's
 * answer sets the length of the slices cut after it (see {@link nextSliceLength}), so a dense range gets shorter
 * slices and one response stays near `sliceRecords` records whatever the traffic.
 */
async function* slicePages(deps: ListDeps, plan: ListPlan, seen: SliceIds): AsyncGenerator<unknown[]> {
  const { api, config, logger } = deps
  const signal = plan.checked.query.signal
  const first = plan.slices[0]
  const last = plan.slices[plan.slices.length - 1]
  if (first === undefined || last === undefined) return
  const maxMs = first.to - first.from
  const end = last.to
  let cursor = first.from
  let lengthMs = maxMs
  let started = 0
  let answered = 0
  const fetchSlice = (slice: TimeSlice) => async (sliceSignal: AbortSignal) => {
    const request = {
      start: slice.from,
      end: slice.to,
      ...(plan.modifiedSince === undefined ? {} : { modifiedSince: plan.modifiedSince }),
    }
    const result = await api.records(request, sliceSignal)()
    if (result._tag === 'Left') throw result.left
    answered++
    lengthMs = nextSliceLength({
      lengthMs: slice.to - slice.from,
      records: result.right.length,
      currentMs: lengthMs,
      target: config.sliceRecords,
      maxMs,
    })
    return { slice, items: result.right }
  }
  const next = () => {
    // The first slice alone: how dense the range is decides how long the next ones are.
    if (cursor >= end || (started > 0 && answered === 0)) return undefined
    const slice = { from: cursor, to: Math.min(end, cursor + lengthMs) }
    cursor = slice.to
    started++
    return fetchSlice(slice)
  }
  const options = { ahead: config.concurrency, ...(signal === undefined ? {} : { signal }) }
  let index = 0
  for await (const { slice, items } of fetchAhead(next, options)) {
    index++
    logger.debug(`${PROVIDER}: slice fetched`, {
      slice: index,
      start: new Date(slice.from).toISOString(),
      end: new Date(slice.to).toISOString(),
      records: items.length,
    })
    seen.nextSlice()
    yield items
  }
}

/**
 * Every record of a time window `[from, to)`: the range is split into slices of at most `sliceHours` (the API has no
 * pagination and no documented cap), shorter where a slice brought more than `sliceRecords` (adaptive: one response
 * stays near that size whatever the traffic), up to `concurrency` slices are fetched ahead of the consumer, and
 * records are yielded strictly in slice order. The API's `end` is inclusive, so a record stamped exactly at a slice's end comes
 * back in two neighbouring slices (and at `to`, in the next range's listing): core's list scaffolding yields it only
 * from the listing and slice its `timestamp` (read as the record's latest change, `updatedAt`) starts — never at
 * `to` — while a record stamped after `to` is kept (it changed after the window; the vendor does not document which
 * time `start`/`end` select on, so dropping it could lose it). A record returned by two neighbouring slices is
 * yielded once (the first copy). Filters the API lacks (status, campaign, reference, channel) are applied there too; each slice's
 * payloads are let go of as soon as they are read. Query problems — including a `modifiedSince` older than 48 hours
 * — are `bad_request` errors before any request, thrown at once; a failing slice throws while iterating.
 */
export const listSlices = (deps: ListDeps, query: ListQuery): AsyncIterable<RcsRecord> => {
  const plan = planList(query, deps.config, deps.clock.now())
  const seen = new SliceIds()
  // Core's generator itself, not wrapped in another: a generator layer costs every record a few promises.
  return listRecords(plan.empty ? { ...plan.checked, empty: true } : plan.checked, () => slicePages(deps, plan, seen), {
    logger: deps.logger,
    normalize: deps.normalize,
    seen,
    // The record's one time is `timestamp`, read as its latest change (`updatedAt`): the API's inclusive `end` returns a
    // record stamped exactly at `to` to this listing and the next; only the next keeps it. A later stamp is kept (the
    // record changed after the window it was listed by; the vendor does not say which time `start`/`end` select on).
    instant: 'updatedAt',
    latestChange: true,
    // The slice arrays are freshly parsed bodies: letting go of each payload once read keeps them from being
    // promoted to V8's old generation while the rest of the slice is yielded (the memory benchmark's peak).
    release: true,
  })
}

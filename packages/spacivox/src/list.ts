import {
  type Clock,
  type ListQuery,
  type Logger,
  type RcsError,
  type RcsRecord,
  reportInvalidRecord,
  type TimeSlice,
} from '@rcs-records/core'
import type { Either } from 'fp-ts/lib/Either.js'
import type { RecordsApi } from './api.js'
import type { Config } from './codec.js'
import { PROVIDER } from './normalize.js'
import { inOrderAhead } from './ordered.js'
import { matchesPlan, planList } from './plan.js'
import { SliceIds } from './slice-ids.js'

/**
 * What `list` needs from the adapter.
 *
 * @example
 * import type { ListDeps } from './list.js'
 * const deps: ListDeps = { api, config, clock, logger, normalize }
 */
export interface ListDeps {
  api: RecordsApi
  config: Config
  clock: Clock
  logger: Logger
  normalize: (payload: unknown) => Either<RcsError, RcsRecord>
}

/**
 * Every record of a time window: the range is split into slices of `sliceHours` (the API has no pagination and no
 * documented cap), up to `concurrency` slices are fetched ahead of the consumer, and records are yielded strictly in
 * slice order. A record returned by two neighbouring slices is yielded once (the first copy); filters the API lacks
 * (status, campaign, reference, channel) are applied here. Query problems — including a `modifiedSince` older than
 * 48 hours — are `bad_request` errors before any request. Throws {@link RcsError}.
 *
 * @example
 * import { listRecords } from './list.js'
 * for await (const record of listRecords(deps, { from: '2015-01-06T00:00:00Z', to: '2015-01-07T00:00:00Z' })) {
 *   console.log(record.id, record.status)
 * }
 */
export async function* listRecords(deps: ListDeps, query: ListQuery): AsyncGenerator<RcsRecord> {
  const { api, config, logger } = deps
  const plan = planList(query, config, deps.clock.now())
  if (plan.empty) return
  const fetchSlice = async (slice: TimeSlice, signal: AbortSignal): Promise<unknown[]> => {
    const request = {
      start: slice.from,
      end: slice.to,
      ...(plan.modifiedSince === undefined ? {} : { modifiedSince: plan.modifiedSince }),
    }
    const result = await api.records(request, signal)()
    if (result._tag === 'Left') throw result.left
    return result.right
  }
  const seen = new SliceIds()
  const options = { ahead: config.concurrency, ...(query.signal === undefined ? {} : { signal: query.signal }) }
  let index = 0
  for await (const items of inOrderAhead(plan.slices, fetchSlice, options)) {
    index++
    logger.debug(`${PROVIDER}: slice fetched`, { slice: index, slices: plan.slices.length, records: items.length })
    seen.nextSlice()
    for (let i = 0; i < items.length; i++) {
      const item = items[i]
      // Let go of each payload as soon as it is read: the slice array would otherwise keep every payload of the
      // slice alive until its last record is yielded (and the next slice is fetched meanwhile), long enough for V8 to
      // move them all to the old generation, whose garbage grows the heap (the memory benchmark's peak).
      items[i] = undefined
      const normalized = deps.normalize(item)
      if (normalized._tag === 'Left') {
        reportInvalidRecord(query, logger, normalized.left)
        continue
      }
      const record = normalized.right
      if (seen.add(record.id) && matchesPlan(record, plan)) yield record
    }
  }
}

import type { Adapter, CallOptions, RcsClient, RcsError, RcsRecord } from '@rcs-records/core'
import { right } from '@rcs-records/core/kit'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'

/**
 * Where {@link resolveFallback} looks records up: an {@link RcsClient} (through `client.te.getMany`) or an adapter
 * instance (`adapter.create(…)`), or anything with the same `getMany`.
 *
 * @example
 * import type { RcsClient } from '@rcs-records/core'
 * import type { FallbackSource } from '@rcs-records/bsg'
 * const fromClient = (client: RcsClient): FallbackSource => client
 */
export type FallbackSource = Pick<Adapter, 'getMany'> | Pick<RcsClient, 'te'>

/**
 * The fallback messages of a record: the ones BSG returned (normalised, in the order of `fallback.ids`) and the ids
 * it does not know (the seed's placeholder id `0`, or a message older than the search window).
 *
 * @example
 * import type { FallbackResolution } from '@rcs-records/bsg'
 * const smsDelivered = (r: FallbackResolution) => r.records.some((sms) => sms.status === 'delivered')
 */
export interface FallbackResolution {
  records: RcsRecord[]
  missing: string[]
}

/** The fallback is sent after the RCS message was created; search from a day earlier to allow for zone mix-ups. */
const SEARCH_MARGIN_MS = 24 * 3_600_000

const getManyOf = (source: FallbackSource) =>
  'te' in source ? source.te.getMany : (source as Pick<Adapter, 'getMany'>).getMany

/**
 * Looks up the messages BSG sent on the alternative channel (`record.fallback.ids`, usually SMS) when the RCS
 * message could not be delivered, so you can see whether the fallback arrived. One `filter[id]` lookup per id (with
 * bounded concurrency), searching from a day before the record's `createdAt` (or `opts.from`; without either, the
 * configured look-back). A record without a fallback resolves to nothing, without a request.
 *
 * @example
 * import { createClient } from '@rcs-records/core'
 * import bsg, { resolveFallback } from '@rcs-records/bsg'
 * const client = createClient({ adapter: bsg, config: { apiKey: process.env.BSG_API_KEY } })
 * const record = await client.get('26130')
 * const result = await resolveFallback(client, record)()
 * if (result._tag === 'Right') console.log(result.right.records.map((sms) => sms.status))
 */
export const resolveFallback = (
  source: FallbackSource,
  record: RcsRecord,
  opts: CallOptions = {},
): TaskEither<RcsError, FallbackResolution> => {
  const ids = record.fallback?.ids ?? []
  if (ids.length === 0) return async () => right({ records: [], missing: [] })
  const createdAt = record.createdAt === null ? Number.NaN : Date.parse(record.createdAt)
  const from =
    opts.from ?? (Number.isFinite(createdAt) ? new Date(createdAt - SEARCH_MARGIN_MS).toISOString() : undefined)
  const callOptions: CallOptions = { ...opts, ...(from === undefined ? {} : { from }) }
  return getManyOf(source)(ids, callOptions)
}

import {
  type DeliveryStatus,
  type ListQuery,
  RcsError,
  type RcsRecord,
  splitTimeRange,
  type TimeSlice,
  toEpochMs,
} from '@rcs-records/core'
import type { Config } from './codec.js'
import { PROVIDER } from './normalize.js'

/**
 * How far back `modified_since` may reach: the API accepts only an instant within the past 48 hours.
 *
 * @example
 * import { MODIFIED_SINCE_LIMIT_MS } from '@rcs-records/spacivox'
 * MODIFIED_SINCE_LIMIT_MS // 172800000
 */
export const MODIFIED_SINCE_LIMIT_MS = 48 * 3_600_000

const HOUR_MS = 3_600_000

const badRequest = (message: string, details?: unknown) =>
  new RcsError({ kind: 'bad_request', provider: PROVIDER, message: `${PROVIDER}: ${message}`, details })

const hoursAgo = (ms: number): string => `${(ms / HOUR_MS).toFixed(1)} hours`

/**
 * The checked plan of a listing: its slices (in time order), `modified_since`, and the filters applied client-side.
 *
 * @example
 * import type { ListPlan } from './plan.js'
 * const requests = (plan: ListPlan) => plan.slices.length
 */
export interface ListPlan {
  slices: TimeSlice[]
  modifiedSince: number | undefined
  statuses: ReadonlySet<DeliveryStatus> | null
  campaign: string | undefined
  reference: string | undefined
  /** True when a filter rules out every record (a channel other than `rcs`): no request is needed. */
  empty: boolean
}

const checkModifiedSince = (value: ListQuery['modifiedSince'], now: number): number | undefined => {
  if (value === undefined) return undefined
  const ms = toEpochMs(value)
  if (ms === null) throw badRequest('`modifiedSince` must be a Date or an ISO-8601 timestamp')
  if (ms > now) {
    throw badRequest(
      `\`modifiedSince\` (${new Date(ms).toISOString()}) is in the future; it must lie within the past 48 hours`,
    )
  }
  if (ms < now - MODIFIED_SINCE_LIMIT_MS) {
    throw badRequest(
      `\`modifiedSince\` (${new Date(ms).toISOString()}) is ${hoursAgo(now - ms)} ago, but this API accepts only an ` +
        'instant within the past 48 hours (modified_since). To catch up after a longer gap, list the full window ' +
        'without modifiedSince (every record comes back in its latest state), then resume incremental syncs — ' +
        'syncIncrementally does this by itself.',
      { modifiedSince: new Date(ms).toISOString(), limitHours: 48 },
    )
  }
  return ms
}

const optionalText = (value: unknown, name: string): string | undefined => {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value === '') throw badRequest(`\`${name}\` must be a non-empty string`)
  return value
}

/**
 * Checks a query and plans its requests — before any request, so a bad query fails fast with `bad_request`:
 * `from` and `to` (default now) must be usable instants, `from` not after an explicit `to`; `modifiedSince` must lie within
 * the past 48 hours (by the adapter clock) and not in the future. The range is split into slices of
 * `config.sliceHours` (the last one ends at `to`, clamped to now). `pageSize` is ignored: the API has no pagination.
 *
 * @example
 * import { planList } from './plan.js'
 * planList({ from: '2015-01-01T00:00:00Z', to: '2015-01-11T00:00:00Z' }, config, Date.now()).slices.length // 10
 */
export const planList = (query: ListQuery, config: Pick<Config, 'sliceHours'>, now: number): ListPlan => {
  const from = toEpochMs(query.from)
  if (from === null) throw badRequest('`from` must be a Date or an ISO-8601 timestamp')
  const to = query.to === undefined ? now : toEpochMs(query.to)
  if (to === null) throw badRequest('`to` must be a Date or an ISO-8601 timestamp')
  // An explicit inverted range is a mistake; a `from` after now (with `to` defaulting to now) just has no records yet.
  if (query.to !== undefined && from > to) {
    throw badRequest(`\`from\` (${new Date(from).toISOString()}) is after \`to\` (${new Date(to).toISOString()})`)
  }
  const modifiedSince = checkModifiedSince(query.modifiedSince, now)
  const campaign = optionalText(query.campaign, 'campaign')
  const reference = optionalText(query.reference, 'reference')
  const status = query.status
  return {
    slices: splitTimeRange(from, to, { ms: Math.round(config.sliceHours * HOUR_MS) }, now),
    modifiedSince,
    statuses: status === undefined ? null : new Set(Array.isArray(status) ? status : [status]),
    campaign,
    reference,
    empty: query.channel !== undefined && query.channel !== 'rcs',
  }
}

/**
 * Whether a record passes the filters the API lacks (status, campaign, reference; every record is `rcs`).
 *
 * @example
 * import { matchesPlan } from './plan.js'
 * const wanted = records.filter((record) => matchesPlan(record, plan))
 */
export const matchesPlan = (record: RcsRecord, plan: ListPlan): boolean =>
  (plan.statuses === null || plan.statuses.has(record.status)) &&
  (plan.campaign === undefined || record.campaign === plan.campaign) &&
  (plan.reference === undefined || record.reference === plan.reference)

import type { ListQuery } from '@rcs-records/core'
import {
  badRequest,
  type CheckedListQuery,
  checkListQuery,
  splitTimeRange,
  type TimeSlice,
} from '@rcs-records/core/kit'
import type { Config } from './config.js'
import { PROVIDER } from './provider.js'

/**
 * How far back `modified_since` may reach: the API accepts only an instant within the past 48 hours.
 */
export const MODIFIED_SINCE_LIMIT_MS = 48 * 3_600_000

const HOUR_MS = 3_600_000

const hoursAgo = (ms: number): string => `${(ms / HOUR_MS).toFixed(1)} hours`

/**
 * The checked plan of a listing: its slices (in time order) and `modified_since`; core's list scaffolding applies
 * the filters the API lacks (status, campaign, reference, and `[from, to)` itself) from `checked`.
 */
export interface ListPlan {
  checked: CheckedListQuery
  slices: TimeSlice[]
  modifiedSince: number | undefined
  /** True when no record can match (a channel other than `rcs`, or nothing before now): no request is needed. */
  empty: boolean
}

const checkModifiedSince = (ms: number | undefined, now: number): number | undefined => {
  if (ms === undefined) return undefined
  if (ms > now) {
    throw badRequest(
      `\`modifiedSince\` (${new Date(ms).toISOString()}) is in the future; it must lie within the past 48 hours`,
      { provider: PROVIDER },
    )
  }
  if (ms < now - MODIFIED_SINCE_LIMIT_MS) {
    throw badRequest(
      `\`modifiedSince\` (${new Date(ms).toISOString()}) is ${hoursAgo(now - ms)} ago, but this API accepts only an ` +
        'instant within the past 48 hours (modified_since). To catch up after a longer gap, list the full window ' +
        'without modifiedSince (every record comes back in its latest state), then resume incremental syncs — ' +
        'syncIncrementally does this by itself.',
      { provider: PROVIDER, details: { modifiedSince: new Date(ms).toISOString(), limitHours: 48 } },
    )
  }
  return ms
}

/**
 * Checks a query and plans its requests — before any request, so a bad query fails fast with `bad_request`: core's
 * checks (see `checkListQuery`: dates, `[from, to)`, statuses, channel, page size), then `modifiedSince` within the
 * past 48 hours (by the adapter clock) and not in the future. The range is split into slices of `config.sliceHours`
 * (the last one ends at `to`, clamped to now). `pageSize` is ignored: the API has no pagination.
 */
export const planList = (query: ListQuery, config: Pick<Config, 'sliceHours'>, now: number): ListPlan => {
  const checked = checkListQuery(query, PROVIDER, now)
  const modifiedSince = checkModifiedSince(checked.modifiedSince, now)
  const slices = splitTimeRange(checked.from, checked.to, { ms: Math.round(config.sliceHours * HOUR_MS) }, now)
  return {
    checked,
    slices,
    modifiedSince,
    empty: checked.empty || slices.length === 0 || (checked.channel !== undefined && checked.channel !== 'rcs'),
  }
}

/** The shortest slice adaptive slicing makes: one second. */
const MIN_SLICE_MS = 1_000

/**
 * The length of the slices after one that lasted `lengthMs` and returned `records`, for about `target` records a
 * slice: shorter in proportion when it returned more than `target`; longer when it returned less than half of it (in
 * proportion, at most 4× a time); never shorter than a second nor longer than `maxMs`; otherwise `currentMs` (the
 * length in use) is kept.
 */
export const nextSliceLength = (slice: {
  lengthMs: number
  records: number
  currentMs: number
  target: number
  maxMs: number
}): number => {
  const { lengthMs, records, target, maxMs } = slice
  if (records > target) return Math.max(MIN_SLICE_MS, Math.min(maxMs, Math.floor((lengthMs * target) / records)))
  if (records * 2 < target) {
    const grown = records === 0 ? lengthMs * 4 : Math.min(lengthMs * 4, (lengthMs * target) / records)
    return Math.max(MIN_SLICE_MS, Math.min(maxMs, Math.floor(grown)))
  }
  return slice.currentMs
}

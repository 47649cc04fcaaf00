import type { ListQuery } from '../adapter/contract.js'
import { badRequest } from '../errors/bad-request.js'
import { describeValue } from '../errors/decode-error.js'
import type { RcsError } from '../errors/rcs-error.js'
import { type Channel, ChannelCodec } from '../model/channel.js'
import { type DeliveryStatus, DeliveryStatusCodec } from '../model/status.js'
import { toEpochMs } from '../time/parse.js'

/**
 * A {@link ListQuery} checked by {@link checkListQuery}: the values an adapter plans with, already read.
 *
 * @example
 * import { checkListQuery, type CheckedListQuery } from '@rcs-records/core/kit'
 * const checked: CheckedListQuery = checkListQuery({ from: '2026-01-01', status: 'read' }, 'acme', Date.now())
 * checked.statuses?.has('read') // true
 */
export interface CheckedListQuery {
  /** The query as given, with `from` and `to` as Dates (`to` is now when it was left out). */
  readonly query: ListQuery
  /** `[from, to)` in epoch ms. */
  readonly from: number
  readonly to: number
  /** The canonical statuses wanted, or null for all. */
  readonly statuses: ReadonlySet<DeliveryStatus> | null
  readonly channel: Channel | undefined
  readonly campaign: string | undefined
  readonly reference: string | undefined
  /** Epoch ms; whether and how far back it is allowed is the adapter's to say. */
  readonly modifiedSince: number | undefined
  /** A positive integer; the adapter clamps it to what its vendor allows. */
  readonly pageSize: number | undefined
  /** True when no record can match (a `from` at or after now with no `to`): nothing needs to be asked. */
  readonly empty: boolean
}

const invalid = (provider: string, field: string, expected: string, value: unknown): RcsError =>
  badRequest(`invalid list query: \`${field}\` must be ${expected} (got ${describeValue(value)})`, {
    provider,
    details: { field },
  })

const INSTANT = 'a Date or an ISO-8601 timestamp'
const STATUSES = 'a canonical status or a non-empty array of them'

/** The instant of a field, undefined when absent; a `bad_request` when unusable. */
const instantOf = (provider: string, field: string, value: unknown): number | undefined => {
  if (value === undefined) return undefined
  const ms = toEpochMs(value as Date | string | number)
  if (ms === null) throw invalid(provider, field, INSTANT, value)
  return ms
}

const textOf = (provider: string, field: string, value: unknown): string | undefined => {
  if (value === undefined || (typeof value === 'string' && value !== '')) return value
  throw invalid(provider, field, 'a non-empty string', value)
}

const statusesOf = (provider: string, value: unknown): ReadonlySet<DeliveryStatus> | null => {
  if (value === undefined) return null
  const list: unknown[] = Array.isArray(value) ? value : [value]
  if (list.length === 0) throw invalid(provider, 'status', STATUSES, value)
  for (const status of list) if (!DeliveryStatusCodec.is(status)) throw invalid(provider, 'status', STATUSES, status)
  return new Set(list as DeliveryStatus[])
}

/**
 * Checks a {@link ListQuery} the same way for every adapter, before any request — core's client does it once for
 * every `list`, and the list scaffolding (`listRecords`) reads its filter from the result. An unknown status or
 * channel, a `from`/`to`/`modifiedSince` that is not an instant, a `from` not before `to`, a `pageSize` that is not
 * a positive integer, an empty `campaign`/`reference` or an `onInvalid` that is not a function is a `bad_request`
 * naming the field: `<provider>: invalid list query: \`<field>\` must be … (got …)`, with `details.field`.
 * `to` defaults to `now`; a `from` at or after `now` with no `to` is no mistake, just a range with nothing in it yet
 * (`empty`). What only some vendors refuse (a `modifiedSince` too old, a campaign that is not a number) is the
 * adapter's to check.
 *
 * @example
 * import { checkListQuery } from '@rcs-records/core/kit'
 * const checked = checkListQuery({ from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }, 'bsg', Date.now())
 * checked.to - checked.from // 86400000
 * checkListQuery({ from: '2026-01-01', status: 'delivred' as never }, 'bsg', Date.now()) // throws bad_request
 */
export const checkListQuery = (query: unknown, provider: string, now: number): CheckedListQuery => {
  if (query === null || typeof query !== 'object' || Array.isArray(query)) {
    throw invalid(provider, 'query', 'an object with at least `from`', query)
  }
  const q = query as ListQuery
  const from = instantOf(provider, 'from', q.from ?? null) as number
  const given = instantOf(provider, 'to', q.to)
  if (given !== undefined && !(from < given)) {
    throw invalid(
      provider,
      'from',
      `before \`to\` (${new Date(given).toISOString()}): a listing is [from, to)`,
      new Date(from).toISOString(),
    )
  }
  const to = given ?? now
  const statuses = statusesOf(provider, q.status)
  if (q.channel !== undefined && !ChannelCodec.is(q.channel)) {
    throw invalid(provider, 'channel', 'rcs, sms, whatsapp, viber or other', q.channel)
  }
  const pageSize = q.pageSize
  if (pageSize !== undefined && !(Number.isSafeInteger(pageSize) && pageSize > 0)) {
    throw invalid(provider, 'pageSize', 'a positive integer', pageSize)
  }
  if (q.onInvalid !== undefined && typeof q.onInvalid !== 'function') {
    throw invalid(provider, 'onInvalid', 'a function', q.onInvalid)
  }
  if (q.strict !== undefined && typeof q.strict !== 'boolean') throw invalid(provider, 'strict', 'a boolean', q.strict)
  return {
    query: q.from instanceof Date && q.to instanceof Date ? q : { ...q, from: new Date(from), to: new Date(to) },
    from,
    to,
    statuses,
    channel: q.channel,
    campaign: textOf(provider, 'campaign', q.campaign),
    reference: textOf(provider, 'reference', q.reference),
    modifiedSince: instantOf(provider, 'modifiedSince', q.modifiedSince),
    pageSize,
    empty: !(from < to),
  }
}

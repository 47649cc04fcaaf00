import type { Channel } from '../model/channel.js'
import type { RcsRecord } from '../model/record.js'
import type { CheckedListQuery } from './check-query.js'

/**
 * Which of a record's times a listing selects on: its creation time (`createdAt`, the contract) wherever the record
 * has one. A vendor whose records have no creation time, or whose listing can only select by another, says which:
 * spacivox selects by the record's one `timestamp` (normalised as `updatedAt`), Twilio only by `DateSent` (`sentAt`).
 *
 * @example
 * import type { ListInstant } from '@rcs-records/core/kit'
 * const instant: ListInstant = 'createdAt'
 */
export type ListInstant = 'createdAt' | 'sentAt' | 'updatedAt'

/**
 * Options of {@link recordFilter}.
 *
 * @example
 * import type { RecordFilterOptions } from '@rcs-records/core/kit'
 * const options: RecordFilterOptions = { scopedChannel: 'rcs' }
 */
export interface RecordFilterOptions {
  /**
   * The channel the vendor scoped the listing to, when it does (partner-gateway's history is per channel). It
   * replaces the query's channel filter, and a record whose channel the vendor names in a way the adapter does not
   * know (`other`, raw kept) passes it: the vendor listed it on that channel, so dropping it would lose it silently.
   */
  scopedChannel?: Channel
  /** The time `[from, to)` applies to. Default `createdAt`. */
  instant?: ListInstant
  /**
   * True when that time is the record's latest change, which may come after the window the vendor selected the record
   * by (spacivox's `timestamp`): a record is then out only when its time is before `from` or exactly `to` — the
   * vendor's inclusive end, which would put it in two neighbouring listings — and a later time is kept, since
   * dropping it would lose a record that changed after its window. Default false.
   */
  latestChange?: boolean
}

/** The shape every canonical timestamp has: `YYYY-MM-DDTHH:mm:ss.sssZ`. */
const isCanonical = (text: string): boolean =>
  text.length === 24 &&
  text.charCodeAt(10) === 84 /* T */ &&
  text.charCodeAt(19) === 46 /* . */ &&
  text.charCodeAt(23) === 90 /* Z */

/** Years 0000–9999: the instants whose canonical text compares like the instant. */
const MIN_TEXT_MS = -62_167_219_200_000 // 0000-01-01T00:00:00.000Z
const MAX_TEXT_MS = 253_402_300_799_999 // 9999-12-31T23:59:59.999Z

/** `[from, to)` as canonical texts (an unbounded end beyond years 0000–9999). */
const textBounds = (from: number, to: number): { low: string; high: string } => ({
  low: from < MIN_TEXT_MS ? '' : new Date(from).toISOString(),
  high: to > MAX_TEXT_MS ? '\uffff' : new Date(to).toISOString(),
})

/**
 * The predicate of a listing's client-side filter: the record's status, channel, campaign and reference match the
 * query, and its `createdAt` (or the `instant` given) lies in `[from, to)`. A record whose time is null (the vendor
 * sent none, or an unusable one) passes the range: the vendor put it in this listing, and dropping it would lose it
 * for good, while yielding it in a neighbouring listing as well only repeats an observation (merging is idempotent).
 * Canonical timestamps are compared as text, which orders them exactly like the instants and costs no parsing.
 *
 * @example
 * import type { RcsRecord } from '@rcs-records/core'
 * import { checkListQuery, recordFilter } from '@rcs-records/core/kit'
 * declare const records: RcsRecord[]
 * const matches = recordFilter(checkListQuery({ from: '2026-01-01', to: '2026-01-02', status: 'read' }, 'x', Date.now()))
 * records.filter(matches)
 */
export const recordFilter = (
  checked: CheckedListQuery,
  options: RecordFilterOptions = {},
): ((record: RcsRecord) => boolean) => {
  const { statuses, campaign, reference } = checked
  const scoped = options.scopedChannel
  const channel = scoped ?? checked.channel
  const instant = options.instant ?? 'createdAt'
  const { from, to } = checked
  const { low, high } = textBounds(from, to)
  const latest = options.latestChange === true
  const inRange = (at: string | null): boolean => {
    if (at === null) return true
    if (isCanonical(at)) return at >= low && (latest ? at !== high : at < high)
    const ms = Date.parse(at)
    return Number.isNaN(ms) || (ms >= from && (latest ? ms !== to : ms < to))
  }
  // One predicate per record time, reading a named property (a keyed read of a variable field costs more per record).
  const inWindow: (record: RcsRecord) => boolean =
    instant === 'updatedAt'
      ? (record) => inRange(record.updatedAt)
      : instant === 'sentAt'
        ? (record) => inRange(record.sentAt)
        : (record) => inRange(record.createdAt)
  if (statuses === null && channel === undefined && campaign === undefined && reference === undefined) return inWindow
  return (record) =>
    inWindow(record) &&
    (statuses === null || statuses.has(record.status)) &&
    (channel === undefined || record.channel === channel || (scoped !== undefined && record.channel === 'other')) &&
    (campaign === undefined || record.campaign === campaign) &&
    (reference === undefined || record.reference === reference)
}

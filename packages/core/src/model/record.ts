import * as t from 'io-ts'
import { isDecimalString } from '../util/decimal.js'
import { type Channel, ChannelCodec } from './channel.js'
import { type FailureReason, FailureReasonCodec } from './reason.js'
import { type DeliveryStatus, DeliveryStatusCodec, isFailure, isFinal } from './status.js'

/**
 * Money as the vendor billed it; `amount` is a decimal string (never a float), e.g. `'0.0100000'`.
 *
 * @example
 * import type { Cost } from '@rcs-records/core'
 * const cost: Cost = { amount: '0.0100000', currency: 'UAH' }
 */
export interface Cost {
  amount: string
  currency: string
}

/**
 * A message sent on another channel because this one failed (e.g. the SMS sent when RCS could not be delivered).
 *
 * @example
 * import type { Fallback } from '@rcs-records/core'
 * const fallback: Fallback = { channel: 'sms', ids: ['889123'], parts: 1 }
 */
export interface Fallback {
  channel: Channel
  ids: string[]
  parts: number | null
}

/**
 * One message's delivery record, the same shape whatever the vendor.
 *
 * @example
 * import type { RcsRecord } from '@rcs-records/core'
 * const isDone = (r: RcsRecord) => r.final
 */
export interface RcsRecord {
  /** Adapter name: `'partner-gateway' | 'bsg' | 'spacivox'` or a custom one. */
  provider: string
  /** The vendor's id for this message/record, always a string. */
  id: string
  /** The sender's own reference, where the vendor has one. */
  reference: string | null
  channel: Channel
  /** E.164 with `+`, e.g. `'+380661234567'`. */
  recipient: string | null
  /** Agent / sender name. */
  sender: string | null
  campaign: string | null
  status: DeliveryStatus
  /** `isFinal(status)`. */
  final: boolean
  /** Set only on failure outcomes. */
  reason: FailureReason | null
  /** Exactly as the vendor sent it. */
  vendorStatus: string | number
  vendorDescription: string | null
  /** ISO-8601 UTC with milliseconds: `'2021-04-27T19:44:06.000Z'`. */
  createdAt: string | null
  sentAt: string | null
  deliveredAt: string | null
  readAt: string | null
  /** When the vendor last changed the status, if it says. */
  updatedAt: string | null
  cost: Cost | null
  fallback: Fallback | null
  /** Vendor fields with no canonical home (job, team, portal, type, source, content…). */
  extra: Record<string, unknown>
  /** The vendor payload as received (a reference, not a copy). */
  raw: unknown
}

const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** The canonical form of a real instant: `Date.parse` alone would accept `2021-02-30` (as March 2). */
const isCanonicalTimestamp = (s: string): boolean => {
  if (!ISO_UTC_MS.test(s)) return false
  const ms = Date.parse(s)
  return !Number.isNaN(ms) && new Date(ms).toISOString() === s
}

interface IsoTimestampBrand {
  readonly IsoTimestamp: unique symbol
}

/**
 * A string in the canonical timestamp form `YYYY-MM-DDTHH:mm:ss.sssZ` that is a real instant.
 */
export const IsoTimestampCodec = t.brand(
  t.string,
  (s): s is t.Branded<string, IsoTimestampBrand> => isCanonicalTimestamp(s),
  'IsoTimestamp',
)

interface DecimalStringBrand {
  readonly DecimalString: unique symbol
}

const DecimalStringCodec = t.brand(
  t.string,
  (s): s is t.Branded<string, DecimalStringBrand> => isDecimalString(s),
  'DecimalString',
)

const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null])
const timestamp = nullable(IsoTimestampCodec)

/**
 * io-ts codec of a stored {@link RcsRecord}, so records you persisted can be validated when read back.
 * It checks shapes and formats (statuses, channels, canonical ISO timestamps, decimal amounts), that `final` agrees
 * with the status, and that a `reason` is present only on a failure status.
 *
 * @example
 * import { RcsRecordCodec } from '@rcs-records/core'
 * import { isRight } from 'fp-ts/lib/Either.js'
 * const storedJson = '{"provider":"bsg","id":"42"}'
 * isRight(RcsRecordCodec.decode(JSON.parse(storedJson))) // false: not a whole record
 */
export const RcsRecordCodec: t.Type<RcsRecord, RcsRecord, unknown> = new t.Type<RcsRecord, RcsRecord, unknown>(
  'RcsRecord',
  (u): u is RcsRecord => StoredRecordShape.is(u) && invariantProblem(u) === null,
  (u, context) => {
    const result = StoredRecordShape.validate(u, context)
    if (result._tag === 'Left') return result
    const record = result.right
    const problem = invariantProblem(record)
    if (problem === null) return t.success(record as RcsRecord)
    const field = problem.startsWith('`final`') ? 'final' : 'reason'
    return t.failure(record[field], t.appendContext(context, field, t.unknown, record[field]), problem)
  },
  (record) => record,
)

const StoredRecordShape = t.type({
  provider: t.string,
  id: t.string,
  reference: nullable(t.string),
  channel: ChannelCodec,
  recipient: nullable(t.string),
  sender: nullable(t.string),
  campaign: nullable(t.string),
  status: DeliveryStatusCodec,
  final: t.boolean,
  reason: nullable(FailureReasonCodec),
  vendorStatus: t.union([t.string, t.number]),
  vendorDescription: nullable(t.string),
  createdAt: timestamp,
  sentAt: timestamp,
  deliveredAt: timestamp,
  readAt: timestamp,
  updatedAt: timestamp,
  cost: nullable(t.type({ amount: DecimalStringCodec, currency: t.string })),
  fallback: nullable(t.type({ channel: ChannelCodec, ids: t.array(t.string), parts: nullable(t.number) })),
  extra: t.UnknownRecord,
  raw: t.unknown,
})

/** What is wrong with a well-shaped record whose fields contradict each other, or null. */
const invariantProblem = (r: { status: DeliveryStatus; final: boolean; reason: unknown }): string | null => {
  if (isFinal(r.status) !== r.final) return '`final` must equal isFinal(status)'
  if (r.reason !== null && !isFailure(r.status)) return '`reason` must be null unless the status is a failure'
  return null
}

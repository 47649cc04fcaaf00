import fc from 'fast-check'
import {
  type Channel,
  DELIVERY_STATUSES,
  type DeliveryStatus,
  type FailureReason,
  type RcsRecord,
  type ReasonCode,
} from '../../src/index.js'
import { buildRecord } from '../../src/kit.js'

/** 2020-01-01 … 2030-01-01, whole milliseconds. */
const MIN_MS = Date.UTC(2020, 0, 1)
const MAX_MS = Date.UTC(2030, 0, 1)

/** An instant in epoch ms within the decade vendors' records come from. */
export const instantArb = fc.integer({ min: MIN_MS, max: MAX_MS })

/** A canonical timestamp (`2021-04-27T19:44:06.000Z`). */
export const isoArb = instantArb.map((ms) => new Date(ms).toISOString())

/** A canonical timestamp or null. */
export const isoOrNullArb = fc.option(isoArb, { nil: null })

export const statusArb: fc.Arbitrary<DeliveryStatus> = fc.constantFrom(...DELIVERY_STATUSES)

export const channelArb: fc.Arbitrary<Channel> = fc.constantFrom('rcs', 'sms', 'whatsapp', 'viber', 'other')

const REASON_CODES: readonly ReasonCode[] = [
  'invalid_recipient',
  'not_rcs_capable',
  'unreachable',
  'opted_out',
  'blocked',
  'content_rejected',
  'rate_limited',
  'timed_out',
  'provider_error',
  'unknown',
]

export const reasonArb: fc.Arbitrary<FailureReason> = fc.record({
  code: fc.constantFrom(...REASON_CODES),
  permanent: fc.option(fc.boolean(), { nil: null }),
  vendorCode: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
  message: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
})

/** A decimal string as vendors bill: digits, optionally a fraction, never an exponent. */
export const decimalArb = fc
  .tuple(fc.nat({ max: 99_999 }), fc.option(fc.stringMatching(/^\d{1,7}$/), { nil: null }))
  .map(([whole, fraction]) => (fraction === null ? String(whole) : `${whole}.${fraction}`))

const extraArb: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.constantFrom('job', 'team', 'portal', 'type', 'source', 'content', 'template'),
  fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null)),
  { maxKeys: 4 },
)

/** Options of {@link observationArb}: fix what makes several observations be about the same message. */
export interface ObservationOptions {
  provider?: string
  id?: string
  status?: fc.Arbitrary<DeliveryStatus>
  updatedAt?: fc.Arbitrary<string | null>
}

/**
 * One well-formed observation of a message, as an adapter builds it with `buildRecord`: any status, optional
 * fields present or null, a reason only where the status is a failure, `raw` a fresh object (so references tell
 * observations apart).
 */
export const observationArb = (options: ObservationOptions = {}): fc.Arbitrary<RcsRecord> =>
  fc
    .record({
      provider:
        options.provider === undefined
          ? fc.constantFrom('bsg', 'partner-gateway', 'spacivox')
          : fc.constant(options.provider),
      id: options.id === undefined ? fc.stringMatching(/^[0-9a-f]{1,12}$/) : fc.constant(options.id),
      reference: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: null }),
      channel: channelArb,
      recipient: fc.option(fc.stringMatching(/^\+[1-9]\d{6,14}$/), { nil: null }),
      sender: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: null }),
      campaign: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: null }),
      status: options.status ?? statusArb,
      reason: fc.option(reasonArb, { nil: null }),
      vendorStatus: fc.oneof(
        fc.constantFrom('SENT', 'DELIVERED', 'ERROR', 'read', 'failed'),
        fc.integer({ min: 0, max: 9 }),
      ),
      vendorDescription: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
      createdAt: isoOrNullArb,
      sentAt: isoOrNullArb,
      deliveredAt: isoOrNullArb,
      readAt: isoOrNullArb,
      updatedAt: options.updatedAt ?? isoOrNullArb,
      cost: fc.option(fc.record({ amount: decimalArb, currency: fc.constantFrom('UAH', 'EUR', 'USD') }), { nil: null }),
      fallback: fc.option(
        fc.record({
          channel: channelArb,
          ids: fc.array(fc.stringMatching(/^\d{1,8}$/), { maxLength: 3 }),
          parts: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        }),
        { nil: null },
      ),
      extra: extraArb,
      seq: fc.nat(),
    })
    .map(({ seq, ...init }) => buildRecord({ ...init, raw: { seq } }))

/** Any well-formed RcsRecord (any provider, id, status…). */
export const rcsRecordArb: fc.Arbitrary<RcsRecord> = observationArb()

/**
 * 2–`max` observations of the same message with distinct, non-null `updatedAt` values (the precondition of the
 * order-independence law).
 */
export const distinctlyTimedObservationsArb = (max = 5): fc.Arbitrary<RcsRecord[]> =>
  fc.uniqueArray(observationArb({ provider: 'bsg', id: '42', updatedAt: isoArb }), {
    minLength: 2,
    maxLength: max,
    selector: (record) => record.updatedAt,
  })

/** Every ordering of `items` (n! of them: keep n small). */
export const permutations = <T>(items: readonly T[]): T[][] => {
  if (items.length <= 1) return [items.slice()]
  const out: T[][] = []
  items.forEach((item, index) => {
    const rest = items.slice(0, index).concat(items.slice(index + 1))
    for (const tail of permutations(rest)) out.push([item, ...tail])
  })
  return out
}

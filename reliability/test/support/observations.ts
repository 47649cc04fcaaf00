import { normalize as bsgNormalize, parseWebhook as bsgParseWebhook } from '@rcs-records/bsg'
import type { RcsRecord } from '@rcs-records/core'
import { normalize as pgNormalize, parseWebhook as pgParseWebhook } from '@rcs-records/partner-gateway'
import type { Vendor } from '@rcs-records/simulator'
import { normalize as spacivoxNormalize } from '@rcs-records/spacivox'
import fc from 'fast-check'
import { BSG_RECORD, BSG_WEBHOOK, SPACIVOX_RECORD } from './fixtures.js'

const START = Date.parse('2024-03-01T00:00:00Z')
const SPAN_S = 30 * 86_400

/** An instant (whole seconds) within a month. */
const instantArb = fc.integer({ min: 0, max: SPAN_S }).map((s) => START + s * 1000)
const isoZ = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z')
const isoOffset = (ms: number) => new Date(ms + 3_600_000).toISOString().replace('.000Z', '+01:00')
const bsgLocal = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null })

const unwrap = (result: { _tag: 'Left' } | { _tag: 'Right'; right: RcsRecord }): RcsRecord => {
  if (result._tag === 'Left') throw new Error('a generated observation did not normalise')
  return result.right
}
const first = (result: { _tag: 'Left' } | { _tag: 'Right'; right: RcsRecord[] }): RcsRecord => {
  if (result._tag === 'Left' || result.right[0] === undefined) throw new Error('a generated callback gave no record')
  return result.right[0]
}

const PG_ID = 'order-12345'

/** partner-gateway observations of one message: history/status records and delivery-report callbacks. */
const pgObservationArb: fc.Arbitrary<RcsRecord> = fc.oneof(
  fc
    .record({
      status: fc.constantFrom('SENT', 'RECEIVED', 'DELIVERED', 'ERROR', 'EXPIRED', 'UNKNOWN', 'PENDING_RETRY'),
      description: maybe(fc.constantFrom('RCS disabled', 'invalid number', 'Message delivered', 'carrier rejection')),
      sent: instantArb,
      delivered: maybe(instantArb),
      cost: maybe(fc.constantFrom(0.035, 0.042, 0)),
    })
    .map((o) =>
      unwrap(
        pgNormalize({
          customerMessageId: PG_ID,
          deliveryStatus: o.status,
          deliveryStatusDescription: o.description,
          channel: 'RCS',
          destination: '+393401234567',
          sendDate: isoOffset(o.sent),
          deliveryDate: o.delivered === null ? null : isoOffset(o.delivered),
          cost: o.cost,
        }),
      ),
    ),
  fc
    .record({
      code: fc.constantFrom(3, 6, 1, 99),
      at: instantArb,
      description: fc.constantFrom('delivered', 'Not Delivered'),
    })
    .map((o) =>
      first(
        pgParseWebhook({
          eventType: 'DELIVERY',
          messageId: 'e766…',
          customerMessageId: PG_ID,
          destination: '+393401234567',
          statusCode: o.code,
          description: o.description,
          channel: 'RCS',
          timestamp: isoZ(o.at),
        }),
      ),
    ),
  instantArb.map((at) =>
    first(
      pgParseWebhook({
        eventType: 'READ',
        messageId: PG_ID,
        destination: '+393401234567',
        channel: 'RCS',
        timestamp: isoZ(at),
      }),
    ),
  ),
)

const BSG_STATUSES = [
  'scheduled',
  'moderation',
  'accepted',
  'sending',
  'sent',
  'delivered',
  'read',
  'expired',
  'failed',
  'undelivered',
  'unknown',
  'not_rcs_user',
  'archived',
]

/** BSG observations of one message: `/api/messages` records and status callbacks. */
const bsgObservationArb: fc.Arbitrary<RcsRecord> = fc.oneof(
  fc
    .record({
      status: fc.constantFrom(...BSG_STATUSES),
      created: instantArb,
      sent: maybe(instantArb),
      delivered: maybe(instantArb),
    })
    .map((o) =>
      unwrap(
        bsgNormalize({
          ...BSG_RECORD,
          status: o.status,
          amount: { value: '0.0100000', currency: 'UAH' },
          created_at: bsgLocal(o.created),
          sent_at: o.sent === null ? null : bsgLocal(o.sent),
          delivered_at: o.delivered === null ? null : bsgLocal(o.delivered),
        }),
      ),
    ),
  fc
    .record({ status: fc.constantFrom(...BSG_STATUSES), at: instantArb })
    .map((o) => first(bsgParseWebhook({ ...BSG_WEBHOOK, id: '26130', status: o.status, time_dr: bsgLocal(o.at) }))),
)

/** spacivox observations of one record (states 0–4, and undocumented ones). */
const spacivoxObservationArb: fc.Arbitrary<RcsRecord> = fc
  .record({ state: fc.constantFrom(0, 1, 2, 3, 4, 7, -1), at: instantArb })
  .map((o) =>
    unwrap(spacivoxNormalize({ ...SPACIVOX_RECORD, state: o.state, timestamp: new Date(o.at).toISOString() })),
  )

/** Observations of one message, made by the vendor's real normaliser (and callback parser, where it has one). */
export const OBSERVATIONS: Readonly<Record<Vendor, fc.Arbitrary<RcsRecord>>> = {
  'partner-gateway': pgObservationArb,
  bsg: bsgObservationArb,
  spacivox: spacivoxObservationArb,
}

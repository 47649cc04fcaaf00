import { arbitraryPayload } from '@rcs-records/testkit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalize, statusTable } from '../src/index.js'
import { DeliveryStatusResponseCodec, HistoryPageCodec, PartnerStatusCodec, pageItems } from '../src/payload.js'
import { STATUS_DELIVERED, STATUS_ITALIAN, STATUS_OVERVIEW, WRAPPED_HISTORY } from './fixtures.js'

/** Ids and statuses around the edges of what the decoder accepts. */
const edgy = fc.oneof(
  fc.string(),
  fc.constantFrom('', 'order-12345', 0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, null, true),
  fc.integer(),
  fc.double(),
)
const maybe = fc.option(edgy, { nil: undefined })

/** A status item whose id and status fields, in every spelling, are edge values or absent. */
const withEdges = fc
  .record({
    customerMessageId: maybe,
    messageId: maybe,
    deliveryStatus: maybe,
    deliveryStato: maybe,
    status: maybe,
  })
  .map((fields) => {
    const item: Record<string, unknown> = { ...STATUS_DELIVERED }
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) delete item[key]
      else item[key] = value
    }
    return item
  })

const samples = [STATUS_DELIVERED, STATUS_ITALIAN, STATUS_OVERVIEW, ...WRAPPED_HISTORY.messages]

describe('payload codecs agree with the hand-written decoders', () => {
  it('DeliveryStatusResponseCodec.is(x) exactly when normalize(x) is a record', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryPayload(samples), withEdges), (payload) => {
        expect(DeliveryStatusResponseCodec.is(payload)).toBe(normalize(payload)._tag === 'Right')
      }),
      { numRuns: 3000 },
    )
  })

  it('HistoryPageCodec.is(x) exactly when pageItems(x) is a list', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryPayload([WRAPPED_HISTORY, samples])), (body) => {
        expect(HistoryPageCodec.is(body)).toBe(pageItems(body)._tag === 'Right')
      }),
      { numRuns: 2000 },
    )
  })

  it('PartnerStatusCodec accepts exactly the statuses of statusTable', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...Object.keys(statusTable)), fc.string()), (status) => {
        expect(PartnerStatusCodec.is(status)).toBe(Object.hasOwn(statusTable, status))
      }),
    )
  })

  it('the documented examples pass their codecs', () => {
    expect(DeliveryStatusResponseCodec.is(STATUS_DELIVERED)).toBe(true)
    expect(DeliveryStatusResponseCodec.is(STATUS_ITALIAN)).toBe(true)
    expect(DeliveryStatusResponseCodec.is(STATUS_OVERVIEW)).toBe(false) // no id: only a lookup gives it one
    expect(HistoryPageCodec.is(WRAPPED_HISTORY)).toBe(true)
  })
})

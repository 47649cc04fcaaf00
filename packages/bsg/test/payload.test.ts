import { arbitraryPayload } from '@rcs-records/testkit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalize, parseWebhook, statusTable } from '../src/index.js'
import { BsgCallbackCodec, BsgMessageCodec, BsgStatusCodec } from '../src/payload.js'
import { CALLBACK_EXAMPLE, SEED_EXAMPLE, SPEC_CLICK_CALLBACK, SPEC_SINGLE, SPEC_STATUS_CALLBACK } from './fixtures.js'

/** Ids around the edges of what BSG ids are: digits, too many digits, negative, fractional, unsafe, not numbers. */
const edgyId = fc.oneof(
  fc.nat(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -0,
    '',
    '0',
    '007',
    '1'.repeat(20),
    '1'.repeat(21),
  ),
  fc.stringMatching(/^\d{1,22}$/),
  fc.string(),
)

/** A payload with the required fields replaced by edge values (or dropped). */
const withEdges = (sample: Record<string, unknown>) =>
  fc
    .record({
      id: fc.option(edgyId, { nil: undefined }),
      status: fc.option(fc.oneof(fc.string(), fc.integer()), { nil: undefined }),
    })
    .map(({ id, status }) => ({ ...sample, id, status }))

const messageSamples = [SEED_EXAMPLE.data[0], SPEC_SINGLE.data[0]]
const callbackSamples = [CALLBACK_EXAMPLE, SPEC_STATUS_CALLBACK, SPEC_CLICK_CALLBACK]

describe('payload codecs agree with the hand-written decoders', () => {
  it('BsgMessageCodec.is(x) exactly when normalize(x) is a record', () => {
    const payloads = fc.oneof(
      arbitraryPayload(messageSamples),
      withEdges(SPEC_SINGLE.data[0] as Record<string, unknown>),
    )
    fc.assert(
      fc.property(payloads, (payload) => {
        expect(BsgMessageCodec.is(payload)).toBe(normalize(payload)._tag === 'Right')
      }),
      { numRuns: 3000 },
    )
  })

  it('BsgCallbackCodec.is(x) exactly when parseWebhook(x) is one record (x not a JSON string nor a batch)', () => {
    const payloads = fc
      .oneof(arbitraryPayload(callbackSamples), withEdges(SPEC_STATUS_CALLBACK))
      .filter((payload) => typeof payload !== 'string' && !Array.isArray(payload))
    fc.assert(
      fc.property(payloads, (payload) => {
        const parsed = parseWebhook(payload)
        expect(BsgCallbackCodec.is(payload)).toBe(parsed._tag === 'Right' && parsed.right.length === 1)
      }),
      { numRuns: 3000 },
    )
  })

  it('BsgStatusCodec accepts exactly the statuses of statusTable', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...Object.keys(statusTable)), fc.string()), (status) => {
        expect(BsgStatusCodec.is(status)).toBe(Object.hasOwn(statusTable, status))
      }),
    )
  })

  it('the documented examples pass their codecs', () => {
    expect(BsgMessageCodec.is(SEED_EXAMPLE.data[0])).toBe(true)
    expect(BsgMessageCodec.is(SPEC_SINGLE.data[0])).toBe(true)
    expect(BsgCallbackCodec.is(CALLBACK_EXAMPLE)).toBe(true)
    expect(BsgCallbackCodec.is(SPEC_CLICK_CALLBACK)).toBe(false)
  })
})

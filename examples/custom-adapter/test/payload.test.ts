import { arbitraryPayload } from '@rcs-records/testkit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalize } from '../src/index.js'
import { TwilioMessageCodec } from '../src/payload.js'
import { DOCUMENTED_MESSAGE, QUEUED_MESSAGE, UNDELIVERED_RCS_MESSAGE } from './support/fixtures.js'

const edgy = fc.option(fc.oneof(fc.string(), fc.constantFrom('', 'SM1', 0, null, true), fc.integer()), {
  nil: undefined,
})

/** The documented message with `sid` and `status` replaced by edge values (or dropped). */
const withEdges = fc
  .record({ sid: edgy, status: edgy })
  .map(({ sid, status }) => ({ ...DOCUMENTED_MESSAGE, sid, status }))

describe('the payload codec agrees with the hand-written decoder', () => {
  it('TwilioMessageCodec.is(x) exactly when normalize(x) is a record', () => {
    const samples = [DOCUMENTED_MESSAGE, QUEUED_MESSAGE, UNDELIVERED_RCS_MESSAGE]
    fc.assert(
      fc.property(fc.oneof(arbitraryPayload(samples), withEdges), (payload) => {
        expect(TwilioMessageCodec.is(payload)).toBe(normalize(payload)._tag === 'Right')
      }),
      { numRuns: 3000 },
    )
  })

  it('the documented message passes it', () => {
    expect(TwilioMessageCodec.is(DOCUMENTED_MESSAGE)).toBe(true)
  })
})

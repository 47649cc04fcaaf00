import { arbitraryPayload } from '@rcs-records/testkit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalize } from '../src/index.js'
import { isDocumentedState } from '../src/mapping.js'
import { RecordsResponseCodec, SpacivoxRecordCodec, SpacivoxStateCodec } from '../src/payload.js'
import { item, SEED_RECORD } from './fixtures.js'

/** Ids and states around the edges of what the decoder accepts. */
const edgyValue = fc.oneof(
  fc.nat(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -0, '', '0', '1'.repeat(20), '1'.repeat(21)),
  fc.stringMatching(/^\d{1,22}$/),
  fc.string(),
  fc.constant(null),
  fc.boolean(),
)

const withEdges = fc
  .record({ id: fc.option(edgyValue, { nil: undefined }), state: fc.option(edgyValue, { nil: undefined }) })
  .map(({ id, state }) => item({ id, state }))

describe('payload codecs agree with the hand-written decoder', () => {
  it('SpacivoxRecordCodec.is(x) exactly when normalize(x) is a record', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryPayload([SEED_RECORD]), withEdges), (payload) => {
        expect(SpacivoxRecordCodec.is(payload)).toBe(normalize(payload)._tag === 'Right')
      }),
      { numRuns: 3000 },
    )
  })

  it('SpacivoxStateCodec accepts exactly the documented states', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(0, 1, 2, 3, 4), edgyValue), (state) => {
        expect(SpacivoxStateCodec.is(state)).toBe(isDocumentedState(state))
      }),
    )
  })

  it('the documented example passes, and the response is a bare array', () => {
    expect(SpacivoxRecordCodec.is(SEED_RECORD)).toBe(true)
    expect(RecordsResponseCodec.is([SEED_RECORD])).toBe(true)
    expect(RecordsResponseCodec.is({ data: [SEED_RECORD] })).toBe(false)
  })
})

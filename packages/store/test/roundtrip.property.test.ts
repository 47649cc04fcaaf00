import type { RcsRecord } from '@rcs-records/core'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { observationArb } from '../../core/test/helpers/arbitraries.js'
import type { RecordStore } from '../src/index.js'
import { ENGINES, openTestStore, uniqueProvider } from './helpers/databases.js'
import { fold } from './helpers/records.js'

/** Text with what PostgreSQL cannot hold as is: U+0000, unpaired surrogates, and any other code unit. */
const oddTextArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83d', '\u{1f600}', ''),
)

/** Any JSON data, with odd strings, odd keys, -0 and extreme numbers: what a vendor payload may carry. */
const rawArb: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(-0, 0, 1e21, 5e-324, Number.MAX_SAFE_INTEGER, -1.5),
    oddTextArb,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(oddTextArb, fc.constantFrom('__proto__', 'constructor', 'id')), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value

describe.each(ENGINES)('round trip on %s (fast-check)', (engine) => {
  let store: RecordStore & { dispose: () => Promise<void> }
  beforeAll(async () => {
    store = await openTestStore(engine)
  })
  afterAll(async () => {
    await store?.dispose()
  })

  it('get after apply equals the mergeRecords fold: every field, ms timestamps, decimals, odd raw payloads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            observationArb({ provider: 'p', id: 'x' }),
            fc.nat({ max: 2 }),
            fc.option(rawArb, { nil: undefined }),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        async (items) => {
          const provider = uniqueProvider('roundtrip')
          const observations = items.map(
            ([observation, id, raw]) => ({ ...observation, provider, id: `m${id}`, raw }) as RcsRecord,
          )
          // Applied in two calls, so both the insert and the merge-and-update paths run.
          const half = Math.ceil(observations.length / 2)
          await store.apply(observations.slice(0, half))
          await store.apply(observations.slice(half))
          for (const id of new Set(observations.map((o) => o.id))) {
            const expected = fold(observations.filter((o) => o.id === id))
            expect(await store.get(provider, id)).toEqual(expected)
          }
        },
      ),
      { numRuns: 80 },
    )
  })
})

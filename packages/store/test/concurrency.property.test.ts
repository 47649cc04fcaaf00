import type { RcsRecord } from '@rcs-records/core'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { distinctlyTimedObservationsArb } from '../../core/test/helpers/arbitraries.js'
import { openStore, type RecordStore } from '../src/index.js'
import { createTestDatabase, POSTGRES_URL } from './helpers/databases.js'
import { collect, fold } from './helpers/records.js'

/**
 * Several messages, each with 2–5 observations whose `updatedAt` values differ: the precondition under which core's
 * merge-law test proves `mergeRecords` order-independent, so every sequential fold of them — whatever order the
 * writers' transactions commit in — gives one result to compare with.
 */
const scenarioArb = fc
  .record({
    messages: fc.array(distinctlyTimedObservationsArb(5), { minLength: 1, maxLength: 6 }),
    writers: fc.constant(4),
    seed: fc.nat(),
  })
  .chain(({ messages, writers }) => {
    const observations = messages.flatMap((observations, index) =>
      observations.map((observation) => ({ ...observation, id: `m${index}` })),
    )
    return fc.record({
      observations: fc.constant(observations),
      // Which writer sends each observation, the order each writer sends in, and how it cuts its share into batches.
      owner: fc.array(fc.nat({ max: writers - 1 }), { minLength: observations.length, maxLength: observations.length }),
      order: fc.shuffledSubarray(
        observations.map((_, index) => index),
        { minLength: observations.length, maxLength: observations.length },
      ),
      batchSize: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: writers, maxLength: writers }),
    })
  })

describe.skipIf(POSTGRES_URL === undefined)('concurrent writers on PostgreSQL (fast-check)', () => {
  let stores: RecordStore[] = []
  let drop: () => Promise<void> = async () => {}
  beforeAll(async () => {
    const database = await createTestDatabase()
    drop = database.drop
    // Four stores, four pools: four connections writing at once. Opening them together also migrates once.
    stores = await Promise.all([0, 1, 2, 3].map(() => openStore(database.url, { pool: { max: 2 } })))
  })
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()))
    await drop()
  })

  let run = 0
  it('any interleaving of 4 writers ends equal to the sequential mergeRecords fold, with a change log in commit order', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ observations, owner, order, batchSize }) => {
        const provider = `concurrent-${++run}`
        const mine = observations.map((observation) => ({ ...observation, provider }) as RcsRecord)
        const start = (await collect((stores[0] as RecordStore).changes())).at(-1)?.cursor
        // A follower reads the feed while the writers run, resuming from its cursor each time, as an SMS-fallback
        // worker does. Were change numbers not in commit order it would step over a change still committing.
        let writing = true
        const followed: string[] = []
        const follower = (async () => {
          let cursor = start
          for (let done = false; !done; ) {
            done = !writing
            for await (const change of (stores[3] as RecordStore).changes({ after: cursor })) {
              cursor = change.cursor
              if (change.record.provider === provider) followed.push(change.cursor)
            }
          }
        })()
        await Promise.all(
          stores.map(async (store, writer) => {
            const share = order.filter((index) => owner[index] === writer).map((index) => mine[index] as RcsRecord)
            const size = batchSize[writer] as number
            for (let offset = 0; offset < share.length; offset += size) {
              await store.apply(share.slice(offset, offset + size), { source: `writer-${writer}` })
            }
          }),
        )
        writing = false
        await follower
        const ids = [...new Set(mine.map((observation) => observation.id))]
        const changes = (await collect((stores[1] as RecordStore).changes({ after: start }))).filter(
          (change) => change.record.provider === provider,
        )
        for (const id of ids) {
          const expected = fold(mine.filter((observation) => observation.id === id))
          const stored = await (stores[2] as RecordStore).get(provider, id)
          expect(stored).toEqual(expected)
          // The last change of a message is its stored state; changes only when something changed.
          const its = changes.filter((change) => change.record.id === id)
          expect(its.at(-1)?.record).toEqual(expected)
          for (let i = 1; i < its.length; i++) expect(its[i]?.record).not.toEqual(its[i - 1]?.record)
        }
        const cursors = changes.map((change) => BigInt(change.cursor))
        expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
        expect(new Set(cursors).size).toBe(cursors.length)
        expect(followed).toEqual(changes.map((change) => change.cursor))
      }),
      { numRuns: 60 },
    )
  })
})

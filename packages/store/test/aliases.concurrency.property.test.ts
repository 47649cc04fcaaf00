import type { RcsRecord } from '@rcs-records/core'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type RecordStore } from '../src/index.js'
import { aliasedMessagesArb, expectedRows } from './helpers/alias-scenarios.js'
import { createTestDatabase, POSTGRES_URL } from './helpers/databases.js'
import { collect } from './helpers/records.js'

/**
 * The concurrency property of `concurrency.property.test.ts`, with partner-gateway's two ids: observations keyed by
 * the vendor message id (READ), by the customer id with the message id (DELIVERY, teaching the alias) or without
 * it, shared out over 4 writers on 4 connections, each cutting its share into random batches. Whatever the
 * interleaving, each message ends as one record — the `mergeRecords` fold of all its observations — once an
 * observation taught its alias; the change log stays in commit order and is followed without a gap.
 */
const scenarioArb = fc.integer({ min: 0, max: 1_000_000 }).chain((salt) =>
  aliasedMessagesArb('partner-gateway', `c${salt}`).chain((messages) => {
    const observations = messages.flatMap((m) => m.observations)
    return fc.record({
      messages: fc.constant(messages),
      observations: fc.constant(observations),
      owner: fc.array(fc.nat({ max: 3 }), { minLength: observations.length, maxLength: observations.length }),
      order: fc.shuffledSubarray(
        observations.map((_, index) => index),
        { minLength: observations.length, maxLength: observations.length },
      ),
      batchSize: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 4, maxLength: 4 }),
    })
  }),
)

describe.skipIf(POSTGRES_URL === undefined)('concurrent writers with aliases on PostgreSQL (fast-check)', () => {
  let stores: RecordStore[] = []
  let drop: () => Promise<void> = async () => {}
  beforeAll(async () => {
    const database = await createTestDatabase()
    drop = database.drop
    stores = await Promise.all([0, 1, 2, 3].map(() => openStore(database.url, { pool: { max: 2 } })))
  })
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()))
    await drop()
  })

  let run = 0
  it('any interleaving of 4 writers ends equal to the fold, READs joined to their customerMessageId', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ messages, observations, owner, order, batchSize }) => {
        const tag = `run${++run}-`
        const rename = (id: string) => tag + id
        const renamedRecord = (o: RcsRecord): RcsRecord => ({
          ...o,
          id: rename(o.id),
          extra: typeof o.extra.messageId === 'string' ? { ...o.extra, messageId: rename(o.extra.messageId) } : o.extra,
        })
        const mine = observations.map(renamedRecord)
        const start = (await collect((stores[0] as RecordStore).changes())).at(-1)?.cursor
        let writing = true
        const followed: string[] = []
        const follower = (async () => {
          let cursor = start
          for (let done = false; !done; ) {
            done = !writing
            for await (const change of (stores[3] as RecordStore).changes({ after: cursor })) {
              cursor = change.cursor
              if (change.record.id.startsWith(tag)) followed.push(change.cursor)
            }
          }
        })()
        try {
          await Promise.all(
            stores.map(async (store, writer) => {
              const share = order.filter((index) => owner[index] === writer).map((index) => mine[index] as RcsRecord)
              const size = batchSize[writer] as number
              for (let offset = 0; offset < share.length; offset += size) {
                await store.apply(share.slice(offset, offset + size), { source: `writer-${writer}` })
              }
            }),
          )
        } finally {
          // A writer that fails must not leave the follower polling forever (it would starve the next runs).
          writing = false
          await follower
        }
        const changes = (await collect((stores[1] as RecordStore).changes({ after: start }))).filter((change) =>
          change.record.id.startsWith(tag),
        )
        for (const message of messages) {
          const renamed = {
            ...message,
            id: rename(message.id),
            alias: rename(message.alias),
            observations: message.observations.map(renamedRecord),
          }
          const expected = expectedRows(renamed)
          const rows = await (stores[2] as RecordStore).sql<{ id: string }>(
            'SELECT id FROM rcs_records WHERE provider = $1 AND id = ANY($2)',
            ['partner-gateway', [renamed.id, renamed.alias]],
          )
          const present = [expected.id && renamed.id, expected.alias && renamed.alias].filter(
            (id): id is string => typeof id === 'string',
          )
          expect(rows.map((row) => row.id).sort()).toEqual(present.sort())
          for (const [id, record] of [
            [renamed.id, expected.id],
            [renamed.alias, expected.alias],
          ] as const) {
            if (record === undefined) continue
            expect(await (stores[2] as RecordStore).get('partner-gateway', id)).toEqual(record)
            const its = changes.filter((change) => change.record.id === id)
            expect(its.at(-1)?.record).toEqual(record)
            for (let i = 1; i < its.length; i++) expect(its[i]?.record).not.toEqual(its[i - 1]?.record)
          }
        }
        const cursors = changes.map((change) => BigInt(change.cursor))
        expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
        expect(followed).toEqual(changes.map((change) => change.cursor))
      }),
      { numRuns: 60 },
    )
  })
})

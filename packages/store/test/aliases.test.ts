import type { RcsRecord } from '@rcs-records/core'
import { normalize, parseWebhook } from '@rcs-records/partner-gateway'
import fc from 'fast-check'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { PG_DELIVERY, PG_DELIVERY_EVENT_DATE, PG_READ } from './fixtures/callbacks.js'
import { aliasedMessagesArb, expectedRows } from './helpers/alias-scenarios.js'
import { ENGINES, openTestStore } from './helpers/databases.js'
import { collect, fold } from './helpers/records.js'

const PG = 'partner-gateway'

/** The records of one callback body, as the adapter parses it. */
const callback = (body: string | object): RcsRecord[] => {
  const result = parseWebhook(typeof body === 'string' ? body : JSON.stringify(body))
  if (result._tag === 'Left') throw result.left
  return result.right
}

/** A status-API answer (`DeliveryStatusResponse`), as the adapter normalises it. */
const polled = (payload: object): RcsRecord => {
  const result = normalize(payload)
  if (result._tag === 'Left') throw result.left
  return result.right
}

describe.each(ENGINES)('aliases: partner-gateway messageId ↔ customerMessageId (%s)', (engine) => {
  let store: Awaited<ReturnType<typeof openTestStore>>
  beforeAll(async () => {
    store = await openTestStore(engine)
  })
  afterAll(async () => {
    await store?.dispose()
  })
  beforeEach(async () => {
    await store.sql('DELETE FROM rcs_records')
    await store.sql('DELETE FROM rcs_aliases')
  })

  /** The ids stored rows are kept under (no alias resolution). */
  const storedIds = async (): Promise<string[]> =>
    (await store.sql<{ id: string }>('SELECT id FROM rcs_records WHERE provider = $1 ORDER BY id', [PG])).map(
      (row) => row.id,
    )

  it('a READ after its DELIVERY is applied to the record kept under customerMessageId', async () => {
    await store.apply(callback(PG_DELIVERY), { source: 'webhook' })
    const applied = await store.apply(callback(PG_READ), { source: 'webhook' })
    expect(applied).toEqual({ received: 1, inserted: 0, changed: 1, unchanged: 0 })
    expect(await storedIds()).toEqual(['order-12345'])
    const record = await store.get(PG, 'order-12345')
    expect(record).toMatchObject({
      id: 'order-12345',
      status: 'read',
      deliveredAt: '2026-04-09T10:30:00.000Z',
      readAt: '2026-04-09T10:31:15.000Z',
      recipient: '+393401234567',
    })
    expect(record).toEqual(
      fold([...callback(PG_DELIVERY), ...callback(PG_READ)].map((r) => ({ ...r, id: 'order-12345' }))),
    )
    // The vendor's message id finds the record too.
    expect(await store.get(PG, 'e766…')).toEqual(record)
  })

  it('a READ before its DELIVERY is kept under its messageId, then joined when the DELIVERY teaches the alias', async () => {
    await store.apply(callback(PG_READ), { source: 'webhook' })
    expect(await storedIds()).toEqual(['e766…'])
    expect((await store.get(PG, 'e766…'))?.status).toBe('read')
    const applied = await store.apply(callback(PG_DELIVERY), { source: 'webhook' })
    expect(applied.received).toBe(1)
    expect(await storedIds()).toEqual(['order-12345'])
    const record = await store.get(PG, 'order-12345')
    expect(record).toMatchObject({
      status: 'read',
      deliveredAt: '2026-04-09T10:30:00.000Z',
      readAt: '2026-04-09T10:31:15.000Z',
    })
    expect(record).toEqual(
      fold([...callback(PG_READ), ...callback(PG_DELIVERY)].map((r) => ({ ...r, id: 'order-12345' }))),
    )
    // The join is a change of the record, and the last change is its state.
    const changes = (await collect(store.changes())).filter((c) => c.record.id === 'order-12345')
    expect(changes.at(-1)?.record).toEqual(record)
    const [alias] = await store.sql<{ id: string; unjoined: boolean }>(
      'SELECT id, unjoined FROM rcs_aliases WHERE provider = $1 AND alias = $2',
      [PG, 'e766…'],
    )
    expect(alias).toEqual({ id: 'order-12345', unjoined: false })
  })

  it('joins when the alias arrives through a poll that carries both ids', async () => {
    await store.apply(callback(PG_READ), { source: 'webhook' })
    const poll = polled({
      customerMessageId: 'order-12345',
      messageId: 'e766…',
      deliveryStatus: 'DELIVERED',
      deliveryDate: '2026-04-09T10:30:00Z',
    })
    expect(poll.extra.messageId).toBe('e766…')
    await store.apply([poll], { source: 'poll' })
    expect(await storedIds()).toEqual(['order-12345'])
    expect((await store.get(PG, 'order-12345'))?.status).toBe('read')
  })

  it('a READ and its DELIVERY in one batch, in either order, make one record', async () => {
    await store.apply([...callback(PG_READ), ...callback(PG_DELIVERY)])
    expect(await storedIds()).toEqual(['order-12345'])
    await store.sql('DELETE FROM rcs_records')
    await store.sql('DELETE FROM rcs_aliases')
    await store.apply([...callback(PG_DELIVERY), ...callback(PG_READ)])
    expect(await storedIds()).toEqual(['order-12345'])
    expect((await store.get(PG, 'order-12345'))?.status).toBe('read')
  })

  it('a READ whose alias never comes stays visible under its messageId; a poll without messageId cannot join it', async () => {
    await store.apply(callback(PG_READ))
    await store.apply([polled({ customerMessageId: 'order-12345', deliveryStatus: 'DELIVERED' })])
    expect(await storedIds()).toEqual(['e766…', 'order-12345'])
    expect((await store.get(PG, 'e766…'))?.status).toBe('read')
    expect((await store.get(PG, 'order-12345'))?.status).toBe('delivered')
  })

  it('ids the platform assigned (customerMessageId = messageId, or messageId alone) need no alias', async () => {
    const both = { ...JSON.parse(PG_DELIVERY), messageId: 'uuid-7', customerMessageId: 'uuid-7' }
    await store.apply(callback(both))
    await store.apply(callback({ ...JSON.parse(PG_READ), messageId: 'uuid-7' }))
    // The documented DELIVERY that carries only a messageId, then its READ.
    await store.apply(callback(PG_DELIVERY_EVENT_DATE))
    await store.apply(callback({ ...JSON.parse(PG_READ), messageId: 'uuid' }))
    expect(await storedIds()).toEqual(['uuid', 'uuid-7'])
    expect((await store.get(PG, 'uuid-7'))?.status).toBe('read')
    expect((await store.get(PG, 'uuid'))?.status).toBe('read')
  })

  it('the first alias learned wins: a later record naming another id for the same messageId does not move it', async () => {
    await store.apply(callback({ ...JSON.parse(PG_DELIVERY), customerMessageId: 'order-A' }))
    await store.apply(callback({ ...JSON.parse(PG_DELIVERY), customerMessageId: 'order-B' }))
    await store.apply(callback(PG_READ))
    expect(await storedIds()).toEqual(['order-A', 'order-B'])
    expect((await store.get(PG, 'order-A'))?.status).toBe('read')
    expect((await store.get(PG, 'order-B'))?.status).toBe('delivered')
  })

  it('a re-sent DELIVERY after the join changes nothing, and the READ again changes nothing', async () => {
    await store.apply(callback(PG_READ))
    await store.apply(callback(PG_DELIVERY))
    const before = await store.get(PG, 'order-12345')
    expect(await store.apply([...callback(PG_DELIVERY), ...callback(PG_READ)])).toEqual({
      received: 2,
      inserted: 0,
      changed: 0,
      unchanged: 2,
    })
    expect(await store.get(PG, 'order-12345')).toEqual(before)
  })

  let run = 0
  it('any order and batching of aliased observations ends equal to the mergeRecords fold (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        aliasedMessagesArb(PG, 'p').chain((messages) => {
          const all = messages.flatMap((m) => m.observations)
          return fc.record({
            messages: fc.constant(messages),
            order: fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
            batchSize: fc.integer({ min: 1, max: 4 }),
          })
        }),
        async ({ messages, order, batchSize }) => {
          const prefix = `r${++run}`
          const rename = (id: string) => `${prefix}:${id}`
          const mine = order.map((o) => ({
            ...o,
            id: rename(o.id),
            extra:
              typeof o.extra.messageId === 'string' ? { ...o.extra, messageId: rename(o.extra.messageId) } : o.extra,
          }))
          for (let at = 0; at < mine.length; at += batchSize) await store.apply(mine.slice(at, at + batchSize))
          for (const message of messages) {
            const renamed = {
              ...message,
              id: rename(message.id),
              alias: rename(message.alias),
              observations: message.observations.map((o) => ({
                ...o,
                id: rename(o.id),
                extra:
                  typeof o.extra.messageId === 'string'
                    ? { ...o.extra, messageId: rename(o.extra.messageId) }
                    : o.extra,
              })),
            }
            const expected = expectedRows(renamed)
            const rows = await store.sql<{ id: string }>(
              'SELECT id FROM rcs_records WHERE provider = $1 AND id = ANY($2)',
              [PG, [renamed.id, renamed.alias]],
            )
            const ids = rows.map((row) => row.id).sort()
            expect(ids).toEqual([expected.id && renamed.id, expected.alias && renamed.alias].filter(Boolean).sort())
            if (expected.id !== undefined) expect(await store.get(PG, renamed.id)).toEqual(expected.id)
            if (expected.alias !== undefined) expect(await store.get(PG, renamed.alias)).toEqual(expected.alias)
          }
        },
      ),
      { numRuns: engine === 'pglite' ? 40 : 60 },
    )
  })
})

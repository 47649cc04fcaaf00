import { RcsError, type RcsRecord } from '@rcs-records/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RecordStore } from '../src/index.js'
import { ENGINES, openTestStore, POSTGRES_ONLY, uniqueProvider } from './helpers/databases.js'
import { collect, fold, record } from './helpers/records.js'

describe.each(ENGINES)('the store on %s', (engine) => {
  let store: RecordStore & { dispose: () => Promise<void> }
  beforeAll(async () => {
    store = await openTestStore(engine)
  })
  afterAll(async () => {
    await store?.dispose()
  })

  it('keeps every field of a record exactly, the odd ones included', async () => {
    const provider = uniqueProvider('exact')
    const records: RcsRecord[] = [
      record({
        provider,
        id: 'a',
        reference: 'ref "quoted" \\ back',
        recipient: '+380661234567',
        campaign: 'spring',
        vendorStatus: 'sent',
        createdAt: '0000-01-01T00:00:00.000Z',
        sentAt: '2021-04-27T19:44:06.001Z',
        updatedAt: '9999-12-31T23:59:59.999Z',
        cost: { amount: '007.0100000', currency: 'UAH' },
        fallback: { channel: 'sms', ids: ['a"b', 'c,d', '{x}', ''], parts: -0 },
        extra: { job: -0, nested: { deep: [1, 'two', null, true] }, 'weird key "': 'x' },
        raw: { nul: 'a\u0000b', lone: '\ud800', key: { '\u0000': 1 }, minusZero: -0, big: 1e21, tiny: 5e-324 },
      }),
      record({ provider, id: 'b', status: 'delivered', vendorStatus: Number.NaN, raw: 'a bare string' }),
      record({
        provider,
        id: 'c',
        status: 'read',
        vendorStatus: 4,
        raw: null,
        cost: { amount: '-0.00', currency: 'EUR' },
      }),
      record({
        provider,
        id: 'd',
        status: 'undeliverable',
        vendorStatus: 'ERROR',
        raw: undefined,
        reason: { code: 'not_rcs_capable', permanent: true, vendorCode: 'E42', message: 'RCS disabled' },
      }),
      record({ provider, id: 'e \u00e9\u{1f600}', raw: [[], {}, ''], extra: {} }),
    ]
    await store.apply(records)
    for (const expected of records) {
      const stored = await store.get(provider, expected.id)
      expect(stored).toEqual(fold([expected]))
      expect(Object.is((stored?.raw as { minusZero?: number } | undefined)?.minusZero, -0)).toBe(expected.id === 'a')
    }
    expect((await store.get(provider, 'b'))?.vendorStatus).toBeNaN()
    expect((await store.get(provider, 'a'))?.fallback?.parts).toBe(-0)
    expect(await store.get(provider, 'missing')).toBeUndefined()
  })

  it('merges observations with mergeRecords and counts what each did', async () => {
    const provider = uniqueProvider('merge')
    const sent = record({ provider, id: '1', status: 'sent', updatedAt: '2026-01-01T10:00:00.000Z' })
    const delivered = record({
      provider,
      id: '1',
      status: 'delivered',
      vendorStatus: 'DELIVERED',
      deliveredAt: '2026-01-01T10:01:00.000Z',
      updatedAt: '2026-01-01T10:01:00.000Z',
    })
    expect(await store.apply([sent])).toEqual({ received: 1, inserted: 1, changed: 0, unchanged: 0 })
    expect(await store.apply([delivered, sent, delivered])).toEqual({
      received: 3,
      inserted: 0,
      changed: 1,
      unchanged: 2,
    })
    expect(await store.get(provider, '1')).toEqual(fold([sent, delivered]))
    // A late, lower-ranked observation changes nothing and logs no change.
    const before = (await collect(store.changes())).filter((c) => c.record.provider === provider)
    expect(await store.apply([sent], { source: 'late-poll' })).toEqual({
      received: 1,
      inserted: 0,
      changed: 0,
      unchanged: 1,
    })
    const after = (await collect(store.changes())).filter((c) => c.record.provider === provider)
    expect(after).toEqual(before)
    expect(after.map((c) => c.record.status)).toEqual(['sent', 'delivered'])
  })

  it('applies an async iterable in batches, several observations of a message in one batch', async () => {
    const provider = uniqueProvider('async')
    async function* observations() {
      for (let i = 0; i < 2_500; i++)
        yield record({ provider, id: String(i % 1_000), status: i < 1_000 ? 'sent' : 'delivered' })
    }
    expect(await store.apply(observations())).toEqual({
      received: 2_500,
      inserted: 1_000,
      changed: 1_000,
      unchanged: 500,
    })
    expect(await store.count({ provider, status: 'delivered' })).toBe(1_000)
  })

  it('refuses a record that is not an RcsRecord with a decode error naming its path, writing nothing of its batch', async () => {
    const provider = uniqueProvider('refuse')
    const good = record({ provider, id: 'good' })
    const bad = { ...record({ provider, id: 'bad' }), status: 'delivered-ish' }
    const error = await store.apply([good, bad as unknown as RcsRecord]).catch((e: unknown) => e)
    expect(RcsError.is(error, 'decode')).toBe(true)
    expect((error as RcsError).message).toContain('1.status')
    expect((error as RcsError).details).toMatchObject({ issues: [{ path: '1.status' }] })
    expect(await store.get(provider, 'good')).toBeUndefined()

    const nul = record({ provider, id: 'nul', vendorDescription: 'bad \u0000 byte' })
    const textError = await store.apply([good, nul]).catch((e: unknown) => e)
    expect((textError as RcsError).kind).toBe('decode')
    expect((textError as RcsError).message).toContain('1.vendorDescription')
    const notJson = record({ provider, id: 'nan', raw: { value: Number.NaN } })
    expect(((await store.apply([notJson]).catch((e: unknown) => e)) as RcsError).message).toContain('0.raw.value')
    expect(await store.count({ provider })).toBe(0)
  })

  it('queries by provider, status, final, campaign, channel and [from, to) on createdAt, streamed in pages', async () => {
    const provider = uniqueProvider('query')
    const base = Date.parse('2026-03-01T00:00:00.000Z')
    const records = Array.from({ length: 1_234 }, (_, i) =>
      record({
        provider,
        id: `m${String(i).padStart(4, '0')}`,
        status: i % 3 === 0 ? 'delivered' : i % 3 === 1 ? 'sent' : 'undeliverable',
        vendorStatus: String(i % 3),
        campaign: i % 2 === 0 ? 'even' : null,
        channel: i % 5 === 0 ? 'sms' : 'rcs',
        // Two records per instant, in reverse id order, so the order by (createdAt, provider, id) is tested.
        createdAt: new Date(base + Math.floor((1_233 - i) / 2) * 60_000).toISOString(),
      }),
    )
    records.push(record({ provider, id: 'undated', createdAt: null }))
    await store.apply(records)
    const all = await collect(store.query({ provider }))
    expect(all).toHaveLength(1_235)
    const keys = all.map((r) => [r.createdAt ?? '~', r.id] as const)
    expect(keys).toEqual([...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1)))
    expect(all.at(-1)?.id).toBe('undated')

    const from = new Date(base + 100 * 60_000).toISOString()
    const to = new Date(base + 200 * 60_000).toISOString()
    const window = await collect(store.query({ provider, from, to }))
    expect(window).toHaveLength(200)
    expect(window.every((r) => (r.createdAt as string) >= from && (r.createdAt as string) < to)).toBe(true)

    const expectCount = async (query: Parameters<RecordStore['count']>[0], predicate: (r: RcsRecord) => boolean) => {
      const expected = records.filter(predicate).length
      expect(await store.count(query)).toBe(expected)
      expect(await collect(store.query(query))).toHaveLength(expected)
    }
    await expectCount({ provider, status: 'sent' }, (r) => r.status === 'sent')
    await expectCount({ provider, status: ['sent', 'delivered'] }, (r) => r.status !== 'undeliverable')
    await expectCount({ provider, final: false }, (r) => !r.final)
    await expectCount(
      { provider, campaign: 'even', channel: 'sms' },
      (r) => r.campaign === 'even' && r.channel === 'sms',
    )
    await expectCount(
      { provider: [provider, 'nobody'], final: true, from },
      (r) => r.final && r.createdAt !== null && r.createdAt >= from,
    )

    const funnel = await store.funnel({ provider })
    expect(funnel.map((row) => [row.campaign, row.total])).toEqual([
      ['even', 617],
      [null, 618],
    ])
    expect(funnel[0]?.statuses).toMatchObject({ delivered: 206, sent: 205, undeliverable: 206, read: 0 })
    const perProvider = await store.funnel({ provider }, { groupBy: 'provider' })
    expect(perProvider).toEqual([
      expect.objectContaining({
        provider,
        campaign: null,
        total: 1_235,
        statuses: expect.objectContaining({ sent: 412 }),
      }),
    ])

    for (const bad of [{ status: 'nope' }, { from: 'yesterday' }, { from: to, to: from }, { channel: 'fax' }]) {
      await expect(store.count(bad as never)).rejects.toThrow(/store: query: .*`(status|from|channel)`/)
    }
  })

  it('gives every change in commit order with a resumable cursor, and saves checkpoints with the records', async () => {
    const provider = uniqueProvider('changes')
    const start = await collect(store.changes())
    const after = start.at(-1)?.cursor
    await store.apply([record({ provider, id: '1' }), record({ provider, id: '2' })], { source: 'first' })
    await store.apply([record({ provider, id: '1', status: 'delivered', vendorStatus: 'DELIVERED' })], {
      source: 'second',
      checkpoint: { key: `${provider}:cp`, value: 'until-2' },
    })
    const changes = await collect(store.changes({ after }))
    expect(changes.map((c) => [c.record.id, c.record.status, c.source])).toEqual([
      ['1', 'sent', 'first'],
      ['2', 'sent', 'first'],
      ['1', 'delivered', 'second'],
    ])
    const cursors = changes.map((c) => BigInt(c.cursor))
    expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : 1)))
    expect(await collect(store.changes({ after: changes[0]?.cursor, limit: 1 }))).toEqual([changes[1]])
    expect(await collect(store.changes({ after: changes[2]?.cursor }))).toEqual([])
    expect(await store.checkpoint(`${provider}:cp`)).toBe('until-2')
    expect(await store.checkpoint(`${provider}:none`)).toBeNull()
    await expect(collect(store.changes({ after: 'x; DROP TABLE' }))).rejects.toThrow(/not a cursor/)
  })
})

describe.skipIf(POSTGRES_ONLY)('a closed store', () => {
  it('refuses every call', async () => {
    const store = await openTestStore('pglite')
    await store.close()
    await expect(store.get('a', 'b')).rejects.toThrow(/closed/)
    await store.close()
  })
})

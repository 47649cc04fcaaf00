import { RcsError } from '@rcs-records/core'
import nock from 'nock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryStore, type SyncCheckpoint, syncIncrementally } from '../src/index.js'
import { BASE, HOUR, item, makeClient, manualClock, rejection } from './fixtures.js'

const T0 = Date.parse('2015-01-20T12:00:00Z')
const START = '2015-01-19T00:00:00Z'

/** A tiny stand-in for the vendor: records with a send time, a state and when it last changed. */
const vendor = () => {
  const records = new Map<number, { sentAt: number; state: number; modifiedAt: number }>()
  const queries: Record<string, string>[] = []
  nock(BASE)
    .get('/j/rcs_records')
    .query(true)
    .times(1000)
    .reply((uri) => {
      const params = Object.fromEntries(new URL(uri, BASE).searchParams)
      queries.push(params)
      const start = Date.parse(params.start as string)
      const end = Date.parse(params.end as string)
      const since = params.modified_since === undefined ? null : Date.parse(params.modified_since)
      const body = [...records.entries()]
        .filter(([, r]) => r.sentAt >= start && r.sentAt < end && (since === null || r.modifiedAt > since))
        .map(([id, r]) => item({ id, state: r.state, timestamp: new Date(r.modifiedAt).toISOString() }))
      return [200, body]
    })
  const set = (id: number, sentAt: number, state: number, modifiedAt: number) =>
    records.set(id, { sentAt, state, modifiedAt })
  return { set, queries }
}

beforeEach(() => {
  nock.disableNetConnect()
})
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

describe('syncIncrementally', () => {
  it('picks up sent → delivered → read across runs, re-reading only what changed', async () => {
    const api = vendor()
    const clock = manualClock(T0)
    const client = makeClient({}, { clock })
    const store = createMemoryStore()
    const sent1 = Date.parse('2015-01-19T10:00:00Z')
    const sent2 = Date.parse('2015-01-20T09:00:00Z')
    api.set(1, sent1, 0, sent1)
    api.set(2, sent2, 0, sent2)

    // Run 1: no checkpoint → a full listing from `start`.
    const first = await syncIncrementally({ client, store, checkpoint: null, start: START, now: clock.now() })
    expect(first.mode).toBe('full')
    expect(first.checkpoint).toEqual({ syncedAt: '2015-01-20T12:00:00.000Z' })
    expect(first.changed.map((r) => [r.id, r.status])).toEqual([
      ['1', 'sent'],
      ['2', 'sent'],
    ])
    expect(api.queries).toEqual([
      { start: '2015-01-19T00:00:00Z', end: '2015-01-20T00:00:00Z' },
      { start: '2015-01-20T00:00:00Z', end: '2015-01-20T12:00:00Z' },
    ])

    // Run 2: record 1 delivered → only modified records are read, with modified_since.
    api.queries.length = 0
    clock.set(T0 + HOUR)
    api.set(1, sent1, 1, T0 + 30 * 60_000)
    const second = await syncIncrementally({
      client,
      store,
      checkpoint: first.checkpoint,
      start: START,
      now: clock.now(),
    })
    expect(second.mode).toBe('incremental')
    expect(api.queries.map((q) => q.modified_since)).toEqual(['2015-01-20T11:55:00Z', '2015-01-20T11:55:00Z'])
    expect(second.seen).toBe(1)
    expect(second.changed.map((r) => [r.id, r.status, r.deliveredAt])).toEqual([
      ['1', 'delivered', '2015-01-20T12:30:00.000Z'],
    ])

    // Run 3: record 1 read; the merged record keeps the delivery time and gains the read time.
    clock.set(T0 + 2 * HOUR)
    api.set(1, sent1, 4, T0 + 90 * 60_000)
    const third = await syncIncrementally({
      client,
      store,
      checkpoint: second.checkpoint,
      start: START,
      now: clock.now(),
    })
    expect(third.changed.map((r) => r.id)).toEqual(['1'])
    expect(store.records.get('1')).toMatchObject({
      status: 'read',
      final: true,
      deliveredAt: '2015-01-20T12:30:00.000Z',
      readAt: '2015-01-20T13:30:00.000Z',
      sentAt: '2015-01-19T10:00:00.000Z',
    })
    expect(store.records.get('2')?.status).toBe('sent')

    // Run 4: nothing changed at the vendor → nothing changed in the store.
    clock.set(T0 + 3 * HOUR)
    const fourth = await syncIncrementally({
      client,
      store,
      checkpoint: third.checkpoint,
      start: START,
      now: clock.now(),
    })
    expect(fourth).toMatchObject({ mode: 'incremental', seen: 0, changed: [] })
  })

  it('never lets a stale observation move a record backwards', async () => {
    const api = vendor()
    const clock = manualClock(T0)
    const client = makeClient({}, { clock })
    const sent = Date.parse('2015-01-20T08:00:00Z')
    api.set(7, sent, 4, T0 - HOUR)
    const store = createMemoryStore()
    const first = await syncIncrementally({ client, store, checkpoint: null, start: START, now: T0 })
    api.set(7, sent, 0, T0 + 10 * 60_000)
    clock.set(T0 + HOUR)
    const second = await syncIncrementally({
      client,
      store,
      checkpoint: first.checkpoint,
      start: START,
      now: clock.now(),
    })
    expect(second.seen).toBe(1)
    expect(store.records.get('7')).toMatchObject({
      status: 'read',
      vendorStatus: 4,
      readAt: '2015-01-20T11:00:00.000Z',
    })
    expect(second.changed.every((record) => record.status === 'read')).toBe(true)
  })

  it('falls back to a full listing (no modified_since) when the checkpoint is older than the API allows', async () => {
    const api = vendor()
    const now = T0 + 3 * 24 * HOUR
    const client = makeClient({}, { clock: manualClock(now) })
    const checkpoint: SyncCheckpoint = { syncedAt: new Date(T0).toISOString() }
    const result = await syncIncrementally({ client, store: createMemoryStore(), checkpoint, start: START, now })
    expect(result.mode).toBe('full')
    expect(api.queries.every((q) => q.modified_since === undefined)).toBe(true)
    // From 48 hours (the default lookback) before the checkpoint, never before `start`.
    expect(api.queries[0]?.start).toBe('2015-01-19T00:00:00Z')
    expect(api.queries.at(-1)?.end).toBe('2015-01-23T12:00:00Z')
    expect(result.checkpoint.syncedAt).toBe('2015-01-23T12:00:00.000Z')
  })

  it('lists from lookbackMs before the checkpoint', async () => {
    const api = vendor()
    const now = T0 + HOUR
    const client = makeClient({}, { clock: manualClock(now) })
    const checkpoint = { syncedAt: new Date(T0).toISOString() }
    await syncIncrementally({
      client,
      store: createMemoryStore(),
      checkpoint,
      start: '2015-01-01T00:00:00Z',
      now,
      lookbackMs: 6 * HOUR,
    })
    expect(api.queries).toEqual([
      { start: '2015-01-20T06:00:00Z', end: '2015-01-20T13:00:00Z', modified_since: '2015-01-20T11:55:00Z' },
    ])
  })

  it('keeps the checkpoint when the listing fails, and refuses unusable options', async () => {
    nock(BASE).get('/j/rcs_records').query(true).reply(403, 'Forbidden')
    const client = makeClient({}, { clock: manualClock(T0) })
    const error = await rejection(
      syncIncrementally({
        client,
        store: createMemoryStore(),
        checkpoint: null,
        start: '2015-01-20T00:00:00Z',
        now: T0,
      }),
    )
    expect(RcsError.is(error, 'auth')).toBe(true)
    const bad = await rejection(
      syncIncrementally({
        client,
        store: createMemoryStore(),
        checkpoint: { syncedAt: 'never' },
        start: START,
        now: T0,
      }),
    )
    expect(RcsError.is(bad, 'bad_request')).toBe(true)
  })
})

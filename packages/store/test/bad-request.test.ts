import { type RcsClient, RcsError } from '@rcs-records/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type RecordStore, syncToStore } from '../src/index.js'
import { POSTGRES_ONLY } from './helpers/databases.js'

/** How the store reports a call it cannot do as asked: one shape for the store, its queries and `syncToStore`. */
const refusal = async (work: () => Promise<unknown>) => {
  const error = await work().then(
    () => null,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(RcsError)
  const { kind, message, provider, details, retryable } = error as RcsError
  return { kind, message, provider, details, retryable }
}

const badRequest = (message: string) => ({
  kind: 'bad_request',
  message,
  provider: null,
  details: null,
  retryable: false,
})

// The checks run before any SQL, the same on either engine: PGlite in memory only (skipped on the PostgreSQL-only run).
describe.skipIf(POSTGRES_ONLY)('bad_request errors of the store', () => {
  let store: RecordStore
  beforeAll(async () => {
    store = await openStore('memory://')
  })
  afterAll(async () => {
    await store?.close()
  })

  it('start with store: and carry no provider or details', async () => {
    expect(await refusal(() => store.apply(null as never))).toEqual(
      badRequest('store: apply: `records` must be an iterable of records'),
    )
    expect(await refusal(() => store.apply([], { source: 42 as never }))).toEqual(
      badRequest('store: `source` must be a string'),
    )
  })

  it('name the query for a query that cannot run', async () => {
    expect(await refusal(() => store.count({ channel: 'fax' } as never))).toEqual(
      badRequest('store: query: unknown `channel` "fax"'),
    )
    expect(await refusal(() => store.count({ from: 'yesterday' } as never))).toEqual(
      badRequest('store: query: `from` must be a Date or an ISO-8601 timestamp'),
    )
  })

  it('name syncToStore for options it cannot use, before calling the client', async () => {
    const client = {} as RcsClient
    expect(await refusal(() => syncToStore(client, store, { from: 'yesterday' }))).toEqual(
      badRequest('store: syncToStore: `from` must be a Date or an ISO-8601 timestamp'),
    )
    expect(await refusal(() => syncToStore(client, store, { from: '2026-01-01T00:00:00Z', sliceMs: 0 }))).toEqual(
      badRequest('store: syncToStore: `sliceMs` must be a positive number'),
    )
  })

  it('say which store is closed', async () => {
    const closed = await openStore('memory://')
    await closed.close()
    expect(await refusal(() => closed.get('bsg', '1'))).toEqual(badRequest('store: memory:// is closed'))
  })
})

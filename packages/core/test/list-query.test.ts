import { describe, expect, it } from 'vitest'
import { createClient, type ListQuery, type RcsError, type RcsRecord, silentLogger } from '../src/index.js'
import { fakeAdapter, record, validConfig } from './helpers/fake-adapter.js'
import { fakeClock } from './helpers/fake-clock.js'

const NOW = Date.parse('2026-01-10T00:00:00Z')

/** A client whose adapter records every query it receives (and yields one record). */
const recordingClient = () => {
  const received: ListQuery[] = []
  const fake = fakeAdapter({
    list: async function* (query) {
      received.push(query)
      yield record('1', 'sent', { createdAt: '2026-01-01T12:00:00.000Z' })
    },
  })
  const client = createClient({
    adapter: fake.definition,
    config: validConfig(),
    logger: silentLogger,
    clock: fakeClock(NOW),
  })
  return { client, received }
}

const drain = async (records: AsyncIterable<RcsRecord>): Promise<RcsRecord[]> => {
  const out: RcsRecord[] = []
  for await (const r of records) out.push(r)
  return out
}

const rejection = async (promise: Promise<unknown>): Promise<RcsError> => {
  try {
    await promise
  } catch (error) {
    return error as RcsError
  }
  throw new Error('expected a rejection')
}

const base = { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }

describe('createClient.list checks the ListQuery once, before the adapter is asked', () => {
  const bad: Array<[string, string, Partial<Record<keyof ListQuery, unknown>>]> = [
    ['a misspelt status', 'status', { status: 'delivred' }],
    ['a misspelt status among good ones', 'status', { status: ['delivered', 'delivred'] }],
    ['an empty status list', 'status', { status: [] }],
    ['an unknown channel', 'channel', { channel: 'telegram' }],
    ['a `from` that is not a date', 'from', { from: 'yesterday' }],
    ['an Invalid Date `from`', 'from', { from: new Date(Number.NaN) }],
    ['a missing `from`', 'from', { from: undefined }],
    ['a `to` that is not a date', 'to', { to: '2026-13-45' }],
    ['`from` after `to`', 'from', { from: '2026-01-03T00:00:00Z' }],
    ['`from` equal to `to`', 'from', { from: base.to }],
    ['a zero pageSize', 'pageSize', { pageSize: 0 }],
    ['a negative pageSize', 'pageSize', { pageSize: -5 }],
    ['a fractional pageSize', 'pageSize', { pageSize: 2.5 }],
    ['a NaN pageSize', 'pageSize', { pageSize: Number.NaN }],
    ['a pageSize given as text', 'pageSize', { pageSize: '20' }],
    ['a modifiedSince that is not a date', 'modifiedSince', { modifiedSince: 'lately' }],
    ['a campaign that is not a string', 'campaign', { campaign: 42 }],
    ['an empty reference', 'reference', { reference: '' }],
    ['an onInvalid that is not a function', 'onInvalid', { onInvalid: 'log it' }],
  ]
  for (const [label, field, change] of bad) {
    it(`${label} is a bad_request naming \`${field}\``, async () => {
      const { client, received } = recordingClient()
      const error = await rejection(drain(client.list({ ...base, ...change } as ListQuery)))
      expect(error).toMatchObject({ name: 'RcsError', kind: 'bad_request', provider: 'fake' })
      expect(error.message).toMatch(new RegExp(`^fake: invalid list query: \`${field}\` `))
      expect(error.details).toMatchObject({ field })
      expect(received).toEqual([])
    })
  }

  it('a query that is not an object is a bad_request', async () => {
    const { client, received } = recordingClient()
    const error = await rejection(drain(client.list(null as never)))
    expect(error.kind).toBe('bad_request')
    expect(received).toEqual([])
  })

  it('passes the adapter the query with `from` and `to` as Dates (`to` defaults to the client clock)', async () => {
    const { client, received } = recordingClient()
    const onInvalid = () => {}
    await drain(client.list({ from: '2026-01-01', status: 'delivered', pageSize: 50, onInvalid }))
    expect(received).toHaveLength(1)
    const query = received[0] as ListQuery
    expect(query.from).toEqual(new Date('2026-01-01T00:00:00Z'))
    expect(query.to).toEqual(new Date(NOW))
    expect(query).toMatchObject({ status: 'delivered', pageSize: 50 })
    // onInvalid is the caller's, wrapped so a reported error is scrubbed of the client's secrets first.
    expect(typeof query.onInvalid).toBe('function')
  })

  it('a `from` at or after now with no `to` is an empty listing, without asking the adapter', async () => {
    const { client, received } = recordingClient()
    expect(await drain(client.list({ from: new Date(NOW) }))).toEqual([])
    expect(await drain(client.list({ from: new Date(NOW + 60_000) }))).toEqual([])
    expect(received).toEqual([])
  })

  it('accepts every canonical status and channel, epoch-ms numbers and date-only strings', async () => {
    const { client, received } = recordingClient()
    await drain(client.list({ from: '2026-01-01', to: '2026-01-02', status: 'unknown', channel: 'other' }))
    await drain(client.list({ from: Date.parse(base.from) as never, to: new Date(base.to), pageSize: 1 }))
    expect(received).toHaveLength(2)
  })
})

import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { type ListQuery, type RcsError, type RcsRecord, silentLogger } from '../src/index.js'
import {
  buildRecord,
  checkListQuery,
  decodeError,
  type ListProgress,
  left,
  listRecords,
  recordFilter,
  right,
} from '../src/kit.js'

const NOW = Date.parse('2026-01-10T00:00:00Z')
const FROM = '2026-01-01T00:00:00.000Z'
const TO = '2026-01-02T00:00:00.000Z'

const rec = (id: string, fields: Partial<RcsRecord> = {}): RcsRecord => ({
  ...buildRecord({ provider: 'acme', id, status: 'sent', vendorStatus: 'sent', raw: { id } }),
  createdAt: '2026-01-01T12:00:00.000Z',
  ...fields,
})

const checked = (query: Partial<ListQuery> = {}) => checkListQuery({ from: FROM, to: TO, ...query }, 'acme', NOW)

/** A payload → record normaliser for plain test items: `{ id, ...fields }`, or a decode error without an id. */
const normalize = (payload: unknown) => {
  const item = payload as { id?: string } & Partial<RcsRecord>
  if (typeof item?.id !== 'string')
    return left(decodeError('acme', payload, [{ path: 'id', expected: 'string', actual: 'undefined' }]))
  return right(rec(item.id, item))
}

const drain = async (records: AsyncIterable<RcsRecord>): Promise<string[]> => {
  const ids: string[] = []
  for await (const record of records) ids.push(record.id)
  return ids
}

async function* pagesOf(...pages: unknown[][]): AsyncGenerator<unknown[]> {
  yield* pages
}

describe('recordFilter: [from, to) on the record time, and the query filters', () => {
  const matches = recordFilter(checked())

  it('keeps `from` itself and drops `to` itself, to the millisecond', () => {
    expect(matches(rec('a', { createdAt: FROM }))).toBe(true)
    expect(matches(rec('b', { createdAt: '2026-01-01T23:59:59.999Z' }))).toBe(true)
    expect(matches(rec('c', { createdAt: TO }))).toBe(false)
    expect(matches(rec('d', { createdAt: '2025-12-31T23:59:59.999Z' }))).toBe(false)
  })

  it('keeps a record without a usable time (the vendor listed it here; dropping it would lose it)', () => {
    expect(matches(rec('a', { createdAt: null }))).toBe(true)
    expect(matches(rec('b', { createdAt: 'not a time' }))).toBe(true)
  })

  it('reads a time in another ISO-8601 form by its instant', () => {
    expect(matches(rec('a', { createdAt: '2026-01-02T01:00:00+02:00' }))).toBe(true)
    expect(matches(rec('b', { createdAt: '2026-01-02T00:00:00Z' }))).toBe(false)
  })

  it('compares canonical texts exactly as the instants (property)', () => {
    const span = Date.parse(TO) - Date.parse(FROM)
    fc.assert(
      fc.property(fc.integer({ min: -span, max: 2 * span }), (offset) => {
        const at = Date.parse(FROM) + offset
        const createdAt = new Date(at).toISOString()
        expect(matches(rec('x', { createdAt }))).toBe(at >= Date.parse(FROM) && at < Date.parse(TO))
      }),
    )
  })

  it('applies status, channel, campaign and reference', () => {
    const only = recordFilter(checked({ status: ['read', 'expired'], channel: 'sms', campaign: 'c1', reference: 'r' }))
    const good = rec('a', { status: 'read', channel: 'sms', campaign: 'c1', reference: 'r' })
    expect(only(good)).toBe(true)
    expect(only({ ...good, status: 'sent' })).toBe(false)
    expect(only({ ...good, channel: 'rcs' })).toBe(false)
    expect(only({ ...good, campaign: 'c2' })).toBe(false)
    expect(only({ ...good, reference: null })).toBe(false)
  })

  it('a channel the vendor scoped the listing to replaces the query channel and lets `other` through', () => {
    const scoped = recordFilter(checked(), { scopedChannel: 'rcs' })
    expect(scoped(rec('a', { channel: 'rcs' }))).toBe(true)
    expect(scoped(rec('b', { channel: 'other' }))).toBe(true)
    expect(scoped(rec('c', { channel: 'sms' }))).toBe(false)
    expect(recordFilter(checked({ channel: 'rcs' }))(rec('d', { channel: 'other' }))).toBe(false)
  })

  it('selects on another time when the vendor lists by it', () => {
    const byUpdate = recordFilter(checked(), { instant: 'updatedAt' })
    expect(byUpdate(rec('a', { createdAt: null, updatedAt: TO }))).toBe(false)
    expect(byUpdate(rec('b', { createdAt: '2020-01-01T00:00:00.000Z', updatedAt: FROM }))).toBe(true)
  })
})

describe('listRecords: the list scaffolding', () => {
  it('normalises, drops duplicates across pages, filters, and yields in order', async () => {
    const records = listRecords(
      checked({ status: 'sent' }),
      () =>
        pagesOf(
          [{ id: '1' }, { id: '2' }, { id: '3', status: 'read' }],
          [{ id: '2' }, { id: '4', createdAt: TO }, { id: '5' }],
        ),
      { logger: silentLogger, normalize },
    )
    expect(await drain(records)).toEqual(['1', '2', '5'])
  })

  it('skips a record that fails to decode and reports it to onInvalid, or throws it with strict', async () => {
    const invalid: RcsError[] = []
    const pages = () => pagesOf([{ id: '1' }, { nope: true }, { id: '2' }])
    const opts = { logger: silentLogger, normalize }
    expect(await drain(listRecords(checked({ onInvalid: (e) => invalid.push(e) }), pages, opts))).toEqual(['1', '2'])
    expect(invalid.map((e) => [e.kind, (e.details as { raw: unknown }).raw])).toEqual([['decode', { nope: true }]])
    await expect(drain(listRecords(checked({ strict: true }), pages, opts))).rejects.toMatchObject({ kind: 'decode' })
    const warn = vi.fn()
    await drain(listRecords(checked(), pages, { ...opts, logger: { ...silentLogger, warn } }))
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('counts what it read, page by page, for the paging model to see', async () => {
    const seenBetween: ListProgress[] = []
    async function* pages(progress: Readonly<ListProgress>) {
      yield [{ id: '1' }, { bad: 1 }]
      seenBetween.push({ ...progress })
      yield [{ id: '1' }, { id: '2', createdAt: TO }]
      seenBetween.push({ ...progress })
    }
    await drain(listRecords(checked(), pages, { logger: silentLogger, normalize }))
    expect(seenBetween).toEqual([
      { pages: 1, items: 2, invalid: 1, duplicates: 0, yielded: 1 },
      { pages: 2, items: 4, invalid: 1, duplicates: 1, yielded: 1 },
    ])
  })

  it('with `release`, empties each page as it reads it', async () => {
    const page: unknown[] = [{ id: '1' }, { id: '2' }]
    const held: unknown[][] = []
    for await (const record of listRecords(checked(), () => pagesOf(page), {
      logger: silentLogger,
      normalize,
      release: true,
    })) {
      held.push([...page])
      void record
    }
    expect(held).toEqual([
      [undefined, { id: '2' }],
      [undefined, undefined],
    ])
  })

  it('an empty query (a `from` after now, no `to`) asks for no page', async () => {
    const pages = vi.fn(() => pagesOf([{ id: '1' }]))
    const empty = checkListQuery({ from: new Date(NOW + 1) }, 'acme', NOW)
    expect(await drain(listRecords(empty, pages, { logger: silentLogger, normalize }))).toEqual([])
    expect(pages).not.toHaveBeenCalled()
  })
})

describe('recordFilter with latestChange (a time that may come after the window, spacivox)', () => {
  const matches = recordFilter(checked(), { instant: 'updatedAt', latestChange: true })

  it('drops only a time before `from` or exactly at `to` (the vendor inclusive end); keeps a later one', () => {
    expect(matches(rec('a', { updatedAt: FROM }))).toBe(true)
    expect(matches(rec('b', { updatedAt: TO }))).toBe(false)
    expect(matches(rec('c', { updatedAt: '2026-01-02T00:00:00Z' }))).toBe(false)
    expect(matches(rec('d', { updatedAt: '2026-01-05T10:00:00.000Z' }))).toBe(true)
    expect(matches(rec('e', { updatedAt: '2025-12-31T23:59:59.999Z' }))).toBe(false)
  })
})

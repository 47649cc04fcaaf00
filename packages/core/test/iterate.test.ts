import { describe, expect, it, type Mock, vi } from 'vitest'
import { type Logger, RcsError } from '../src/index.js'
import {
  decodeError,
  fetchAhead,
  type ListProgress,
  paginateByOffset,
  paginateByPage,
  RecentIds,
  reportInvalidRecord,
} from '../src/kit.js'

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

describe('RecentIds', () => {
  it('tells first sightings from repeats', () => {
    const seen = new RecentIds(10)
    expect(seen.add('a')).toBe(true)
    expect(seen.add('a')).toBe(false)
    expect(seen.add('b')).toBe(true)
  })

  it('remembers an id for at least `capacity` further ids, and forgets it eventually (bounded memory)', () => {
    const capacity = 4
    const seen = new RecentIds(capacity)
    seen.add('target')
    for (let i = 0; i < capacity; i++) seen.add(`other-${i}`)
    expect(seen.add('target')).toBe(false)

    const forgetful = new RecentIds(capacity)
    forgetful.add('target')
    for (let i = 0; i < 3 * capacity; i++) forgetful.add(`other-${i}`)
    expect(forgetful.add('target')).toBe(true)
  })

  it('holds at most 2 × capacity ids whatever it sees', () => {
    const seen = new RecentIds(100)
    for (let i = 0; i < 10_000; i++) seen.add(String(i))
    const sizes = seen as unknown as { current: Set<string>; previous: Set<string> }
    expect(sizes.current.size + sizes.previous.size).toBeLessThanOrEqual(200)
  })
})

describe('paginateByPage', () => {
  it('walks pages from firstPage until an empty page (a short page is not the end), yielding each page', async () => {
    const asked: number[] = []
    const pages: Record<number, string[]> = { 1: ['a', 'b'], 2: ['c'], 3: ['d', 'e'] }
    const items = await collect(
      paginateByPage({
        firstPage: 1,
        pageSize: 2,
        maxPages: 10,
        provider: 'x',
        fetchPage: async (page) => {
          asked.push(page)
          return pages[page] ?? []
        },
      }),
    )
    expect(items).toEqual([['a', 'b'], ['c'], ['d', 'e']])
    expect(asked).toEqual([1, 2, 3, 4])
  })

  it('starts at 0 by default and stops on an empty page', async () => {
    const asked: number[] = []
    const items = await collect(
      paginateByPage({
        pageSize: 2,
        maxPages: 10,
        provider: 'x',
        fetchPage: async (page) => {
          asked.push(page)
          return page === 0 ? [1, 2] : []
        },
      }),
    )
    expect(items).toEqual([[1, 2]])
    expect(asked).toEqual([0, 1])
  })

  it('asks for the page size the vendor served on the first page when it served fewer than asked', async () => {
    const asked: Array<[number, number]> = []
    const data = Array.from({ length: 12 }, (_, i) => i)
    const items = await collect(
      paginateByPage({
        pageSize: 10,
        maxPages: 10,
        provider: 'x',
        fetchPage: async (page, size) => {
          asked.push([page, size])
          const served = Math.min(size, 5)
          return data.slice(page * served, page * served + served)
        },
      }),
    )
    expect(items.flat()).toEqual(data)
    expect(asked).toEqual([
      [0, 10],
      [1, 5],
      [2, 5],
      [3, 5],
    ])
  })

  it('throws a provider RcsError when the vendor never sends an empty page', async () => {
    let calls = 0
    const run = collect(
      paginateByPage({
        pageSize: 2,
        maxPages: 5,
        provider: 'pg',
        fetchPage: async () => {
          calls++
          return [calls * 2, calls * 2 + 1]
        },
      }),
    )
    const error = await run.catch((e: unknown) => e)
    expect(RcsError.is(error, 'provider')).toBe(true)
    expect((error as RcsError).retryable).toBe(false)
    expect((error as RcsError).message).toMatch(
      /^pg: the vendor returned 5 pages of up to 2 records without an empty page/,
    )
    expect(calls).toBe(5)
  })

  it('with the listing progress, stops after `staleLimit` pages in a row that brought nothing new', async () => {
    const progress: ListProgress = { pages: 0, items: 0, invalid: 0, duplicates: 0, yielded: 0 }
    let calls = 0
    const error = await (async () => {
      for await (const page of paginateByPage({
        pageSize: 2,
        maxPages: 100,
        provider: 'pg',
        progress,
        fetchPage: async () => {
          calls++
          return ['same', 'page']
        },
      })) {
        // What listRecords does: the first sight is new, every later one a duplicate.
        if (calls > 1) progress.duplicates += page.length
      }
    })().catch((e: unknown) => e)
    expect((error as RcsError).message).toMatch(/3 pages in a row \(up to page 3\) with no record not already seen/)
    expect(calls).toBe(4)
  })

  it('with the listing progress, a short page of records all seen already ends the walk (a repeated last page)', async () => {
    const progress: ListProgress = { pages: 0, items: 0, invalid: 0, duplicates: 0, yielded: 0 }
    const asked: number[] = []
    const pages = [['a', 'b'], ['c']]
    for await (const page of paginateByPage({
      pageSize: 2,
      maxPages: 100,
      provider: 'pg',
      progress,
      fetchPage: async (index) => {
        asked.push(index)
        return pages[Math.min(index, pages.length - 1)] as string[]
      },
    })) {
      if (asked.length > 2) progress.duplicates += page.length
    }
    expect(asked).toEqual([0, 1, 2])
  })

  it('passes a fetch failure through', async () => {
    const failure = new RcsError({ kind: 'auth', message: 'no' })
    const run = collect(
      paginateByPage({ pageSize: 2, maxPages: 5, provider: 'x', fetchPage: () => Promise.reject(failure) }),
    )
    await expect(run).rejects.toBe(failure)
  })
})

describe('paginateByOffset', () => {
  it('walks offsets until offset + limit reaches the total, re-reading the total from every page', async () => {
    const data = ['a', 'b', 'c', 'd', 'e']
    const asked: number[] = []
    const progress: Array<{ fetched: number; total: number }> = []
    const items = await collect(
      paginateByOffset({
        limit: 2,
        maxPages: 10,
        provider: 'bsg',
        fetchPage: async (offset, limit) => {
          asked.push(offset)
          // a record is appended while paging: the total grows after the first page
          if (offset === 2) data.push('f')
          return { items: data.slice(offset, offset + limit), total: data.length }
        },
        onPage: (p) => progress.push(p),
      }),
    )
    expect(items).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ])
    expect(asked).toEqual([0, 2, 4])
    expect(progress).toEqual([
      { fetched: 2, total: 5 },
      { fetched: 4, total: 6 },
      { fetched: 6, total: 6 },
    ])
  })

  it('stops on an empty page even if the total says more', async () => {
    const asked: number[] = []
    const items = await collect(
      paginateByOffset({
        limit: 2,
        maxPages: 10,
        provider: 'bsg',
        fetchPage: async (offset) => {
          asked.push(offset)
          return { items: offset === 0 ? [1, 2] : [], total: 100 }
        },
      }),
    )
    expect(items).toEqual([[1, 2]])
    expect(asked).toEqual([0, 2])
  })

  it('with concurrency, asks for the next page as soon as one arrives, while fewer than `concurrency` wait', async () => {
    const asked: number[] = []
    const pages = paginateByOffset({
      limit: 1,
      maxPages: 100,
      provider: 'bsg',
      concurrency: 2,
      fetchPage: async (offset) => {
        asked.push(offset)
        return { items: [offset], total: 10 }
      },
    })
    const seen: number[] = []
    let whileHolding: number[] = []
    for await (const items of pages) {
      seen.push(...items)
      if (items[0] !== 1) continue
      // The consumer is slow with page 1: 2 was in flight; 3 starts when 2 arrives (1 waiting), 4 when 3 does (still
      // in flight then), and no more once 2 wait. One after the other, only page 2 would have been asked meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 20))
      whileHolding = [...asked]
    }
    expect(whileHolding).toEqual([0, 1, 2, 3, 4])
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(asked).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('fetchAhead slide: a `next` that throws once a task has settled fails the walk in order', async () => {
    let calls = 0
    const next = () => {
      calls++
      if (calls > 2) throw new Error('next failed')
      return async () => calls
    }
    const seen: number[] = []
    const walk = (async () => {
      for await (const value of fetchAhead(next, { ahead: 2, slide: true })) seen.push(value)
    })()
    await expect(walk).rejects.toThrow('next failed')
    expect(seen.length).toBe(2)
  })

  it('asks once for an empty listing', async () => {
    const fetchPage = vi.fn(async () => ({ items: [], total: 0 }))
    expect(await collect(paginateByOffset({ limit: 50, maxPages: 10, provider: 'bsg', fetchPage }))).toEqual([])
    expect(fetchPage).toHaveBeenCalledTimes(1)
  })

  it('throws a provider RcsError past maxPages', async () => {
    let calls = 0
    const error = await collect(
      paginateByOffset({
        limit: 1,
        maxPages: 3,
        provider: 'bsg',
        fetchPage: async (offset) => {
          calls++
          return { items: [offset], total: Number.MAX_SAFE_INTEGER }
        },
      }),
    ).catch((e: unknown) => e)
    expect(RcsError.is(error, 'provider')).toBe(true)
    expect(calls).toBe(3)
  })
})

describe('reportInvalidRecord', () => {
  const error = decodeError('bsg', { id: 26130, status: 7 }, [
    { path: 'data.3.status', expected: 'string', actual: '7' },
  ])
  const logger = (): Logger & { warn: Mock<Logger['warn']> } => ({
    debug: vi.fn(),
    info: vi.fn(),
    warn: vi.fn<Logger['warn']>(),
    error: vi.fn(),
  })

  it('throws the decode error when strict', () => {
    const log = logger()
    expect(() => reportInvalidRecord({ strict: true, onInvalid: vi.fn() }, log, error)).toThrow(error)
    expect(log.warn).not.toHaveBeenCalled()
  })

  it('hands the error to onInvalid instead of logging', () => {
    const log = logger()
    const onInvalid = vi.fn()
    reportInvalidRecord({ onInvalid }, log, error)
    expect(onInvalid).toHaveBeenCalledWith(error)
    expect(log.warn).not.toHaveBeenCalled()
  })

  it('by default warns through the logger with the path and the id', () => {
    const log = logger()
    reportInvalidRecord({}, log, error)
    expect(log.warn).toHaveBeenCalledTimes(1)
    expect(log.warn).toHaveBeenCalledWith('skipped a record that failed to decode', {
      provider: 'bsg',
      id: '26130',
      paths: ['data.3.status'],
      message: error.message,
    })
  })

  it('copes with an error that has no decode details', () => {
    const log = logger()
    reportInvalidRecord({ strict: false }, log, new RcsError({ kind: 'decode', message: 'x' }))
    expect(log.warn.mock.calls[0]?.[1]).toMatchObject({ id: null, paths: [] })
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reportInvalidRecord } from '../src/adapter/invalid-record.js'
import { type RcsError, type RcsRecord, silentLogger } from '../src/index.js'
import {
  buildRecord,
  type CheckedListQuery,
  checkListQuery,
  decodeError,
  type ListProgress,
  type ListRecordsOptions,
  left,
  listRecords,
  RecentIds,
  recordFilter,
  right,
} from '../src/kit.js'

// `listRecords` is a hand-written async iterator; it must behave as the `async function*` it replaced, call for call.
// The reference below is that generator, verbatim: random call sequences (sequential and concurrent `next`, `return`
// and `throw`, over pages that fail, hold bad items, or fail to close) must give both the same results, in the same
// order, with the same calls on the pages.

async function* referenceListRecords(
  checked: CheckedListQuery,
  pages: (progress: Readonly<ListProgress>) => AsyncIterable<readonly unknown[]>,
  options: ListRecordsOptions,
): AsyncGenerator<RcsRecord> {
  if (checked.empty) return
  const { logger, normalize } = options
  const query = checked.query
  const seen = options.seen ?? new RecentIds(1000)
  const release = options.release === true
  const matches = recordFilter(checked, options)
  const progress: ListProgress = { pages: 0, items: 0, invalid: 0, duplicates: 0, yielded: 0 }
  for await (const page of pages(progress)) {
    progress.pages++
    const length = page.length
    progress.items += length
    const owned = page as unknown[]
    for (let i = 0; i < length; i++) {
      const item = page[i]
      if (release) owned[i] = undefined
      const normalized = normalize(item)
      if (normalized._tag === 'Left') {
        progress.invalid++
        reportInvalidRecord(query, logger, normalized.left)
        continue
      }
      const record = normalized.right
      if (!seen.add(record.id)) {
        progress.duplicates++
        continue
      }
      if (!matches(record)) continue
      progress.yielded++
      yield record
    }
  }
}

const NOW = Date.parse('2026-01-10T00:00:00Z')
const FROM = '2026-01-01T00:00:00.000Z'
const TO = '2026-01-02T00:00:00.000Z'

/** Items: an id (a record), `bad` (fails to decode), `late` (outside the window: filtered out). */
type Item = string | 'bad' | 'late'

const normalize = (payload: unknown) => {
  const item = payload as { id?: string; late?: boolean }
  if (typeof item?.id !== 'string')
    return left(decodeError('acme', payload, [{ path: 'id', expected: 'string', actual: 'undefined' }]))
  const record = buildRecord({ provider: 'acme', id: item.id, status: 'sent', vendorStatus: 'sent', raw: payload })
  return right({ ...record, createdAt: item.late === true ? TO : '2026-01-01T12:00:00.000Z' })
}

interface Scenario {
  pages: Item[][]
  /** The page whose `next()` rejects (index), if any. */
  failAt: number | null
  /** What the pages' `return()` does. */
  closing: 'ok' | 'throws' | 'not-an-object' | 'missing'
  strict: boolean
  empty: boolean
  release: boolean
  /** Groups of calls: the calls of a group are made together, without waiting; the groups one after the other. */
  calls: ('next' | 'return' | 'throw')[][]
}

/** Pages that log every call made on them, answering a few microtask turns later. */
const loggedPages = (scenario: Scenario, log: string[]) => {
  let index = 0
  const later = async <T>(value: () => T): Promise<T> => {
    for (let turn = 0; turn < 3; turn++) await Promise.resolve()
    return value()
  }
  const iterator: AsyncIterator<unknown[]> = {
    next: () => {
      const at = index++
      log.push(`pages.next ${at}`)
      return later(() => {
        if (at === scenario.failAt) throw new Error(`page ${at} failed`)
        const page = scenario.pages[at]
        if (page === undefined) return { value: undefined, done: true as const }
        return {
          value: page.map((item) =>
            item === 'bad' ? { bad: true } : item === 'late' ? { id: `late${at}`, late: true } : { id: item },
          ),
          done: false as const,
        }
      })
    },
  }
  if (scenario.closing !== 'missing') {
    iterator.return = () => {
      log.push('pages.return')
      return later(() => {
        if (scenario.closing === 'throws') throw new Error('closing failed')
        return (scenario.closing === 'not-an-object' ? 42 : { value: undefined, done: true }) as IteratorResult<
          unknown[]
        >
      })
    }
  }
  return (progress: Readonly<ListProgress>) => {
    log.push(`pages() ${JSON.stringify(progress)}`)
    return { [Symbol.asyncIterator]: () => iterator }
  }
}

const describeOutcome = (outcome: PromiseSettledResult<IteratorResult<RcsRecord, unknown>>): string => {
  if (outcome.status === 'rejected') {
    const reason = outcome.reason as RcsError | Error
    return `rejected ${reason.constructor.name}: ${reason.message}`
  }
  const { value, done } = outcome.value
  return done === true ? `done ${String(value)}` : `record ${(value as RcsRecord).id}`
}

const run = async (make: typeof listRecords, scenario: Scenario): Promise<{ log: string[]; outcomes: string[] }> => {
  const log: string[] = []
  const query = scenario.empty ? { from: new Date(NOW + 1) } : { from: FROM, to: TO, strict: scenario.strict }
  const checked = checkListQuery(
    { ...query, onInvalid: (error: RcsError) => log.push(`invalid ${error.kind}`) },
    'acme',
    NOW,
  )
  const listing = make(checked, loggedPages(scenario, log), {
    logger: silentLogger,
    normalize,
    release: scenario.release,
  })
  const outcomes: string[] = []
  let call = 0
  for (const group of scenario.calls) {
    const settled = await Promise.allSettled(
      group.map((kind) => {
        const n = call++
        // When each promise settles, to the microtask, is not part of the contract: what each call gives is.
        const made =
          kind === 'next'
            ? listing.next()
            : kind === 'return'
              ? listing.return(Promise.resolve(`r${n}`))
              : listing.throw(new Error(`t${n}`))
        return made
      }),
    )
    outcomes.push(...settled.map(describeOutcome))
  }
  return { log, outcomes }
}

const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h') },
  { weight: 1, arbitrary: fc.constant('bad' as const) },
  { weight: 1, arbitrary: fc.constant('late' as const) },
)

const scenario: fc.Arbitrary<Scenario> = fc.record({
  pages: fc.array(fc.array(item, { maxLength: 4 }), { maxLength: 4 }),
  failAt: fc.option(fc.nat({ max: 4 })),
  closing: fc.constantFrom('ok', 'throws', 'not-an-object', 'missing'),
  strict: fc.boolean(),
  empty: fc.boolean(),
  release: fc.boolean(),
  calls: fc.array(
    fc.array(
      fc.oneof(
        { weight: 8, arbitrary: fc.constant('next' as const) },
        { weight: 1, arbitrary: fc.constant('return' as const) },
        { weight: 1, arbitrary: fc.constant('throw' as const) },
      ),
      { minLength: 1, maxLength: 3 },
    ),
    { minLength: 1, maxLength: 12 },
  ),
})

describe('listRecords behaves as the async generator it replaced', () => {
  it('gives the same results, in the same order, with the same calls on the pages (property)', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const expected = await run(referenceListRecords, s)
        const actual = await run(listRecords, s)
        expect(actual.outcomes).toEqual(expected.outcomes)
        expect(actual.log).toEqual(expected.log)
      }),
      { numRuns: 500 },
    )
  })

  it('a for await loop that breaks early closes the pages once', async () => {
    const s: Scenario = {
      pages: [['a', 'b'], ['c']],
      failAt: null,
      closing: 'ok',
      strict: false,
      empty: false,
      release: false,
      calls: [],
    }
    const log: string[] = []
    const listing = listRecords(checkListQuery({ from: FROM, to: TO }, 'acme', NOW), loggedPages(s, log), {
      logger: silentLogger,
      normalize,
    })
    for await (const record of listing) if (record.id === 'a') break
    expect(log.filter((entry) => entry === 'pages.return')).toEqual(['pages.return'])
    expect(await listing.next()).toEqual({ value: undefined, done: true })
  })

  it('is its own async iterator, with the generator methods', () => {
    const listing = listRecords(
      checkListQuery({ from: FROM, to: TO }, 'acme', NOW),
      () =>
        loggedPages(
          { pages: [], failAt: null, closing: 'ok', strict: false, empty: false, release: false, calls: [] },
          [],
        )({ pages: 0, items: 0, invalid: 0, duplicates: 0, yielded: 0 }),
      { logger: silentLogger, normalize },
    )
    expect(listing[Symbol.asyncIterator]()).toBe(listing)
    expect([typeof listing.next, typeof listing.return, typeof listing.throw]).toEqual([
      'function',
      'function',
      'function',
    ])
  })
})

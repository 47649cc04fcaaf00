import type { ListQuery } from '../adapter/contract.js'
import { reportInvalidRecord } from '../adapter/invalid-record.js'
import type { RcsRecord } from '../model/record.js'
import type { SeenIds } from '../util/dedupe.js'
import type { ListProgress, ListRecordsOptions } from './list-records.js'

// The generator `listRecords` used to be, written out by hand: an `async function*` pays every record a resumption
// and the promises of its `yield` (about 120 ns a record more than this, most of what the list scaffolding costs a
// 200,000-record sync). The behaviour is the generator's, call for call (test/record-listing.test.ts compares the
// two on random call sequences): it starts on the first `next()`, calls made while one is running wait their turn in
// order, `return()` and `throw()` close the pages as a `for await` loop would, and a failure ends the listing.

const START = 0
const OPEN = 1
const DONE = 2

type Pages = AsyncIterator<readonly unknown[]>
type Result = IteratorResult<RcsRecord, unknown>

const ignore = (): void => undefined
const doneWith = (value: unknown): Result => ({ value, done: true })
/** What a `for await` loop throws for an iterator result that is not an object. */
const notAnObject = (result: unknown): TypeError => new TypeError(`Iterator result ${String(result)} is not an object`)

/** A `for await` loop's `AsyncIteratorClose` on a throw completion: the iterator's `return` is called and awaited, and whatever it does is ignored (the original failure wins). */
const closeQuietly = async (pages: Pages): Promise<void> => {
  try {
    await pages.return?.()
  } catch {
    // As the loop: the failure that closed the pages is the one reported.
  }
}

/**
 * The async iterator of one listing, as {@link listRecords} hands it out.
 */
export class RecordListing implements AsyncGenerator<RcsRecord, unknown, unknown> {
  private state: typeof START | typeof OPEN | typeof DONE = START
  private pages: Pages | undefined
  /** The page in hand (with `release`, emptied as it is read: the paging model hands over arrays it owns). */
  private page: unknown[] = []
  private index = 0
  private length = 0
  /** The last `step` settled at once (nothing left running for a later call to wait for). */
  private immediate = false
  /** Settles after the last call in progress or waiting: while set, a new call waits behind it. */
  private tail: Promise<void> | undefined
  private readonly progress: ListProgress = { pages: 0, items: 0, invalid: 0, duplicates: 0, yielded: 0 }

  constructor(
    private readonly openPages: (progress: Readonly<ListProgress>) => AsyncIterable<readonly unknown[]>,
    private readonly query: Pick<ListQuery, 'onInvalid' | 'strict'>,
    private readonly options: ListRecordsOptions,
    private readonly seen: SeenIds,
    private readonly matches: (record: RcsRecord) => boolean,
    empty: boolean,
  ) {
    if (empty) this.state = DONE
  }

  [Symbol.asyncIterator](): this {
    return this
  }

  next(): Promise<Result> {
    if (this.tail !== undefined) return this.enqueue(() => this.step())
    const call = this.step()
    // A record handed over at once leaves nothing running for a later call to wait for.
    return this.immediate ? call : this.track(call)
  }

  return(value?: unknown): Promise<Result> {
    return this.tail !== undefined ? this.enqueue(() => this.close(value)) : this.track(this.close(value))
  }

  throw(error?: unknown): Promise<Result> {
    return this.tail !== undefined ? this.enqueue(() => this.fail(error)) : this.track(this.fail(error))
  }

  /** One `next()`: the next record of the page in hand, at once; past its end, the next pages are read. */
  private step(): Promise<Result> {
    this.immediate = false
    if (this.state === OPEN) {
      let record: RcsRecord | undefined
      try {
        record = this.scan()
      } catch (error) {
        return this.abandon(error)
      }
      if (record === undefined) return this.pull()
      this.immediate = true
      return Promise.resolve({ value: record, done: false })
    }
    if (this.state === DONE) {
      this.immediate = true
      return Promise.resolve(doneWith(undefined))
    }
    this.state = DONE
    try {
      const iterable = this.openPages(this.progress)
      this.pages = iterable[Symbol.asyncIterator]()
    } catch (error) {
      return Promise.reject(error)
    }
    this.state = OPEN
    return this.pull()
  }

  /**
   * The rest of the page in hand, item by item, up to the next record to yield (undefined at the page's end): an
   * item that fails to decode is reported (or, `strict`, thrown), a record already seen or not matching is skipped.
   */
  private scan(): RcsRecord | undefined {
    const { page, length, progress } = this
    const { normalize } = this.options
    const release = this.options.release === true
    for (let i = this.index; i < length; i++) {
      const item = page[i]
      if (release) page[i] = undefined
      const normalized = normalize(item)
      if (normalized._tag === 'Left') {
        this.index = i + 1
        progress.invalid++
        reportInvalidRecord(this.query, this.options.logger, normalized.left)
        continue
      }
      const record = normalized.right
      if (!this.seen.add(record.id)) {
        progress.duplicates++
        continue
      }
      if (!this.matches(record)) continue
      this.index = i + 1
      progress.yielded++
      return record
    }
    this.index = length
    return undefined
  }

  /** The next pages, until one holds a record to yield or they end. A failure of the pages ends the listing as it is. */
  private async pull(): Promise<Result> {
    const pages = this.pages as Pages
    for (;;) {
      let result: IteratorResult<readonly unknown[]>
      try {
        result = await pages.next()
        if (result === null || typeof result !== 'object') throw notAnObject(result)
      } catch (error) {
        this.state = DONE
        throw error
      }
      if (result.done) {
        this.state = DONE
        return doneWith(undefined)
      }
      const page = result.value as unknown[]
      this.progress.pages++
      this.page = page
      this.index = 0
      this.length = page.length
      this.progress.items += this.length
      let record: RcsRecord | undefined
      try {
        record = this.scan()
      } catch (error) {
        return this.abandon(error)
      }
      if (record !== undefined) return { value: record, done: false }
    }
  }

  /** A failure while reading a page: the pages are closed (their own failure ignored) and the listing fails with it. */
  private async abandon(error: unknown): Promise<never> {
    this.state = DONE
    this.release()
    await closeQuietly(this.pages as Pages)
    throw error
  }

  /** `return(value)`: as at a generator's `yield` inside `for await` — the value awaited, then the pages closed. */
  private async close(value: unknown): Promise<Result> {
    const wasOpen = this.state === OPEN
    this.state = DONE
    this.release()
    let settled: unknown
    try {
      settled = await value
    } catch (error) {
      if (wasOpen) await closeQuietly(this.pages as Pages)
      throw error
    }
    if (!wasOpen) return doneWith(settled)
    const pages = this.pages as Pages
    if (pages.return !== undefined) {
      const closed: unknown = await pages.return()
      if (closed === null || typeof closed !== 'object') throw notAnObject(closed)
    }
    return doneWith(settled)
  }

  /** `throw(error)`: as at a generator's `yield` inside `for await` — the pages closed, then the listing fails with it. */
  private async fail(error: unknown): Promise<never> {
    const wasOpen = this.state === OPEN
    this.state = DONE
    this.release()
    if (wasOpen) await closeQuietly(this.pages as Pages)
    throw error
  }

  /** Drops the page in hand (a finished listing holds no payload). */
  private release(): void {
    this.page = []
    this.index = 0
    this.length = 0
  }

  /** A call made while others run or wait: it runs once they have settled, in the order the calls were made. */
  private enqueue(call: () => Promise<Result>): Promise<Result> {
    return this.track((this.tail as Promise<void>).then(call))
  }

  /** Makes later calls wait until `call` has settled. */
  private track(call: Promise<Result>): Promise<Result> {
    const tail = call.then(ignore, ignore)
    this.tail = tail
    void tail.then(() => {
      if (this.tail === tail) this.tail = undefined
    })
    return call
  }
}

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { forwardingIterable } from '../src/client/forwarding-iterable.js'

/** How the adapter's listing behaves: how many records, where it fails, whether closing it fails. */
interface SourcePlan {
  count: number
  failAt: number | null
  failOnClose: boolean
  /** How `open` behaves: runs the source, has nothing to list, throws, or gives a source whose creation throws. */
  open: 'source' | 'empty' | 'throws' | 'creation throws'
}

const opened = (plan: SourcePlan, log: string[]) => (): (() => AsyncIterable<number>) | null => {
  log.push('open')
  if (plan.open === 'throws') throw new Error('bad query')
  if (plan.open === 'empty') return null
  if (plan.open === 'creation throws') {
    return () => {
      throw new Error('adapter threw')
    }
  }
  return async function* source() {
    try {
      for (let i = 0; i < plan.count; i++) {
        if (i === plan.failAt) throw new Error(`failed at ${i}`)
        log.push(`yield ${i}`)
        yield i
      }
    } finally {
      log.push('closed')
      // biome-ignore lint/correctness/noUnsafeFinally: a listing whose cleanup fails is one of the cases compared
      if (plan.failOnClose) throw new Error('close failed')
    }
  }
}

const mapError = (error: unknown) => new Error(`mapped: ${error instanceof Error ? error.message : String(error)}`)

/** What `client.list` was: an async generator with the checks, then `yield*` in a try that maps the error. */
async function* reference(open: () => (() => AsyncIterable<number>) | null): AsyncGenerator<number> {
  const create = open()
  if (create === null) return
  try {
    yield* create()
  } catch (error) {
    throw mapError(error)
  }
}

type Op = 'next' | 'return' | 'throw'

/** Runs the consumer's operations one after the other and writes down every outcome. */
const drive = async (
  iterator: AsyncIterator<number> & { return(value?: unknown): Promise<IteratorResult<number>> },
  ops: readonly Op[],
  log: string[],
) => {
  for (const op of ops) {
    try {
      const result =
        op === 'next'
          ? await iterator.next()
          : op === 'return'
            ? await iterator.return('r')
            : await iterator.throw?.(new Error('thrown in'))
      log.push(`${op} → ${JSON.stringify(result)}`)
    } catch (error) {
      log.push(`${op} ✗ ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return log
}

describe('forwardingIterable: what client.list returns', () => {
  const plan = fc.record({
    count: fc.integer({ min: 0, max: 4 }),
    failAt: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
    failOnClose: fc.boolean(),
    open: fc.constantFrom('source', 'source', 'empty', 'throws', 'creation throws'),
  }) as fc.Arbitrary<SourcePlan>
  const ops = fc.array(fc.constantFrom<Op>('next', 'next', 'next', 'return', 'throw'), { maxLength: 8 })

  it('gives every outcome, in order, that the async generator with yield* gave (property)', async () => {
    await fc.assert(
      fc.asyncProperty(plan, ops, async (sourcePlan, consumer) => {
        const referenceLog: string[] = []
        await drive(reference(opened(sourcePlan, referenceLog)), consumer, referenceLog)
        const log: string[] = []
        await drive(forwardingIterable(opened(sourcePlan, log), mapError), consumer, log)
        // The source's events (opened, each record, closed) and the consumer's outcomes, interleaved as they happened.
        expect(log).toEqual(referenceLog)
      }),
      { numRuns: 2_000 },
    )
  })

  it('is its own iterator and works with for await, break closing the source', async () => {
    const log: string[] = []
    const records = forwardingIterable(
      opened({ count: 4, failAt: null, failOnClose: false, open: 'source' }, log),
      mapError,
    )
    expect(records[Symbol.asyncIterator]()).toBe(records)
    const seen: number[] = []
    for await (const record of records) {
      seen.push(record)
      if (record === 1) break
    }
    expect(seen).toEqual([0, 1])
    expect(log).toEqual(['open', 'yield 0', 'yield 1', 'closed'])
    expect(await records.next()).toEqual({ done: true, value: undefined })
  })

  it('does nothing before the first next()', () => {
    const log: string[] = []
    forwardingIterable(opened({ count: 1, failAt: null, failOnClose: false, open: 'source' }, log), mapError)
    expect(log).toEqual([])
  })
})

import { left, right } from 'fp-ts/lib/Either.js'
import { describe, expect, it, type Mock, vi } from 'vitest'
import {
  createClient,
  type DeliveryStatus,
  type ListQuery,
  type Logger,
  RcsError,
  type RcsRecord,
} from '../src/index.js'
import { type FakeBehaviour, fakeAdapter, record, validConfig } from './helpers/fake-adapter.js'
import { type FakeClock, fakeClock } from './helpers/fake-clock.js'

const quietLogger = (): Logger & { warn: Mock<Logger['warn']> } => ({
  debug: vi.fn(),
  info: vi.fn(),
  warn: vi.fn(),
  error: vi.fn(),
})

/** A client whose adapter answers poll number `n` with `script[n]` (the last entry repeats). */
const scripted = (
  script: Array<Record<string, DeliveryStatus | RcsRecord | Error>>,
  behaviour: FakeBehaviour = {},
  clock: FakeClock = fakeClock(),
) => {
  const logger = quietLogger()
  const polls: string[][] = []
  const { definition } = fakeAdapter({
    capabilities: { getMany: 'native' },
    getMany: (ids) => async () => {
      polls.push([...ids])
      if (polls.length > 100) throw new Error('runaway watch: more than 100 polls')
      const answer = script[Math.min(polls.length - 1, script.length - 1)] ?? {}
      const failure = Object.values(answer).find((v): v is Error => v instanceof Error)
      if (failure !== undefined) return left(failure as RcsError)
      const records = Object.entries(answer).map(([id, value]) =>
        typeof value === 'string'
          ? record(id, value, { updatedAt: new Date(clock.now()).toISOString() })
          : (value as RcsRecord),
      )
      return right({ records, missing: [] })
    },
    ...behaviour,
  })
  const client = createClient({ adapter: definition, config: validConfig(), clock, logger })
  return { client, clock, logger, polls }
}

const drain = async (iterable: AsyncIterable<RcsRecord>): Promise<RcsRecord[]> => {
  const out: RcsRecord[] = []
  for await (const item of iterable) out.push(item)
  return out
}

const seen = (records: RcsRecord[]) => records.map((r) => `${r.id}:${r.status}`)

describe('watch', () => {
  it('yields only changes and stops when every id is final', async () => {
    const { client, polls } = scripted([
      { a: 'pending', b: 'sent' },
      { a: 'pending', b: 'sent' },
      { a: 'sent', b: 'delivered' },
      { a: 'read' },
    ])
    const out = await drain(client.watch(['a', 'b'], { intervalMs: 1_000 }))
    expect(seen(out)).toEqual(['a:pending', 'b:sent', 'a:sent', 'b:delivered', 'a:read'])
    expect(polls).toEqual([['a', 'b'], ['a', 'b'], ['a', 'b'], ['a']])
    expect(out.at(-1)).toMatchObject({ status: 'read', final: true })
  })

  it('merges: a late sent after delivered is not yielded as a downgrade, nor is a final id reopened', async () => {
    const { client } = scripted([
      { a: 'sent', b: 'pending' },
      { a: 'delivered', b: 'pending' },
      { a: 'sent', b: 'pending' },
      { b: 'rejected' },
    ])
    const out = await drain(client.watch(['a', 'b'], { intervalMs: 10 }))
    expect(seen(out)).toEqual(['a:sent', 'b:pending', 'a:delivered', 'b:rejected'])
  })

  it('merges observations within one poll: an out-of-order older status does not move it back', async () => {
    const clock = fakeClock()
    const { client } = scripted(
      [{ a: 'sent' }, { a: record('a', 'pending', { updatedAt: '2020-01-01T00:00:00.000Z' }) }, { a: 'read' }],
      {},
      clock,
    )
    const out = await drain(client.watch(['a'], { intervalMs: 10 }))
    expect(seen(out)).toEqual(['a:sent', 'a:read'])
  })

  it('polls ids the vendor does not know yet again, and asks each id once', async () => {
    const { client, polls } = scripted([{}, { a: 'delivered' }])
    const out = await drain(client.watch(['a', 'a'], { intervalMs: 10 }))
    expect(seen(out)).toEqual(['a:delivered'])
    expect(polls).toEqual([['a'], ['a']])
  })

  it('ends at once for no ids', async () => {
    const { client, polls } = scripted([{}])
    expect(await drain(client.watch([]))).toEqual([])
    expect(polls).toEqual([])
  })

  it('backs off when nothing changes and resets on a change', async () => {
    const { client, clock } = scripted([
      { a: 'pending' },
      { a: 'pending' },
      { a: 'pending' },
      { a: 'pending' },
      { a: 'pending' },
      { a: 'sent' },
      { a: 'sent' },
      { a: 'delivered' },
    ])
    await drain(client.watch(['a'], { intervalMs: 1_000, backoff: 2, maxIntervalMs: 8_000 }))
    expect(clock.sleeps).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 1_000, 2_000])
  })

  it('uses 5 s, ×1.5 and 60 s as defaults', async () => {
    const { client, clock } = scripted([{ a: 'pending' }, { a: 'pending' }, { a: 'pending' }, { a: 'delivered' }])
    await drain(client.watch(['a']))
    expect(clock.sleeps).toEqual([5_000, 7_500, 11_250])
  })

  it('stops quietly after timeoutMs, never sleeping past it', async () => {
    const { client, clock, polls } = scripted([{ a: 'sent' }])
    const started = clock.now()
    const out = await drain(client.watch(['a'], { intervalMs: 1_000, backoff: 1, timeoutMs: 3_500 }))
    expect(seen(out)).toEqual(['a:sent'])
    expect(clock.now() - started).toBe(3_500)
    expect(clock.sleeps).toEqual([1_000, 1_000, 1_000, 500])
    expect(polls).toHaveLength(4)
  })

  it('stops at a deadline given as a Date, string or epoch ms (the earlier of deadline and timeoutMs wins)', async () => {
    for (const deadlineOf of [(t: number) => new Date(t), (t: number) => new Date(t).toISOString(), (t: number) => t]) {
      const { client, clock } = scripted([{ a: 'sent' }])
      const started = clock.now()
      await drain(
        client.watch(['a'], {
          intervalMs: 1_000,
          backoff: 1,
          deadline: deadlineOf(started + 2_000),
          timeoutMs: 60_000,
        }),
      )
      expect(clock.now() - started).toBe(2_000)
    }
  })

  it('stops quietly when the signal aborts, between polls or while sleeping', async () => {
    const controller = new AbortController()
    const { client, polls } = scripted([{ a: 'sent' }])
    let yielded = 0
    for await (const _ of client.watch(['a'], { intervalMs: 10, signal: controller.signal })) {
      yielded++
      if (yielded === 1) controller.abort()
    }
    expect(yielded).toBe(1)
    expect(polls).toHaveLength(1)

    const early = scripted([{ a: 'sent' }])
    const out = await drain(early.client.watch(['a'], { signal: AbortSignal.abort() }))
    expect(out).toEqual([])
    expect(early.polls).toEqual([])
  })

  it('an abort during a poll ends the watch without an error', async () => {
    const controller = new AbortController()
    const clock = fakeClock()
    const { definition } = fakeAdapter({
      capabilities: { getMany: 'native' },
      getMany: () => async () => {
        controller.abort()
        return left(new RcsError({ kind: 'transport', message: 'aborted by the caller', retryable: false }))
      },
    })
    const client = createClient({ adapter: definition, config: validConfig(), clock, logger: quietLogger() })
    expect(await drain(client.watch(['a'], { signal: controller.signal }))).toEqual([])
  })

  it('logs a retryable poll failure and keeps polling', async () => {
    const { client, logger, polls } = scripted([
      { a: 'sent' },
      { a: new RcsError({ kind: 'rate_limited', provider: 'fake', message: 'slow down' }) },
      { a: 'delivered' },
    ])
    const out = await drain(client.watch(['a'], { intervalMs: 10 }))
    expect(seen(out)).toEqual(['a:sent', 'a:delivered'])
    expect(polls).toHaveLength(3)
    expect(logger.warn).toHaveBeenCalledWith('watch: poll failed, will retry', {
      provider: 'fake',
      kind: 'rate_limited',
      message: 'fake: slow down',
    })
  })

  it('throws a non-retryable poll failure', async () => {
    const { client } = scripted([{ a: 'sent' }, { a: new RcsError({ kind: 'auth', message: 'key revoked' }) }])
    const out: RcsRecord[] = []
    const run = (async () => {
      for await (const r of client.watch(['a'], { intervalMs: 10 })) out.push(r)
    })()
    await expect(run).rejects.toMatchObject({ kind: 'auth' })
    expect(seen(out)).toEqual(['a:sent'])
  })

  it('uses emulated getMany (concurrent gets) for an adapter with get only', async () => {
    const clock = fakeClock()
    const statuses: Record<string, DeliveryStatus[]> = { a: ['sent', 'delivered'], b: ['read'] }
    const { definition } = fakeAdapter({
      capabilities: { getMany: false },
      get: (id) => async () => {
        const next = statuses[id]?.shift()
        return next === undefined ? left(new RcsError({ kind: 'not_found', message: id })) : right(record(id, next))
      },
    })
    const client = createClient({ adapter: definition, config: validConfig(), clock, logger: quietLogger() })
    expect(seen(await drain(client.watch(['a', 'b'], { intervalMs: 10 })))).toEqual(['a:sent', 'b:read', 'a:delivered'])
  })

  it('polls through list with modifiedSince for an adapter without id lookups', async () => {
    const clock = fakeClock()
    const queries: ListQuery[] = []
    const pages: Array<Array<[string, DeliveryStatus]>> = [
      [
        ['a', 'sent'],
        ['zzz', 'sent'],
      ],
      [],
      [
        ['a', 'delivered'],
        ['b', 'undeliverable'],
      ],
    ]
    const { definition } = fakeAdapter({
      capabilities: { get: false, getMany: false, list: true, modifiedSince: true },
      list: async function* (query) {
        queries.push(query)
        for (const [id, status] of pages[queries.length - 1] ?? []) yield record(id, status)
      },
    })
    const client = createClient({ adapter: definition, config: validConfig(), clock, logger: quietLogger() })
    const start = clock.now()
    const out = await drain(client.watch(['a', 'b'], { intervalMs: 1_000, backoff: 1 }))
    expect(seen(out)).toEqual(['a:sent', 'a:delivered', 'b:undeliverable'])
    expect(queries).toHaveLength(3)
    expect(queries[0]).toMatchObject({ from: new Date(start - 48 * 3_600_000), to: new Date(start) })
    expect(queries[0]?.modifiedSince).toBeUndefined()
    expect(queries[1]?.modifiedSince).toEqual(new Date(start))
    expect(queries[2]?.modifiedSince).toEqual(new Date(start + 1_000))
    expect(queries[2]?.to).toEqual(new Date(start + 2_000))
  })

  it('list polling starts at opts.from when given', async () => {
    const clock = fakeClock()
    const queries: ListQuery[] = []
    const { definition } = fakeAdapter({
      capabilities: { get: false, getMany: false, list: true, modifiedSince: true },
      list: async function* (query) {
        queries.push(query)
        yield record('a', 'read')
      },
    })
    const client = createClient({ adapter: definition, config: validConfig(), clock, logger: quietLogger() })
    await drain(client.watch(['a'], { from: '2025-12-31T00:00:00Z' }))
    expect(queries[0]?.from).toEqual(new Date('2025-12-31T00:00:00Z'))
  })

  it('is unsupported for an adapter with neither an id lookup nor a modifiedSince listing', async () => {
    const { definition } = fakeAdapter({
      capabilities: { get: false, getMany: false, list: true, modifiedSince: false },
    })
    const client = createClient({
      adapter: definition,
      config: validConfig(),
      clock: fakeClock(),
      logger: quietLogger(),
    })
    await expect(drain(client.watch(['a']))).rejects.toMatchObject({ kind: 'unsupported' })
  })
})

describe('watch deadline while a poll is in flight', () => {
  /** A client whose every poll hangs until its signal aborts (a vendor that accepts the connection and never answers). */
  const hanging = (clock: FakeClock = fakeClock()) => {
    const signals: (AbortSignal | undefined)[] = []
    const { definition } = fakeAdapter({
      capabilities: { getMany: 'native' },
      getMany: (_ids, opts) => () => {
        signals.push(opts?.signal)
        return new Promise((resolve) => {
          opts?.signal?.addEventListener('abort', () =>
            resolve(left(new RcsError({ kind: 'transport', message: 'aborted by the caller', retryable: false }))),
          )
        })
      },
    })
    return {
      client: createClient({ adapter: definition, config: validConfig(), clock, logger: quietLogger() }),
      signals,
    }
  }

  it('the deadline aborts the poll in flight and ends the watch quietly', async () => {
    const { client, signals } = hanging()
    const out = await drain(client.watch(['a'], { timeoutMs: 30 }))
    expect(out).toEqual([])
    expect(signals).toHaveLength(1)
    expect(signals[0]?.aborted).toBe(true)
  })

  it('ends at the deadline even when the adapter ignores the signal', async () => {
    const { definition } = fakeAdapter({
      capabilities: { getMany: 'native' },
      getMany: () => () => new Promise(() => {}),
    })
    const client = createClient({
      adapter: definition,
      config: validConfig(),
      clock: fakeClock(),
      logger: quietLogger(),
    })
    expect(await drain(client.watch(['a'], { timeoutMs: 30 }))).toEqual([])
  })

  it('the caller aborting still ends a hung poll at once', async () => {
    const { client, signals } = hanging()
    const controller = new AbortController()
    const run = drain(client.watch(['a'], { signal: controller.signal }))
    await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort()
    expect(await run).toEqual([])
    expect(signals[0]?.aborted).toBe(true)
  })
})

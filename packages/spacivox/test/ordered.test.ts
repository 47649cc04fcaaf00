import { fetchAhead } from '@rcs-records/core/kit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SliceIds } from '../src/slice-ids.js'

/** The array form spacivox used, on core's fetchAhead (which counts the result being read among the `ahead`). */
const inOrderAhead = <T, R>(
  items: readonly T[],
  run: (item: T, signal: AbortSignal) => Promise<R>,
  options: { ahead: number; signal?: AbortSignal },
) => {
  let next = 0
  const task = () => {
    if (next >= items.length) return undefined
    const item = items[next++] as T
    return (signal: AbortSignal) => run(item, signal)
  }
  return fetchAhead(task, options)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('inOrderAhead', () => {
  it('keeps at most `ahead` tasks unconsumed and yields in input order', async () => {
    let running = 0
    let maxRunning = 0
    const started: number[] = []
    const run = async (n: number) => {
      started.push(n)
      running++
      maxRunning = Math.max(maxRunning, running)
      await sleep((8 - n) * 3)
      running--
      return n * 10
    }
    const out: number[] = []
    for await (const value of inOrderAhead([1, 2, 3, 4, 5, 6, 7], run, { ahead: 3 })) out.push(value)
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70])
    expect(maxRunning).toBe(3)
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('when the first result is handed over, it and `ahead` - 1 further tasks are started, no more', async () => {
    const started: number[] = []
    const generator = inOrderAhead([1, 2, 3, 4, 5], async (n) => started.push(n), { ahead: 2 })
    await generator.next()
    expect(started).toEqual([1, 2])
    await generator.return(undefined)
  })

  it('throws the first failure in order and aborts the tasks still running', async () => {
    const aborted: number[] = []
    const run = (n: number, signal: AbortSignal) =>
      new Promise<number>((resolve, reject) => {
        if (n === 2) setTimeout(() => reject(new Error('slice 2 failed')), 5)
        else if (n === 1) resolve(1)
        else
          signal.addEventListener('abort', () => {
            aborted.push(n)
            reject(new Error('aborted'))
          })
      })
    const out: number[] = []
    await expect(
      (async () => {
        for await (const value of inOrderAhead([1, 2, 3, 4, 5], run, { ahead: 3 })) out.push(value)
      })(),
    ).rejects.toThrow('slice 2 failed')
    expect(out).toEqual([1])
    expect(aborted.sort()).toEqual([3, 4])
  })

  it('aborts the running tasks when the consumer stops early or the caller aborts', async () => {
    const aborts: number[] = []
    const run = (n: number, signal: AbortSignal) =>
      n === 1
        ? Promise.resolve(1)
        : new Promise<number>((_, reject) =>
            signal.addEventListener('abort', () => {
              aborts.push(n)
              reject(signal.reason)
            }),
          )
    for await (const value of inOrderAhead([1, 2, 3], run, { ahead: 3 })) {
      expect(value).toBe(1)
      break
    }
    expect(aborts.sort()).toEqual([2, 3])

    const controller = new AbortController()
    const generator = inOrderAhead([2], run, { ahead: 1, signal: controller.signal })
    const next = generator.next()
    controller.abort(new Error('stop'))
    await expect(next).rejects.toThrow('stop')
  })

  it('turns a synchronous throw of a task into a failure in order', async () => {
    const run = (n: number) => {
      if (n === 2) throw new Error('sync')
      return Promise.resolve(n)
    }
    const out: number[] = []
    await expect(
      (async () => {
        for await (const value of inOrderAhead([1, 2], run, { ahead: 2 })) out.push(value)
      })(),
    ).rejects.toThrow('sync')
    expect(out).toEqual([1])
  })
})

/**
 * Runs `steps` (an id to add, or `undefined` for the next slice) through a SliceIds and through its model — two plain
 * sets, the current slice's and the previous one's — and expects the same answer at every step.
 */
const answersAsTwoSets = (steps: ReadonlyArray<{ add: string | undefined }>) => {
  const seen = new SliceIds()
  let previous = new Set<string>()
  let current = new Set<string>()
  for (const { add } of steps) {
    if (add === undefined) {
      seen.nextSlice()
      previous = current
      current = new Set()
      continue
    }
    const fresh = !current.has(add) && !previous.has(add)
    if (fresh) current.add(add)
    expect(seen.add(add), add).toBe(fresh)
  }
  expect(seen.size).toBe(previous.size + current.size)
}

describe('SliceIds', () => {
  it('remembers the current and previous slice only', () => {
    const seen = new SliceIds()
    seen.nextSlice()
    expect(seen.add('a')).toBe(true)
    expect(seen.add('a')).toBe(false)
    seen.nextSlice()
    expect(seen.add('a')).toBe(false)
    expect(seen.add('b')).toBe(true)
    seen.nextSlice()
    expect(seen.add('b')).toBe(false)
    seen.nextSlice()
    expect(seen.add('a')).toBe(true)
  })

  it('answers as a model of two plain sets does (current slice, previous slice), on any sequence (property)', () => {
    const step = fc.oneof(
      { weight: 8, arbitrary: fc.stringMatching(/^\d{0,3}$/).map((id) => ({ add: id })) },
      { weight: 1, arbitrary: fc.constant({ add: undefined }) },
    )
    fc.assert(fc.property(fc.array(step, { maxLength: 300 }), answersAsTwoSets), { numRuns: 500 })
  })

  it('keeps ids that read as the same number apart (leading zeros, more than 9 digits, not digits)', () => {
    const seen = new SliceIds()
    const ids = [
      '7',
      '007',
      '07',
      '0',
      '00',
      '999999999',
      '1000000000',
      '0999999999',
      '12345678901',
      '1e3',
      '1000',
      ' 7',
    ]
    expect(ids.map((id) => seen.add(id))).toEqual(ids.map(() => true))
    seen.nextSlice()
    expect(ids.map((id) => seen.add(id))).toEqual(ids.map(() => false))
    seen.nextSlice()
    seen.nextSlice()
    expect(ids.map((id) => seen.add(id))).toEqual(ids.map(() => true))
    expect(seen.size).toBe(ids.length)
  })

  it('answers as two plain sets do for ids of up to 12 digits, leading zeros included (property)', () => {
    const step = fc.oneof(
      { weight: 8, arbitrary: fc.stringMatching(/^0?\d{0,11}$/).map((id) => ({ add: id })) },
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 40 }).map((n) => ({ add: String(n) })) },
      { weight: 1, arbitrary: fc.constant({ add: undefined }) },
    )
    fc.assert(fc.property(fc.array(step, { maxLength: 300 }), answersAsTwoSets), { numRuns: 300 })
  })

  it('answers the same through slices of very different sizes (its integer tables grow, are reused and shrink)', () => {
    const seen = new SliceIds()
    const sizes = [5000, 10, 3, 0, 20000, 700, 1, 9000, 2]
    let id = 1_000
    let previous: string[] = []
    for (const size of sizes) {
      seen.nextSlice()
      const ids = Array.from({ length: size }, () => String(id++))
      expect(ids.every((fresh) => seen.add(fresh))).toBe(true)
      expect(ids.some((again) => seen.add(again))).toBe(false)
      expect(previous.some((again) => seen.add(again))).toBe(false)
      expect(seen.size).toBe(previous.length + ids.length)
      previous = ids
    }
  })

  it('holds at most two slices of ids, however many slices pass', () => {
    const seen = new SliceIds()
    for (let slice = 0; slice < 1000; slice++) {
      seen.nextSlice()
      for (let i = 0; i < 100; i++) seen.add(`${slice}-${i}`)
    }
    expect(seen.size).toBe(200)
  })

  it('tells every id apart in a slice of thousands, including the empty and one-character ids', () => {
    const seen = new SliceIds()
    const ids = ['', '7', 'x', ...Array.from({ length: 6000 }, (_, i) => String(9_474_839 + i * 13))]
    expect(ids.map((id) => seen.add(id)).every(Boolean)).toBe(true)
    expect(ids.map((id) => seen.add(id)).some(Boolean)).toBe(false)
    seen.nextSlice()
    expect(ids.map((id) => seen.add(id)).some(Boolean)).toBe(false)
    expect(seen.size).toBe(ids.length)
    seen.nextSlice()
    seen.nextSlice()
    expect(seen.add('9474839')).toBe(true)
    expect(seen.size).toBe(1)
  })
})

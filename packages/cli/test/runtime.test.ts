import { RcsError } from '@rcs-records/core'
import { describe, expect, it } from 'vitest'
import { idsFromText } from '../src/commands/read-ids.js'
import { describeProgress, formatClock, windowFraction } from '../src/progress/describe-progress.js'
import { createProgressReporter } from '../src/progress/progress-reporter.js'
import { createHttpActivity } from '../src/runtime/http-activity.js'
import { untilAborted } from '../src/runtime/until-aborted.js'
import { Aborted, settleOrAbort } from '../src/runtime/until-aborted-promise.js'
import { record } from './support/records.js'

describe('untilAborted', () => {
  it('stops at once when aborted while the source is waiting for a page, and asks the source to stop', async () => {
    let returned = false
    const source: AsyncIterable<number> = {
      [Symbol.asyncIterator]: () => {
        let i = 0
        return {
          next: () =>
            i < 2 ? Promise.resolve({ done: false, value: i++ }) : new Promise<IteratorResult<number>>(() => {}),
          return: async () => {
            returned = true
            return { done: true, value: undefined }
          },
        }
      },
    }
    const controller = new AbortController()
    const seen: number[] = []
    for await (const value of untilAborted(source, controller.signal)) {
      seen.push(value)
      if (value === 1) setTimeout(() => controller.abort(), 5)
    }
    expect(seen).toEqual([0, 1])
    expect(returned).toBe(true)
  })

  it('passes through errors of the source', async () => {
    async function* failing() {
      yield 1
      throw new Error('page failed')
    }
    const run = async () => {
      for await (const _ of untilAborted(failing(), new AbortController().signal)) {
        // consume
      }
    }
    await expect(run()).rejects.toThrow('page failed')
  })
})

describe('settleOrAbort', () => {
  it('rejects with Aborted when the signal wins', async () => {
    const controller = new AbortController()
    const pending = settleOrAbort(new Promise(() => {}), controller.signal)
    controller.abort()
    await expect(pending).rejects.toBeInstanceOf(Aborted)
  })

  it('settles like the promise otherwise', async () => {
    await expect(settleOrAbort(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7)
  })
})

describe('progress', () => {
  const base = { label: 'bsg', count: 1200, startedMs: 0, fromMs: 0, toMs: 100 }

  it('shows records, rate, window position and an ETA from it', () => {
    expect(describeProgress({ ...base, nowMs: 4_000, latestMs: 25 })).toBe(
      'bsg: 1,200 records · 300/s · 25% of window · ETA 0:12',
    )
  })

  it('leaves out what it cannot know yet', () => {
    expect(describeProgress({ ...base, count: 1, nowMs: 100, latestMs: null })).toBe('bsg: 1 record')
    expect(describeProgress({ ...base, nowMs: 2_000, latestMs: 1 })).toBe('bsg: 1,200 records · 600/s')
    expect(describeProgress({ ...base, nowMs: 2_000, latestMs: 500 })).toBe(
      'bsg: 1,200 records · 600/s · 100% of window',
    )
  })

  it('clamps the window position', () => {
    expect(windowFraction({ fromMs: 10, toMs: 20, latestMs: 5 })).toBe(0)
    expect(windowFraction({ fromMs: 10, toMs: 20, latestMs: 15 })).toBe(0.5)
    expect(windowFraction({ fromMs: 10, toMs: 10, latestMs: 15 })).toBeNull()
    expect(formatClock(3_725_000)).toBe('1:02:05')
  })

  it('draws on one line, at most every 100 ms, and erases it', () => {
    let now = 0
    const out: string[] = []
    const progress = createProgressReporter(
      { write: (text: string) => out.push(text) },
      { enabled: true, now: () => now },
    )
    progress.start('bsg', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')
    progress.tick(record('1', 'sent', { createdAt: '2026-01-01T06:00:00.000Z' }))
    now = 150
    progress.tick(record('2', 'sent', { createdAt: '2026-01-01T12:00:00.000Z' }))
    progress.stop()
    expect(out).toHaveLength(3)
    expect(out[1]).toBe('\r\u001b[Kbsg: 2 records · 50% of window')
    expect(out[2]).toBe('\r\u001b[K')
  })

  it('a vendor that lists newest first (partner-gateway) is measured from the window end backwards', () => {
    let now = 0
    const out: string[] = []
    const progress = createProgressReporter(
      { write: (text: string) => out.push(text) },
      { enabled: true, now: () => now },
    )
    progress.start('partner-gateway', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')
    progress.tick(record('1', 'sent', { createdAt: '2026-01-01T23:59:00.000Z' }))
    now = 200
    progress.tick(record('2', 'sent', { createdAt: '2026-01-01T18:00:00.000Z' }))
    now = 400
    progress.tick(record('3', 'sent', { createdAt: '2026-01-01T23:00:00.000Z' }))
    progress.stop()
    // Before: the latest time seen (23:59) put it at 99% of the window from the first record to the last.
    expect(out[1]).toBe('\r\u001b[Kpartner-gateway: 2 records · 25% of window')
    expect(out[2]).toBe('\r\u001b[Kpartner-gateway: 3 records · 25% of window')
    expect(windowFraction({ fromMs: 0, toMs: 100, latestMs: 99, earliestMs: 75, descending: true })).toBe(0.25)
  })

  it('shows a waiting indicator while the vendor has not answered for a second, with the retry in progress', () => {
    let now = 0
    const out: string[] = []
    const activity = createHttpActivity({ now: () => now, note: (line) => out.push(`note:${line}`) })
    const hooks = activity.hooksFor(4)
    hooks.onRequest?.({ provider: 'bsg', method: 'GET', url: 'http://x', attempt: 1 })
    now = 1_500
    expect(activity.waitingSince).toBe(0)
    hooks.onRetry?.({
      provider: 'bsg',
      method: 'GET',
      url: 'http://x',
      attempt: 1,
      delayMs: 2_000,
      error: new RcsError({ kind: 'provider', message: 'bsg: 503', httpStatus: 503 }),
    })
    expect(out).toEqual(['note:rcs-records: bsg: retrying in 2 s (attempt 2/5): 503'])
    expect(activity.retrying).toBe('retrying in 2 s (attempt 2/5): 503')
    hooks.onResponse?.({ provider: 'bsg', method: 'GET', url: 'http://x', attempt: 1, status: 200 })
    expect(activity.waitingSince).toBeNull()
    expect(activity.retrying).toBeNull()
    expect(activity.answered).toBe(true)
  })

  it('draws nothing when disabled', () => {
    const out: string[] = []
    const progress = createProgressReporter({ write: (text: string) => out.push(text) }, { enabled: false })
    progress.start('bsg', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')
    progress.tick(record('1', 'sent'))
    progress.stop()
    expect(out).toEqual([])
  })
})

describe('idsFromText', () => {
  it('splits on whitespace, commas and lines, drops comments, blanks and duplicates', () => {
    expect(idsFromText('26130\n26131, 26132\t26130\n\n# a comment\n26133 # trailing\r\n')).toEqual([
      '26130',
      '26131',
      '26132',
      '26133',
    ])
  })
})

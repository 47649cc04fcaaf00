import nock from 'nock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextSliceLength } from '../src/slices.js'
import { BASE, collect, DAY, HOUR, item, makeClient, manualClock } from './fixtures.js'

const NOW = Date.parse('2015-01-20T12:00:00Z')
const FROM = Date.parse('2015-01-10T00:00:00Z')

/**
 * Serves `perHour(hour)` records for each whole hour in [start, end), one every 1/n of the hour, ids unique by
 * instant; records every requested [start, end) and answer size.
 */
const serve = (perHour: (hourStart: number) => number) => {
  const slices: Array<{ start: number; end: number; records: number }> = []
  nock(BASE)
    .get('/j/rcs_records')
    .query(true)
    .times(10_000)
    .reply((uri) => {
      const params = new URL(uri, BASE).searchParams
      const start = Date.parse(params.get('start') as string)
      const end = Date.parse(params.get('end') as string)
      const body: unknown[] = []
      for (let hour = Math.floor(start / HOUR) * HOUR; hour < end; hour += HOUR) {
        const n = perHour(hour)
        for (let i = 0; i < n; i++) {
          const at = hour + Math.floor((i * HOUR) / n)
          if (at >= start && at < end) body.push(item({ id: at, timestamp: new Date(at).toISOString() }))
        }
      }
      slices.push({ start, end, records: body.length })
      return [200, body]
    })
  return slices
}

const client = (config: Record<string, unknown>) => makeClient(config, { clock: manualClock(NOW) })

beforeEach(() => nock.disableNetConnect())
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

describe('adaptive slices (issue 21)', () => {
  it('a dense slice makes the next ones shorter, so every later answer stays near sliceRecords', async () => {
    const slices = serve(() => 100) // 2,400 a day
    const to = FROM + 3 * DAY
    const records = await collect(
      client({ sliceHours: 24, sliceRecords: 600, concurrency: 2 }).list({ from: new Date(FROM), to: new Date(to) }),
    )
    expect(records).toHaveLength(7200)
    expect(new Set(records.map((r) => r.id)).size).toBe(7200)
    expect(slices[0]).toMatchObject({ start: FROM, end: FROM + DAY, records: 2400 })
    // After the first: 6 hours (600 records) a slice, covering the rest exactly.
    expect(slices.slice(1).map((s) => s.end - s.start)).toEqual(Array.from({ length: 8 }, () => 6 * HOUR))
    expect(Math.max(...slices.slice(1).map((s) => s.records))).toBeLessThanOrEqual(600)
    expect(slices[slices.length - 1]?.end).toBe(to)
  })

  it('a sparse range after a dense one makes them longer again, at most 4× a time and never beyond sliceHours', async () => {
    // Dense for the first 6 hours (1,000 an hour), then nearly empty.
    const slices = serve((hour) => (hour < FROM + 6 * HOUR ? 1000 : 1))
    const records = await collect(
      client({ sliceHours: 24, sliceRecords: 2000, concurrency: 1 }).list({
        from: new Date(FROM),
        to: new Date(FROM + 4 * DAY),
      }),
    )
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length)
    const lengths = slices.map((s) => (s.end - s.start) / HOUR)
    expect(lengths[0]).toBe(24)
    expect(lengths[1]).toBeCloseTo(24 * (2000 / 6018), 4) // in proportion to what the first returned (6,000 + 18)
    for (let i = 2; i < lengths.length - 1; i++) {
      expect(lengths[i] as number).toBeLessThanOrEqual(Math.min(24, 4 * (lengths[i - 1] as number)))
    }
    expect(lengths.slice(-3, -1)).toEqual([24, 24])
    expect(records).toHaveLength(6000 + 4 * 24 - 6)
  })

  it('plans lengths in proportion (pure)', () => {
    const day = DAY
    expect(nextSliceLength({ lengthMs: day, records: 40_000, currentMs: day, target: 10_000, maxMs: day })).toBe(
      day / 4,
    )
    expect(nextSliceLength({ lengthMs: HOUR, records: 0, currentMs: HOUR, target: 10_000, maxMs: day })).toBe(4 * HOUR)
    expect(nextSliceLength({ lengthMs: HOUR, records: 2_500, currentMs: HOUR, target: 10_000, maxMs: day })).toBe(
      4 * HOUR,
    )
    expect(nextSliceLength({ lengthMs: HOUR, records: 6_000, currentMs: 2 * HOUR, target: 10_000, maxMs: day })).toBe(
      2 * HOUR,
    )
    expect(nextSliceLength({ lengthMs: 1000, records: 1e9, currentMs: 1000, target: 1, maxMs: day })).toBe(1000)
  })
})

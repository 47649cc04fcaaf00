import { describe, expect, it } from 'vitest'
import { startSimulator } from '../src/index.js'
import { DAY, HOUR, NOW, useSimulator } from './support.js'

const { start } = useSimulator()

describe('ground truth', () => {
  it('describes the generated window and counts arithmetically what it iterates', async () => {
    const sim = await start({ records: { 'partner-gateway': 2000, bsg: 1500, spacivox: 1000 } })
    expect(sim.truth.window('bsg')).toEqual({
      from: new Date(NOW - 7 * DAY).toISOString(),
      to: new Date(NOW).toISOString(),
      count: 1500,
    })
    for (const query of [{}, { from: NOW - 2 * DAY, to: NOW - DAY }, { from: NOW - 3 * DAY }]) {
      expect(sim.truth.count('bsg', query)).toBe([...sim.truth.records('bsg', query)].length)
      for (const channel of ['rcs', 'sms', 'whatsapp'] as const) {
        expect(sim.truth.count('partner-gateway', { ...query, channel })).toBe(
          [...sim.truth.records('partner-gateway', { ...query, channel })].length,
        )
      }
    }
    expect(sim.truth.count('partner-gateway', { channel: 'rcs' })).toBe(1700)
    expect(sim.truth.count('spacivox')).toBe(1000)
    expect(sim.truth.expected('spacivox').size).toBe(1000)
  })

  it('gives ids as the adapters report them, oldest first, with half-open windows', async () => {
    const sim = await start()
    const records = [...sim.truth.records('bsg')]
    const created = records.map((r) => Date.parse(r.createdAt))
    expect([...created].sort((a, b) => a - b)).toEqual(created)
    expect(records.every((r) => /^\d+$/.test(r.id))).toBe(true)
    const middle = created[150] as number
    const before = sim.truth.ids('bsg', { to: middle })
    const after = sim.truth.ids('bsg', { from: middle })
    expect(before.length + after.length).toBe(300)
    expect(after[0]).toBe(records.find((r) => Date.parse(r.createdAt) === middle)?.id)
  })

  it('reads statuses at any instant, excluding records not created yet', async () => {
    const sim = await start({ records: 1000 })
    const earlier = sim.truth.expected('bsg', { at: NOW - 3 * DAY })
    const now = sim.truth.expected('bsg')
    expect(earlier.size).toBeLessThan(now.size)
    expect(earlier.size).toBe(sim.truth.count('bsg', { at: NOW - 3 * DAY }))
    let changed = 0
    for (const [id, status] of earlier) if (now.get(id) !== status) changed++
    expect(changed).toBeGreaterThan(0)
    sim.clock.advance(DAY)
    expect(sim.truth.expected('bsg')).not.toEqual(now)
    expect(sim.truth.expected('bsg', { at: NOW })).toEqual(now)
  })

  it('filters by modifiedSince like spacivox, and finds single records and payloads', async () => {
    const sim = await start({ records: 800 })
    const since = NOW - 12 * HOUR
    const changed = [...sim.truth.records('spacivox', { modifiedSince: since })]
    expect(changed.every((r) => Date.parse(r.updatedAt) > since)).toBe(true)
    const id = sim.truth.ids('spacivox')[10] as string
    expect(sim.truth.record('spacivox', id)?.id).toBe(id)
    expect(sim.truth.payload('spacivox', id)).toMatchObject({ id: Number(id) })
    expect(sim.truth.record('spacivox', '1')).toBeUndefined()
    expect(sim.truth.payload('bsg', 'nope')).toBeUndefined()
    expect(() => sim.truth.expected('bsg', { from: 'not a date' })).toThrow(RangeError)
  })

  it('starts a 1,000,000-record simulator without holding the records', async () => {
    globalThis.gc?.()
    const heapBefore = process.memoryUsage().heapUsed
    const sim = await startSimulator({ records: 1_000_000, now: NOW })
    try {
      // Holding 1,000,000 records would take hundreds of MiB; generating them on demand takes almost nothing.
      // (How long start-up takes is measured by scripts/measure.mjs, not asserted here.)
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(30 * 1024 * 1024)
      expect(sim.truth.count('bsg')).toBe(1_000_000)
      const last = sim.truth.ids('bsg', { from: NOW - 60_000 })
      expect(last.length).toBeGreaterThan(0)
      expect(sim.truth.record('bsg', last.at(-1) as string)?.index).toBe(999_999)
    } finally {
      await sim.close()
    }
  })
})

import { DELIVERY_STATUSES, type DeliveryStatus } from '@rcs-records/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sampleRecords } from '../src/commands/sample-records.js'
import { createPalette } from '../src/output/colors.js'
import { bar } from '../src/report/bar.js'
import type { Funnel } from '../src/report/funnel.js'
import { FunnelAccumulator, funnelOf } from '../src/report/funnel.js'
import { funnelCsvLines, funnelRows } from '../src/report/funnel-rows.js'
import { renderFunnel, renderFunnelReport } from '../src/report/render-funnel.js'
import { record } from './support/records.js'

const group = { label: 'g', provider: null, campaign: null }

describe('funnelOf', () => {
  it('computes cumulative stages, failures and rates', () => {
    const funnel = funnelOf(group, {
      pending: 1,
      sent: 2,
      delivered: 3,
      read: 4,
      rejected: 1,
      undeliverable: 2,
      expired: 1,
      canceled: 1,
      unknown: 5,
    })
    expect(funnel.total).toBe(20)
    expect(funnel.stages).toEqual({ sent: 12, delivered: 7, read: 4 })
    expect(funnel.failures).toBe(5)
    expect(funnel.inFlight).toBe(3)
    expect(funnel.rates.sent).toBeCloseTo(0.6)
    expect(funnel.rates.delivered).toBeCloseTo(0.35)
    expect(funnel.rates.read).toBeCloseTo(0.2)
    expect(funnel.rates.readOfDelivered).toBeCloseTo(4 / 7)
    expect(funnel.rates.failed).toBeCloseTo(0.25)
    expect(funnel.rates.unknown).toBeCloseTo(0.25)
  })

  it('has no rates for an empty group', () => {
    const funnel = funnelOf(group, {})
    expect(funnel.total).toBe(0)
    expect(Object.values(funnel.rates).every((rate) => rate === null)).toBe(true)
  })

  it('obeys the funnel laws for any counts', () => {
    const counts = fc.record(
      Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, fc.nat({ max: 1_000 })])) as Record<
        DeliveryStatus,
        fc.Arbitrary<number>
      >,
    )
    fc.assert(
      fc.property(counts, (c) => {
        const f = funnelOf(group, c)
        expect(f.total).toBe(Object.values(c).reduce((a, b) => a + b, 0))
        expect(f.stages.sent).toBeGreaterThanOrEqual(f.stages.delivered)
        expect(f.stages.delivered).toBeGreaterThanOrEqual(f.stages.read)
        expect(f.inFlight + f.stages.delivered + f.failures + c.unknown).toBe(f.total)
        for (const rate of Object.values(f.rates)) {
          if (rate !== null) {
            expect(rate).toBeGreaterThanOrEqual(0)
            expect(rate).toBeLessThanOrEqual(1)
          }
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('FunnelAccumulator', () => {
  const records = [
    record('1', 'delivered', { provider: 'bsg', campaign: '7' }),
    record('2', 'read', { provider: 'bsg', campaign: '7' }),
    record('3', 'undeliverable', { provider: 'bsg', campaign: '8' }),
    record('4', 'sent', { provider: 'spacivox', campaign: '7' }),
    record('5', 'expired', { provider: 'spacivox', campaign: null }),
    record('6', 'read', { provider: 'spacivox', campaign: '9' }),
  ]

  it('groups per provider and per (provider, campaign), folding campaigns beyond the top', () => {
    const funnel = new FunnelAccumulator()
    for (const r of records) funnel.add(r)
    const report = funnel.report({ from: 'a', to: 'b', top: 2 })
    expect(report.overall.total).toBe(6)
    expect(report.overall.stages.delivered).toBe(3)
    expect(report.providers.map((p) => [p.label, p.total, p.stages.read])).toEqual([
      ['bsg', 3, 1],
      ['spacivox', 3, 1],
    ])
    expect(report.campaigns.map((c) => [c.label, c.total])).toEqual([
      ['bsg / 7', 2],
      ['bsg / 8', 1],
      ['(3 other campaigns)', 3],
    ])
  })

  it('exports one row per funnel as ndjson rows and csv', () => {
    const funnel = new FunnelAccumulator()
    for (const r of records) funnel.add(r)
    const report = funnel.report({ from: 'a', to: 'b', top: 10 })
    expect(funnelRows(report).map((row) => row.group)).toEqual([
      'overall',
      'provider',
      'provider',
      'campaign',
      'campaign',
      'campaign',
      'campaign',
      'campaign',
    ])
    const [header, overall] = funnelCsvLines(report)
    expect(header?.split(',').slice(0, 8)).toEqual([
      'group',
      'label',
      'provider',
      'campaign',
      'from',
      'to',
      'total',
      'pending',
    ])
    expect(overall?.split(',').slice(0, 7)).toEqual(['overall', 'all', '', '', 'a', 'b', '6'])
    expect(overall).toContain(',0.5000,') // delivered rate 3/6
  })

  it('renders bars whose lengths follow the rates, within the width', () => {
    const funnel = new FunnelAccumulator()
    for (const r of records) funnel.add(r)
    const lines = renderFunnelReport(
      funnel.report({ from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z', top: 10 }),
      100,
      createPalette(false),
    )
    const text = lines.join('\n')
    expect(text).toContain('Delivery funnel 2026-01-01 00:00:00 → 2026-01-02 00:00:00 UTC')
    const delivered = lines.find((line) => line.trimStart().startsWith('delivered'))
    expect(delivered).toContain('50.0%')
    expect(delivered).toContain('█'.repeat(10))
    for (const line of lines.slice(0, 20)) expect(line.length).toBeLessThanOrEqual(160)
    expect(text).toContain('bsg / 7')
  })
})

describe('bar', () => {
  it.each([
    [0, 4, '    '],
    [1, 4, '████'],
    [0.5, 4, '██  '],
    [0.1, 4, '▍   '],
    [2, 3, '███'],
    [-1, 3, '   '],
    [Number.NaN, 2, '  '],
  ])('bar(%d, %d) is %j', (fraction, width, expected) => expect(bar(fraction, width)).toBe(expected))

  it('is always exactly the width, and never shorter for a larger fraction', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        (a, b, width) => {
          expect(bar(a, width)).toHaveLength(width)
          const filled = (s: string) => s.trimEnd().length * 8
          if (a <= b) expect(filled(bar(a, width))).toBeLessThanOrEqual(filled(bar(b, width)))
        },
      ),
    )
  })
})

describe('sampleRecords', () => {
  it('returns the sample oldest first whatever order the vendor listed in (partner-gateway lists newest first)', () => {
    const listed = ['delivered', 'undeliverable', 'read', 'sent'].map((status, i) =>
      record(String(i), status as DeliveryStatus, { createdAt: `2026-01-0${4 - i}T00:00:00.000Z` }),
    )
    const sample = sampleRecords(listed, 4)
    expect(sample.map((r) => r.createdAt)).toEqual([...sample.map((r) => r.createdAt)].sort())
    expect(sampleRecords([...listed].reverse(), 4).map((r) => r.id)).toEqual(sample.map((r) => r.id))
  })
})

describe('read that a listing cannot see', () => {
  it('is flagged, shown as n/a (webhooks only), and never a real-looking 0', () => {
    const funnel = new FunnelAccumulator()
    funnel.add(record('1', 'delivered', { provider: 'partner-gateway' }))
    funnel.add(record('2', 'read', { provider: 'bsg' }))
    const report = funnel.report({ from: 'a', to: 'b', top: 5, unreadable: new Set(['partner-gateway']) })
    const pg = report.providers.find((p) => p.provider === 'partner-gateway')
    expect(pg?.readReported).toBe(false)
    expect(report.providers.find((p) => p.provider === 'bsg')?.readReported).toBe(true)
    expect(report.overall.readReported).toBe(false)
    const text = renderFunnel(pg as Funnel, 100, createPalette(false)).join('\n')
    expect(text).toMatch(/read +n\/a +n\/a \(webhooks only\)/)
    expect(text).not.toMatch(/read +█*\s+0 /)
  })
})

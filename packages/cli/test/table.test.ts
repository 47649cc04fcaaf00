import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createPalette } from '../src/output/colors.js'
import { fitColumns, tableLineWidth } from '../src/output/fit-columns.js'
import { TABLE_COLUMNS } from '../src/output/record-columns.js'
import { recordsTable } from '../src/output/records-table.js'
import { renderTable } from '../src/output/table.js'
import { record } from './support/records.js'

const plain = createPalette(false)

describe('fitColumns', () => {
  it('keeps natural widths when they fit', () => {
    expect(
      fitColumns(
        [
          { natural: 5, min: 2, priority: 10 },
          { natural: 8, min: 2, priority: 1 },
        ],
        80,
      ),
    ).toEqual([5, 8])
  })

  it('truncates the least important wide column before dropping anything', () => {
    const widths = fitColumns(
      [
        { natural: 10, min: 4, priority: 10 },
        { natural: 40, min: 8, priority: 3 },
        { natural: 10, min: 4, priority: 5 },
      ],
      50,
    )
    expect(widths).toEqual([10, 20, 10])
    expect(tableLineWidth(widths)).toBe(50)
  })

  it('drops the least important columns when even comfortable widths do not fit, never priority 10', () => {
    const widths = fitColumns(
      [
        { natural: 36, min: 8, priority: 10 },
        { natural: 13, min: 9, priority: 10 },
        { natural: 30, min: 8, priority: 1 },
        { natural: 12, min: 8, priority: 2 },
      ],
      60,
    )
    expect(widths[2]).toBe(0)
    expect(widths[0]).toBeGreaterThan(0)
    expect(widths[1]).toBeGreaterThan(0)
    expect(tableLineWidth(widths)).toBeLessThanOrEqual(60)
  })

  it('fits any table whose essential columns fit, keeping every kept column at least at its minimum', () => {
    const column = fc.record({
      natural: fc.integer({ min: 1, max: 80 }),
      min: fc.integer({ min: 1, max: 12 }),
      priority: fc.integer({ min: 1, max: 10 }),
    })
    fc.assert(
      fc.property(
        fc.array(column, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 20, max: 300 }),
        (columns, width) => {
          const widths = fitColumns(columns, width)
          const essential = columns.map((c) => (c.priority >= 10 ? Math.min(c.min, c.natural) : 0))
          if (tableLineWidth(essential) <= width) expect(tableLineWidth(widths)).toBeLessThanOrEqual(width)
          columns.forEach((c, i) => {
            const w = widths[i] ?? 0
            if (c.priority >= 10) expect(w).toBeGreaterThan(0)
            if (w > 0) expect(w).toBeGreaterThanOrEqual(Math.min(c.min, c.natural))
            expect(w).toBeLessThanOrEqual(Math.max(1, c.natural))
          })
        },
      ),
      { numRuns: 1_000 },
    )
  })
})

describe('renderTable', () => {
  const records = Array.from({ length: 5 }, (_, i) =>
    record(`0f8fad5b-d9cb-469f-a165-70867728950${i}`, i % 2 === 0 ? 'undeliverable' : 'read', {
      provider: 'partner-gateway',
      recipient: '+393401234567',
      campaign: 'spring-sale-2026-with-a-very-long-campaign-name',
      reference: `order-${i}`,
      sentAt: '2026-01-31T10:00:00.000Z',
      deliveredAt: '2026-01-31T10:00:05.000Z',
      reason: { code: 'not_rcs_capable', permanent: true, vendorCode: null, message: 'RCS disabled' },
    }),
  )

  it.each([40, 60, 80, 100, 120, 200])('every line of the records table fits %i columns', (width) => {
    const lines = recordsTable(records, width, plain)
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(width)
    expect(lines.join('\n')).toContain('status')
    expect(lines.join('\n')).toMatch(/undeliverable|undeliver…/)
  })

  it('shows every column that has a value, with full values, when the terminal is wide enough', () => {
    const text = recordsTable(records, 400, plain).join('\n')
    for (const column of TABLE_COLUMNS) {
      const filled = records.some((r) => column.value(r) !== '')
      if (filled) expect(text).toContain(column.name)
      else expect(text, column.name).not.toContain(`│ ${column.name} `)
    }
    expect(TABLE_COLUMNS.some((column) => records.every((r) => column.value(r) === ''))).toBe(true)
    expect(text).toContain('spring-sale-2026-with-a-very-long-campaign-name')
    expect(text).toContain('0f8fad5b-d9cb-469f-a165-708677289500')
  })

  it('truncates with an ellipsis and removes control characters from vendor text', () => {
    const lines = renderTable(
      [
        { name: 'id', min: 4, priority: 10 },
        { name: 'text', min: 4, priority: 10 },
      ],
      [['1', 'evil\u001b[2J\nnext line and a very long tail that cannot fit']],
      30,
      plain,
    )
    const text = lines.join('\n')
    expect(text).not.toContain('\u001b')
    expect(text).toContain('…')
    expect(lines).toHaveLength(5)
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30)
  })

  it('colours only when the palette is enabled', () => {
    expect(recordsTable(records, 200, plain).join('\n')).not.toContain('\u001b[')
    expect(recordsTable(records, 200, createPalette(true)).join('\n')).toContain('\u001b[')
  })
})

describe('displayWidth', () => {
  it('counts wide characters as two cells and combining marks as none', async () => {
    const { displayWidth, truncateToWidth } = await import('../src/output/display-width.js')
    expect(displayWidth('abc')).toBe(3)
    expect(displayWidth('日本語')).toBe(6)
    expect(displayWidth('e\u0301')).toBe(1)
    expect(truncateToWidth('undeliverable', 8)).toBe('undeliv…')
    expect(truncateToWidth('日本語テキスト', 7)).toBe('日本語…')
    expect(truncateToWidth('short', 8)).toBe('short')
  })
})

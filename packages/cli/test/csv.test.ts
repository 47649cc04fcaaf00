import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvCell, csvLine } from '../src/output/csv.js'

/** A strict RFC 4180 reader for one record (quoted fields may hold commas, quotes and line breaks). */
const parseCsvRecord = (text: string): string[] => {
  const cells: string[] = []
  let i = 0
  while (true) {
    let cell = ''
    if (text[i] === '"') {
      i += 1
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"'
          i += 2
        } else if (text[i] === '"') {
          i += 1
          break
        } else {
          cell += text[i]
          i += 1
        }
      }
    } else {
      while (i < text.length && text[i] !== ',') {
        cell += text[i]
        i += 1
      }
    }
    cells.push(cell)
    if (i >= text.length) return cells
    expect(text[i]).toBe(',')
    i += 1
  }
}

describe('csv', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
    ['+380661234567', '+380661234567'],
    ['-1.5', '-1.5'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+cmd', "'+cmd"],
    ['-cmd', "'-cmd"],
  ])('escapes %j as %j', (value, expected) => expect(csvCell(value)).toBe(expected))

  it('round-trips any cells through a strict RFC 4180 reader (formula cells keep a leading quote)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const parsed = parseCsvRecord(csvLine(cells))
        expect(parsed).toEqual(cells.map((cell) => (/^(?:[=@\t\r]|[+-](?![\d.]))/.test(cell) ? `'${cell}` : cell)))
      }),
      { numRuns: 500 },
    )
  })
})

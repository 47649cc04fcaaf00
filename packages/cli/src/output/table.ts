import type { Palette } from './colors.js'
import { displayWidth, truncateToWidth } from './display-width.js'
import { fitColumns } from './fit-columns.js'
import { terminalSafe } from './sanitize.js'

/**
 * A column of a {@link renderTable} table.
 *
 * @example
 * import type { TextColumn } from '@rcs-records/cli'
 * const column: TextColumn = { name: 'id', min: 8, priority: 10 }
 */
export interface TextColumn {
  name: string
  min: number
  priority: number
  align?: 'left' | 'right'
}

/**
 * A table cell: its text, and optionally how to style it once truncated (colour never changes widths).
 *
 * @example
 * import type { Cell } from '@rcs-records/cli'
 * const cell: Cell = { text: 'delivered', style: (s) => `\u001b[32m${s}\u001b[39m` }
 */
export interface Cell {
  text: string
  style?: (text: string) => string
}

const pad = (text: string, width: number, align: 'left' | 'right'): string => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)))
  return align === 'right' ? fill + text : text + fill
}

/**
 * Renders a boxed table that fits `width` terminal cells (see `fitColumns`: long values are truncated with `…`,
 * the least important columns dropped). Cells are made terminal-safe; colours are applied after measuring. Returns
 * the lines without line breaks.
 *
 * @example
 * import { createPalette, renderTable } from '@rcs-records/cli'
 * const lines = renderTable([{ name: 'id', min: 2, priority: 10 }], [[{ text: '42' }]], 80, createPalette(false))
 * // ['┌────┐', '│ id │', '├────┤', '│ 42 │', '└────┘']
 */
export const renderTable = (
  columns: readonly TextColumn[],
  rows: readonly (readonly (Cell | string)[])[],
  width: number,
  palette: Palette,
): string[] => {
  const cells = rows.map((row) =>
    columns.map((_, i): Cell => {
      const cell = row[i] ?? ''
      return typeof cell === 'string' ? { text: terminalSafe(cell) } : { ...cell, text: terminalSafe(cell.text) }
    }),
  )
  const widths = fitColumns(
    columns.map((column, i) => ({
      natural: Math.max(displayWidth(column.name), ...cells.map((row) => displayWidth(row[i]?.text ?? ''))),
      min: column.min,
      priority: column.priority,
    })),
    width,
  )
  const kept = columns.flatMap((column, i) => {
    const cellWidth = widths[i] ?? 0
    return cellWidth > 0 ? [{ column, i, cellWidth }] : []
  })
  const rule = (left: string, middle: string, right: string) =>
    left + kept.map(({ cellWidth }) => '─'.repeat(cellWidth + 2)).join(middle) + right
  const line = (render: (entry: (typeof kept)[number]) => string) => `│ ${kept.map(render).join(' │ ')} │`
  const show = (cell: Cell, cellWidth: number, align: 'left' | 'right') => {
    const text = pad(truncateToWidth(cell.text, cellWidth), cellWidth, align)
    return cell.style === undefined ? text : cell.style(text)
  }
  return [
    rule('┌', '┬', '┐'),
    line(({ column, cellWidth }) =>
      palette.bold(pad(truncateToWidth(column.name, cellWidth), cellWidth, column.align ?? 'left')),
    ),
    rule('├', '┼', '┤'),
    ...cells.map((row) =>
      line(({ column, i, cellWidth }) => show(row[i] ?? { text: '' }, cellWidth, column.align ?? 'left')),
    ),
    rule('└', '┴', '┘'),
  ]
}

import type { Palette } from './colors.js'
import { displayWidth, truncateToWidth } from './display-width.js'
import { fitColumns } from './fit-columns.js'
import { terminalSafe } from './sanitize.js'

/**
 * A column of a {@link renderTable} table.
 */
export interface TextColumn {
  name: string
  min: number
  priority: number
  align?: 'left' | 'right'
}

/**
 * A table cell: its text, and optionally how to style it once truncated (colour never changes widths).
 */
export interface Cell {
  text: string
  style?: (text: string) => string
}

const pad = (text: string, width: number, align: 'left' | 'right'): string => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)))
  return align === 'right' ? fill + text : text + fill
}

/** A cell made terminal-safe (control characters become spaces) before anything measures it. */
const safeCell = (cell: Cell | string | undefined): Cell => {
  if (cell === undefined) return { text: '' }
  return typeof cell === 'string' ? { text: terminalSafe(cell) } : { ...cell, text: terminalSafe(cell.text) }
}

/**
 * The widths of a table, decided once from the header and a sample of rows, after which any number of rows can be
 * drawn one at a time (longer values are truncated with `…`). See {@link tableLayout}.
 */
export interface TableLayout {
  /** The top rule, the header and the rule under it. */
  head(): string[]
  /** One body line. */
  row(cells: readonly (Cell | string)[]): string
  /** The bottom rule. */
  foot(): string
  /** How many columns are shown (the others were dropped to fit, or were empty). */
  readonly shown: number
}

/**
 * Decides the widths of a boxed table that fits `width` terminal cells from the header and `sample` rows (see
 * `fitColumns`: long values are truncated with `…`, the least important columns dropped). With `dropEmpty`, a
 * column that is empty in every sampled row is left out (unless its priority is 10). Cells are made
 * terminal-safe; colours are applied after measuring.
 */
export const tableLayout = (
  columns: readonly TextColumn[],
  sample: readonly (readonly (Cell | string)[])[],
  width: number,
  palette: Palette,
  options: { dropEmpty?: boolean } = {},
): TableLayout => {
  // A loop, not Math.max(...cells): a spread of a whole listing overflows the stack.
  const natural = columns.map((column) => displayWidth(column.name))
  const filled = columns.map(() => false)
  for (const row of sample) {
    for (let i = 0; i < columns.length; i++) {
      const cellWidth = displayWidth(safeCell(row[i]).text)
      if (cellWidth > 0) filled[i] = true
      if (cellWidth > (natural[i] ?? 0)) natural[i] = cellWidth
    }
  }
  const dropped = (i: number) => options.dropEmpty === true && !filled[i] && (columns[i]?.priority ?? 0) < 10
  const candidates = columns.map((column, i) => ({ column, i })).filter(({ i }) => !dropped(i))
  const widths = fitColumns(
    candidates.map(({ column, i }) => ({ natural: natural[i] ?? 1, min: column.min, priority: column.priority })),
    width,
  )
  const kept = candidates.flatMap((candidate, k) => {
    const cellWidth = widths[k] ?? 0
    return cellWidth > 0 ? [{ ...candidate, cellWidth }] : []
  })
  const rule = (left: string, middle: string, right: string) =>
    left + kept.map(({ cellWidth }) => '─'.repeat(cellWidth + 2)).join(middle) + right
  const line = (render: (entry: (typeof kept)[number]) => string) => `│ ${kept.map(render).join(' │ ')} │`
  const show = (cell: Cell, cellWidth: number, align: 'left' | 'right') => {
    const text = pad(truncateToWidth(cell.text, cellWidth), cellWidth, align)
    return cell.style === undefined ? text : cell.style(text)
  }
  return {
    shown: kept.length,
    head: () => [
      rule('┌', '┬', '┐'),
      line(({ column, cellWidth }) =>
        palette.bold(pad(truncateToWidth(column.name, cellWidth), cellWidth, column.align ?? 'left')),
      ),
      rule('├', '┼', '┤'),
    ],
    row: (cells) => line(({ column, i, cellWidth }) => show(safeCell(cells[i]), cellWidth, column.align ?? 'left')),
    foot: () => rule('└', '┴', '┘'),
  }
}

/**
 * Renders a boxed table that fits `width` terminal cells (see {@link tableLayout}). Returns the lines without line
 * breaks.
 */
export const renderTable = (
  columns: readonly TextColumn[],
  rows: readonly (readonly (Cell | string)[])[],
  width: number,
  palette: Palette,
  options: { dropEmpty?: boolean } = {},
): string[] => {
  const layout = tableLayout(columns, rows, width, palette, options)
  const lines = layout.head()
  for (const row of rows) lines.push(layout.row(row))
  lines.push(layout.foot())
  return lines
}

/**
 * What {@link fitColumns} needs to know about a column.
 */
export interface ColumnSize {
  /** Width of the widest value (or the header). */
  natural: number
  /** Narrowest useful width. */
  min: number
  /** Lowest is dropped first; 10 and above is never dropped. */
  priority: number
}

/** A column is first given at most this width, so that more columns fit. */
const COMFORTABLE = 24
const KEEP_PRIORITY = 10

/**
 * Width of a boxed table line with padding 1 and single borders: `│ a │ b │` → content + 3 per column + 1.
 */
export const tableLineWidth = (widths: readonly number[]): number => {
  const kept = widths.filter((width) => width > 0)
  return kept.reduce((sum, width) => sum + width, 0) + 3 * kept.length + 1
}

/**
 * Chooses content widths so a boxed table fits `available` terminal columns. Columns of priority 10 are always
 * shown, at full width when possible. The others are added most important first, each at a comfortable width
 * (its longest value, capped at 24) or, when less room is left, at whatever is left if that is at least its
 * minimum; a column that does not fit at all is dropped (width 0). Leftover room then widens truncated columns.
 * Only when the priority-10 columns alone are too wide are they truncated, down to their minimum (beyond that the
 * table overflows rather than lose them).
 */
export const fitColumns = (columns: readonly ColumnSize[], available: number): number[] => {
  const natural = columns.map((column) => Math.max(1, column.natural))
  const floor = columns.map((column, i) => Math.min(column.min, natural[i] ?? 1))
  const widths = columns.map((column, i) => (column.priority >= KEEP_PRIORITY ? (natural[i] ?? 1) : 0))
  const order = columns
    .map((column, index) => ({ index, priority: column.priority }))
    .sort((a, b) => b.priority - a.priority || a.index - b.index)
  for (const { index, priority } of order) {
    if (priority >= KEEP_PRIORITY) continue
    const room = available - tableLineWidth(widths) - 3
    const want = Math.min(natural[index] ?? 1, Math.max(columns[index]?.min ?? 1, COMFORTABLE))
    if (room >= want) widths[index] = want
    else if (room >= (floor[index] ?? 1)) widths[index] = room
  }
  for (const { index } of order) {
    const width = widths[index] ?? 0
    const spare = available - tableLineWidth(widths)
    if (width > 0 && spare > 0) widths[index] = Math.min(natural[index] ?? 1, width + spare)
  }
  for (const { index } of [...order].reverse()) {
    const excess = tableLineWidth(widths) - available
    if (excess <= 0) break
    const width = widths[index] ?? 0
    if (width > 0) widths[index] = Math.max(floor[index] ?? 1, width - excess)
  }
  return widths
}

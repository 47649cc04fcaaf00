/**
 * One line of the benchmark table.
 *
 * @example
 * const row: BenchRow = { benchmark: 'normalise bsg', measured: '0.31×', target: '≤ 0.5×', ok: true, detail: '…' }
 */
export interface BenchRow {
  benchmark: string
  measured: string
  target: string
  ok: boolean | null
  detail: string
}

/**
 * Renders rows as a plain-text table (Markdown-compatible, so it can be pasted into the README).
 *
 * @example
 * console.log(renderTable(rows))
 */
export const renderTable = (rows: readonly BenchRow[]): string => {
  const header = ['benchmark', 'measured', 'target', 'met', 'detail']
  const cells = rows.map((row) => [
    row.benchmark,
    row.measured,
    row.target,
    row.ok === null ? '—' : row.ok ? 'yes' : 'NO',
    row.detail,
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)),
  )
  const line = (values: readonly string[]) =>
    `| ${values.map((value, i) => value.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')
}

/**
 * Formats a number with a fixed number of decimals and thousands separators.
 *
 * @example
 * fmt(12345.678, 1) // '12,345.7'
 */
export const fmt = (value: number, decimals = 0): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })

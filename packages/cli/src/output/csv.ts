const NEEDS_QUOTES = /[",\r\n]/
/** Cells a spreadsheet would run as a formula; `+`/`-` only when not followed by a digit (keeps `+380…` intact). */
const FORMULA_START = /^(?:[=@\t\r]|[+-](?![\d.]))/

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A cell a spreadsheet
 * would evaluate as a formula (`=…`, `@…`, `+x…`, `-x…`) is prefixed with `'` (OWASP CSV-injection advice); E.164
 * numbers such as `+380661234567` are left as they are.
 */
export const csvCell = (value: string): string => {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/**
 * One CSV line (without the line break).
 */
export const csvLine = (cells: readonly string[]): string => cells.map(csvCell).join(',')

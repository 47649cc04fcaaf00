/**
 * The output formats of the CLI.
 */
export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const

/**
 * `table` (for people) · `json` (one array) · `ndjson` (one record per line) · `csv` (a header, one record per line).
 */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

/**
 * True when `value` names an output format.
 */
export const isOutputFormat = (value: string): value is OutputFormat =>
  (OUTPUT_FORMATS as readonly string[]).includes(value)

const FORMAT_OF_EXTENSION: Readonly<Record<string, OutputFormat>> = {
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  csv: 'csv',
  txt: 'table',
}

/**
 * The format used when `--format` is not given: from the `--out` file's extension (`.json`, `.ndjson`/`.jsonl`,
 * `.csv`, `.txt` → table; any other → ndjson), else `table` when stdout is a terminal and `ndjson` when it is piped.
 */
export const defaultFormat = (target: { outPath?: string | undefined; stdoutIsTty: boolean }): OutputFormat => {
  if (target.outPath !== undefined) {
    const extension = /\.([a-z0-9]+)$/i.exec(target.outPath)?.[1]?.toLowerCase()
    return (extension === undefined ? undefined : FORMAT_OF_EXTENSION[extension]) ?? 'ndjson'
  }
  return target.stdoutIsTty ? 'table' : 'ndjson'
}

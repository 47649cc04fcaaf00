import { spawn } from 'node:child_process'
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Simulator, Vendor } from '@rcs-records/simulator'

/**
 * One way of running the CLI over a whole window: where its output goes and in which format.
 *
 * @example
 * const mode: CliMode = { name: 'out ndjson', args: ['list'], out: 'ndjson' }
 */
export interface CliMode {
  /** Shown in the bench table: `list --out .ndjson`, `list piped csv`, `report`. */
  name: string
  /** The command and its format flags (the provider, config and window are added). */
  args: readonly string[]
  /** `--out` a file with this extension; otherwise stdout is a pipe the bench drains. */
  out?: 'ndjson' | 'csv' | 'json'
}

/**
 * The modes the `cli` part runs for each provider: `list --out` in every record format, `list` piped as ndjson and
 * csv (stdout a pipe, drained as fast as it comes), and `report` (the funnel; nothing per record is written).
 *
 * @example
 * CLI_MODES.map((mode) => mode.name) // ['list --out .ndjson', …, 'report']
 */
export const CLI_MODES: readonly CliMode[] = [
  { name: 'list --out .ndjson', args: ['list'], out: 'ndjson' },
  { name: 'list --out .csv', args: ['list'], out: 'csv' },
  { name: 'list --out .json', args: ['list'], out: 'json' },
  { name: 'list piped ndjson', args: ['list', '--format', 'ndjson'] },
  { name: 'list piped csv', args: ['list', '--format', 'csv'] },
  { name: 'report', args: ['report', '--format', 'json'] },
]

/**
 * What one run of the CLI gave.
 *
 * @example
 * const run: CliRun = { peakRssMb: 92, records: 1_000_000, ms: 21_000 }
 */
export interface CliRun {
  /** Peak RSS of the `rcs-records` process over its whole life (the kernel's high-water mark). */
  peakRssMb: number
  /** Records written (lines of ndjson/csv, elements of json) or counted by the report. */
  records: number
  ms: number
}

const here = dirname(fileURLToPath(import.meta.url))
const PROBE = join(here, 'cli-rss-probe.js')

const cliBin = (): string => {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@rcs-records/cli/package.json')), 'dist', 'bin.js')
}

/** Newlines in a file, read in chunks (the file can be hundreds of MB). */
const countLines = (path: string): Promise<number> =>
  new Promise((resolve, reject) => {
    let lines = 0
    createReadStream(path)
      .on('data', (chunk) => {
        const bytes = chunk as Buffer
        for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++
      })
      .on('error', reject)
      .on('end', () => resolve(lines))
  })

/** Records in what the CLI wrote: ndjson lines, csv lines less the header, json array lines less the brackets. */
const recordsIn = (lines: number, format: 'ndjson' | 'csv' | 'json'): number =>
  format === 'ndjson' ? lines : format === 'csv' ? lines - 1 : lines - 2

/**
 * Runs `rcs-records` once over a vendor's whole window (or its last `lastHours`) against the simulator process, as a user would (the real
 * `dist/bin.js` in a fresh Node process), and reads its peak RSS through the preloaded probe, and counts the records
 * it wrote (lines of the file or the pipe, or the report's total).
 *
 * @example
 * const run = await runCli('bsg', CLI_MODES[0], sim)
 */
export const runCli = async (
  vendor: Vendor,
  mode: CliMode,
  sim: { config: Simulator['config']; windows: Record<Vendor, { from: string; to: string; count: number }> },
  options: { lastHours?: number } = {},
): Promise<CliRun> => {
  const dir = mkdtempSync(join(tmpdir(), 'rcs-bench-cli-'))
  try {
    const configPath = join(dir, 'sim.json')
    // Spacivox has no paging: one slice is one response. A day of this window (~143,000 records, ~35 MB of JSON) in
    // one body is not a listing's memory but a slice's; 1-hour slices are what its README advises for dense days
    // (and what the library's memory benchmark uses).
    writeFileSync(configPath, JSON.stringify({ ...sim.config, spacivox: { ...sim.config.spacivox, sliceHours: 1 } }))
    const rssFile = join(dir, 'rss')
    const outPath = mode.out === undefined ? undefined : join(dir, `records.${mode.out}`)
    const whole = sim.windows[vendor]
    const window =
      options.lastHours === undefined
        ? whole
        : { from: new Date(Date.parse(whole.to) - options.lastHours * 3_600_000).toISOString(), to: whole.to }
    const args = [
      '--import',
      PROBE,
      cliBin(),
      ...mode.args,
      '--config',
      configPath,
      '--provider',
      vendor,
      '--from',
      window.from,
      '--to',
      window.to,
      '--no-progress',
      ...(outPath === undefined ? [] : ['--out', outPath]),
    ]
    const started = performance.now()
    const { code, stdout, stderr, stdoutLines } = await new Promise<{
      code: number | null
      stdout: string
      stderr: string
      stdoutLines: number
    }>((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), RCS_BENCH_RSS_FILE: rssFile },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let lines = 0
      let tail = ''
      let stderrText = ''
      child.stdout.on('data', (chunk: Buffer) => {
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++
        if (mode.args[0] === 'report') tail += chunk.toString('utf8')
      })
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderrText += chunk
      })
      child.once('error', reject)
      child.once('close', (exitCode) =>
        resolve({ code: exitCode, stdout: tail, stderr: stderrText, stdoutLines: lines }),
      )
    })
    const ms = performance.now() - started
    if (code !== 0) throw new Error(`rcs-records ${mode.name} (${vendor}) exited ${code}: ${stderr.trim()}`)
    let records: number
    if (mode.args[0] === 'report') records = (JSON.parse(stdout) as { overall: { total: number } }).overall.total
    else if (outPath !== undefined) records = recordsIn(await countLines(outPath), mode.out ?? 'ndjson')
    else records = recordsIn(stdoutLines, mode.args.includes('csv') ? 'csv' : 'ndjson')
    const peakRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024 / 1024
    return { peakRssMb, records, ms }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

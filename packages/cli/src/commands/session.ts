import type { Logger, RcsClient, RcsRecord } from '@rcs-records/core'
import type { CommonOptions } from '../args/command.js'
import { readConfigFile } from '../config/config-file.js'
import { DEFAULT_RETRIES } from '../config/http-options.js'
import { listingReportsRead, openClient } from '../config/open-client.js'
import { resolveConfigs } from '../config/resolve-config.js'
import { MAX_JSON_DEPTH } from '../output/bounded-json.js'
import { createPalette, type Palette, shouldColor } from '../output/colors.js'
import { defaultFormat, type OutputFormat } from '../output/format.js'
import type { RecordWriterOptions } from '../output/record-writer.js'
import { terminalSafe } from '../output/sanitize.js'
import { fileSink, type LineSink, streamSink } from '../output/sink.js'
import { formatElapsed } from '../progress/describe-progress.js'
import { createProgressReporter, type ProgressReporter } from '../progress/progress-reporter.js'
import type { CliIo } from '../runtime/cli-io.js'
import { createHttpActivity, type HttpActivity } from '../runtime/http-activity.js'
import { type InterruptScope, interruptScope } from '../runtime/interrupt-scope.js'
import { stderrLogger } from '../runtime/stderr-logger.js'

/**
 * What a command needs while it runs: config, output, progress, logging and Ctrl-C.
 */
export interface Session {
  io: CliIo
  common: CommonOptions
  scope: InterruptScope
  logger: Logger
  /** Width that tables must fit. */
  width: number
  /** True when output goes to a terminal (stdout is one and there is no `--out`). */
  toTerminal: boolean
  /**
   * How records are written here (`--raw`, the width, cut records reported): a table's widths from the first
   * screenful and, on a terminal, at most 1,000 rows; csv/json made safe to show on a terminal.
   */
  writerOptions(palette: Palette): RecordWriterOptions
  progress: ProgressReporter
  /** The vendors' HTTP traffic: retries are announced on stderr as they happen. */
  activity: HttpActivity
  /** The providers opened so far whose listing cannot report `read` (webhooks only). */
  unreadable: Set<string>
  openClients(options: { many: boolean }): Promise<RcsClient[]>
  /** Opens stdout or the `--out` file; call once, after the config is known good. */
  openOutput(): { sink: LineSink; format: OutputFormat; palette: Palette }
  /** Writes a line to stderr (made terminal-safe: vendor text can reach it). */
  note(line: string): void
  /** With `--out`: one line on stderr saying what was written where, and how long the command took. */
  noteWritten(what: string): void
  /** A record written with part of it cut (nested too deep): a warning line (the first 10; then one more line). */
  noteCut(record: RcsRecord): void
  /** Flushes and closes the output, stops listening for Ctrl-C. */
  close(): Promise<void>
}

const DEFAULT_WIDTH = 120
const MAX_CUT_NOTES = 10
/** Rows of a records table that decide its widths when the screen's height is unknown (a file or a pipe). */
const SAMPLE_ROWS = 100
/** A records table on a terminal stops here, and says how to get every record. */
export const TERMINAL_TABLE_LIMIT = 1_000

/**
 * The width tables fit: the terminal's when stdout is one, else `COLUMNS`, else 120.
 */
export const outputWidth = (target: {
  stdoutIsTty: boolean
  columns: number | undefined
  env: Readonly<Record<string, string | undefined>>
}): number => {
  if (target.stdoutIsTty && target.columns !== undefined && target.columns > 0) return target.columns
  const fromEnv = Number(target.env.COLUMNS)
  return Number.isInteger(fromEnv) && fromEnv >= 20 ? fromEnv : DEFAULT_WIDTH
}

/**
 * Starts a session for one command.
 */
export const openSession = (io: CliIo, common: CommonOptions): Session => {
  const stdoutIsTty = io.stdout.isTTY === true && common.out === undefined
  const stderrIsTty = io.stderr.isTTY === true
  let sink: LineSink | null = null
  // A second Ctrl-C exits at once: hand what the output holds to the OS first, so the file ends in whole lines.
  const scope = interruptScope({
    ...io,
    exit: (code) => {
      sink?.flush()
      io.exit(code)
    },
  })
  const started = io.now()
  let cuts = 0
  const noteCut = (record: RcsRecord) => {
    cuts += 1
    if (cuts <= MAX_CUT_NOTES) {
      note(
        `rcs-records: warning: ${record.provider} ${record.id}: part of the record nests deeper than ${MAX_JSON_DEPTH} levels; written with that part replaced by a placeholder`,
      )
    } else if (cuts === MAX_CUT_NOTES + 1) note('rcs-records: warning: more records were cut the same way (not listed)')
  }
  const width = outputWidth({ stdoutIsTty, columns: io.stdout.columns, env: io.env })
  const unreadable = new Set<string>()
  /** stdout and stderr on one terminal: the status line is erased before output lands on it (and comes back). */
  const terminalAware = (lines: LineSink): LineSink =>
    !(stdoutIsTty && stderrIsTty)
      ? lines
      : {
          get broken() {
            return lines.broken
          },
          writeLines: (more) => {
            progress.clear()
            lines.writeLines(more)
          },
          ready: () => lines.ready(),
          flush: () => lines.flush(),
          close: () => lines.close(),
        }
  const note = (line: string) => {
    io.stderr.write(`${stderrIsTty ? '\r\u001b[K' : ''}${terminalSafe(line)}\n`)
  }
  const logger = stderrLogger(io.stderr, { verbose: common.verbose, terminal: stderrIsTty })
  const activity = createHttpActivity({ now: io.now, note })
  const progress = createProgressReporter(io.stderr, {
    enabled: stderrIsTty && common.progress,
    now: io.now,
    activity,
  })
  return {
    io,
    common,
    scope,
    logger,
    width,
    toTerminal: stdoutIsTty,
    writerOptions: (palette) => ({
      raw: common.raw,
      width,
      palette,
      onCut: noteCut,
      tableSampleRows:
        stdoutIsTty && io.stdout.rows !== undefined && io.stdout.rows > 8 ? io.stdout.rows - 4 : SAMPLE_ROWS,
      tableLimit: stdoutIsTty ? TERMINAL_TABLE_LIMIT : null,
      terminal: stdoutIsTty,
    }),
    progress,
    activity,
    unreadable,
    openClients: async ({ many }) => {
      const file = common.config === undefined ? undefined : await readConfigFile(common.config)
      const resolved = resolveConfigs(
        {
          flags: {
            ...(common.provider === undefined ? {} : { provider: common.provider }),
            ...(common.baseUrl === undefined ? {} : { baseUrl: common.baseUrl }),
            http: common.http,
          },
          ...(file === undefined ? {} : { file }),
          ...(common.config === undefined ? {} : { filePath: common.config }),
          env: io.env,
        },
        { many },
      )
      const clients: RcsClient[] = []
      for (const entry of resolved) {
        const hooks = activity.hooksFor(entry.http?.retry?.limit ?? DEFAULT_RETRIES)
        clients.push(await openClient(entry, { logger, hooks }))
        if (!(await listingReportsRead(entry.provider))) unreadable.add(entry.provider)
      }
      return clients
    },
    openOutput: () => {
      sink ??=
        common.out === undefined ? terminalAware(streamSink(io.stdout, () => scope.abort())) : fileSink(common.out)
      const format = common.format ?? defaultFormat({ outPath: common.out, stdoutIsTty: io.stdout.isTTY === true })
      const palette = createPalette(shouldColor({ isTty: stdoutIsTty, env: io.env, flag: common.color }))
      return { sink, format, palette }
    },
    note,
    noteCut: (record) => {
      cuts += 1
      if (cuts <= MAX_CUT_NOTES) {
        note(
          `rcs-records: warning: ${record.provider} ${record.id}: part of the record nests deeper than ${MAX_JSON_DEPTH} levels; written with that part replaced by a placeholder`,
        )
      } else if (cuts === MAX_CUT_NOTES + 1)
        note('rcs-records: warning: more records were cut the same way (not listed)')
    },
    noteWritten: (what) => {
      if (common.out !== undefined)
        note(`rcs-records: wrote ${what} to ${common.out} in ${formatElapsed(io.now() - started)}`)
    },
    close: async () => {
      progress.dispose()
      scope.dispose()
      await sink?.close()
    },
  }
}

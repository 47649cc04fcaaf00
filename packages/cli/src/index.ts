/**
 * @rcs-records/cli — the `rcs-records` command. The bin is `dist/bin.js`; this entry exposes the same pieces for
 * embedding and testing: `runCli`, the argument parser, config resolution, output formatters and the funnel report.
 *
 * @packageDocumentation
 */

export type {
  Command,
  CommandName,
  CommonOptions,
  ListFilters,
  LookupOptions,
  StoreFilters,
} from './args/command.js'
export { parseDuration } from './args/duration.js'
export { helpText } from './args/help.js'
export { parseInstant } from './args/instant.js'
export { COMMAND_NAMES, parseCommandLine } from './args/parse-command-line.js'
export { closestName, didYouMean } from './args/suggest.js'
export { forCommandLine } from './cli-advice.js'
export { CliError } from './cli-error.js'
export { runDemo } from './commands/demo.js'
export { totalsTable } from './commands/demo-summary.js'
export { callOptionsOf, runGet, writeRecords } from './commands/get.js'
export { GET_MANY_CHUNK, runGetMany } from './commands/get-many.js'
export { runList } from './commands/list.js'
export { runQuery } from './commands/query.js'
export { idsFromText, readAllText } from './commands/read-ids.js'
export { funnelReportLines, runReport } from './commands/report.js'
export { runStoreReport, storeFunnelReport, storeQueryOf } from './commands/report-store.js'
export { sampleRecords } from './commands/sample-records.js'
export { runServe, type ServeOptions, WEBHOOK_SECRET_ENV } from './commands/serve.js'
export { openSession, outputWidth, type Session, TERMINAL_TABLE_LIMIT } from './commands/session.js'
export { runSimulate } from './commands/simulate.js'
export { DEFAULT_STORE, openCommandStore, storeLocation } from './commands/store-target.js'
export { describeCounts, listQueryOf, streamRecords } from './commands/stream-records.js'
export { DEFAULT_FOLLOW_INTERVAL_MS, progressClient, runSync, type SyncCommandOptions } from './commands/sync.js'
export { describeSyncReport, syncSummaryWriter } from './commands/sync-summary.js'
export { describeChange, runWatch } from './commands/watch.js'
export { type FileConfigs, parseConfigText, readConfigFile } from './config/config-file.js'
export { ENV_VARIABLES, envConfigFor, PROVIDER_VARIABLE, providersInEnv } from './config/env-config.js'
export {
  DEFAULT_RETRIES,
  type HttpFlags,
  mergeHttpOptions,
  parseHttpSection,
} from './config/http-options.js'
export { listingReportsRead, openClient, registerConfigSecrets } from './config/open-client.js'
export { type ConfigSources, type ProviderConfig, resolveConfigs } from './config/resolve-config.js'
export { describeFailure, type Failure } from './describe-failure.js'
export { EXIT, type ExitCode, exitCodeOfKind } from './exit-codes.js'
export { boundedJson, MAX_JSON_DEPTH } from './output/bounded-json.js'
export { createPalette, type Palette, shouldColor } from './output/colors.js'
export { csvCell, csvLine } from './output/csv.js'
export { displayWidth, truncateToWidth } from './output/display-width.js'
export { type ColumnSize, fitColumns, tableLineWidth } from './output/fit-columns.js'
export { defaultFormat, isOutputFormat, OUTPUT_FORMATS, type OutputFormat } from './output/format.js'
export {
  CSV_COLUMNS,
  compactTime,
  latestTime,
  type RecordColumn,
  TABLE_COLUMNS,
  type TableColumn,
} from './output/record-columns.js'
export { recordForJson } from './output/record-json.js'
export { createRecordWriter, type RecordWriter, type RecordWriterOptions } from './output/record-writer.js'
export { recordCells, recordDetail, recordsTable, recordTableColumns } from './output/records-table.js'
export { terminalSafe, terminalSafeJson } from './output/sanitize.js'
export { fileSink, type LineSink, type OutputStream, streamSink } from './output/sink.js'
export {
  createStreamingTable,
  type StreamingTable,
  type StreamingTableOptions,
} from './output/streaming-table.js'
export { type Cell, renderTable, type TableLayout, type TextColumn, tableLayout } from './output/table.js'
export { wrapWords } from './output/wrap.js'
export {
  describeProgress,
  formatClock,
  formatDelay,
  formatElapsed,
  listsNewestFirst,
  type ProgressState,
  windowFraction,
} from './progress/describe-progress.js'
export { createProgressReporter, type ProgressReporter } from './progress/progress-reporter.js'
export { bar } from './report/bar.js'
export { type Funnel, FunnelAccumulator, type FunnelReport, funnelOf } from './report/funnel.js'
export { type FunnelGroup, funnelCsvLines, funnelRows } from './report/funnel-rows.js'
export { formatCount, formatPercent } from './report/numbers.js'
export { campaignsTable, renderFunnel, renderFunnelReport } from './report/render-funnel.js'
export { runCli } from './run-cli.js'
export { type CliIo, nodeIo } from './runtime/cli-io.js'
export { startHeapGovernor } from './runtime/heap-governor.js'
export { createHttpActivity, type HttpActivity } from './runtime/http-activity.js'
export { type InterruptScope, interruptScope } from './runtime/interrupt-scope.js'
export { stderrLogger } from './runtime/stderr-logger.js'
export { untilAborted } from './runtime/until-aborted.js'
export { Aborted, settleOrAbort } from './runtime/until-aborted-promise.js'
export { waitForAbort } from './runtime/wait-for-abort.js'

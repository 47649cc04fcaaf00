import { type RcsClient, RcsError, type RcsRecord } from '@rcs-records/core'
import type { RecordStore, SyncProgress, SyncReport } from '@rcs-records/store'
import type { Command } from '../args/command.js'
import { CliError } from '../cli-error.js'
import { describeFailure } from '../describe-failure.js'
import type { ExitCode } from '../exit-codes.js'
import { EXIT } from '../exit-codes.js'
import { formatDelay } from '../progress/describe-progress.js'
import type { ProgressReporter } from '../progress/progress-reporter.js'
import { formatCount } from '../report/numbers.js'
import type { Session } from './session.js'
import { openCommandStore, storeLocation } from './store-target.js'
import { syncSummaryWriter } from './sync-summary.js'

/** How long `--follow` waits between runs by default. */
export const DEFAULT_FOLLOW_INTERVAL_MS = 60_000
/** How far back each run lists again, for records that arrive late (syncToStore's default `overlapMs`). */
const OVERLAP_MS = 5 * 60_000
const MAX_INVALID_NOTES = 10

/**
 * What `rcs-records sync` was asked.
 */
export type SyncCommandOptions = Omit<Extract<Command, { name: 'sync' }>, 'name' | 'common'>

async function* tapped(source: AsyncIterable<RcsRecord>, onRecord: (record: RcsRecord) => void) {
  for await (const record of source) {
    onRecord(record)
    yield record
  }
}

/**
 * The client with its listings counted on the session's progress line (records, rate, position in the window):
 * what `sync` and `demo` hand to `syncToStore`.
 */
export const progressClient = (client: RcsClient, progress: ProgressReporter): RcsClient => ({
  ...client,
  list: (query) => tapped(client.list(query), (record) => progress.tick(record)),
})

/** Resolves after `ms`, or as soon as `signal` aborts. */
const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })

/** Where one provider's run starts: `--from`, else where its earlier syncs started (their checkpoint). */
const startOf = async (
  store: RecordStore,
  client: RcsClient,
  options: SyncCommandOptions,
): Promise<{ from: string; resumeAt: string }> => {
  const { readSyncCheckpoint, syncCheckpointKey } = await import('@rcs-records/store')
  const key = syncCheckpointKey(client.provider, options.channel)
  const checkpoint = await readSyncCheckpoint(store, key)
  const from = options.from ?? checkpoint?.from
  if (from === undefined) {
    throw CliError.usage(
      `sync: nothing of ${client.provider} is in ${store.location} yet (no checkpoint ${key}): the first sync needs --from, e.g. --from now-7d (see rcs-records --help)`,
    )
  }
  const continues =
    checkpoint !== null &&
    Date.parse(checkpoint.from) <= Date.parse(from) &&
    Date.parse(from) <= Date.parse(checkpoint.until)
  const resumeAt = continues
    ? new Date(Math.max(Date.parse(from), Date.parse(checkpoint.until) - OVERLAP_MS)).toISOString()
    : from
  return { from, resumeAt }
}

/**
 * `rcs-records sync --provider P [--store DIR|URL] [--from T] [--to T] [--follow [--interval 1m]]`: keeps a store
 * current with `syncToStore` — each provider's window listed into the store in slices committed with their
 * checkpoint, then the records that are not final yet re-read. A summary per provider and run goes to stdout;
 * progress to stderr (a status line on a terminal; with `--verbose`, a line per committed slice). Ctrl-C during a
 * run commits what was read and exits 130 (the next run resumes at the last whole slice); with `--follow`, Ctrl-C
 * between runs exits 0. In follow mode a retryable failure (vendor or network) is reported and tried again at the
 * next run.
 */
export const runSync = async (session: Session, options: SyncCommandOptions): Promise<ExitCode> => {
  const { syncToStore } = await import('@rcs-records/store')
  const clients = await session.openClients({ many: true })
  const store = await openCommandStore(session, storeLocation(options.store, session.io.env))
  const { signal } = session.scope
  let invalid = 0
  const onInvalid = (error: RcsError) => {
    invalid += 1
    if (invalid <= MAX_INVALID_NOTES) session.note(`rcs-records: warning: skipped a record: ${error.message}`)
    else if (invalid === MAX_INVALID_NOTES + 1)
      session.note('rcs-records: warning: more records were skipped (not listed)')
  }
  try {
    // Every provider's start is known (or the first sync lacks --from) before anything is written.
    for (const client of clients) await startOf(store, client, options)
    const { sink, format } = session.openOutput()
    const summaries = syncSummaryWriter(format, sink, session.width)
    try {
      while (true) {
        for (const client of clients) {
          if (signal.aborted) {
            if (!options.follow) {
              session.note(
                `rcs-records: interrupted before ${client.provider}: what was synced is in the store, and the next run resumes from the checkpoints`,
              )
            }
            break
          }
          const { from, resumeAt } = await startOf(store, client, options)
          const to = options.to ?? new Date(session.io.now()).toISOString()
          let last: SyncProgress | null = null
          let phase: SyncProgress['phase'] = 'list'
          let covered = resumeAt
          session.progress.start(`${client.provider} → store`, resumeAt, to)
          const started = session.io.now()
          let report: SyncReport
          try {
            report = await syncToStore(progressClient(client, session.progress), store, {
              from,
              to,
              signal,
              onInvalid,
              ...(options.channel === undefined ? {} : { channel: options.channel }),
              onProgress: (progress) => {
                last = progress
                if (progress.phase !== phase) {
                  phase = progress.phase
                  session.progress.start(`${client.provider} → store (refreshing)`, from, to)
                }
                if (session.common.verbose && progress.phase === 'list' && progress.coveredUntil !== covered) {
                  covered = progress.coveredUntil
                  session.note(
                    `rcs-records: ${client.provider}: committed through ${covered} (${formatCount(progress.listed)} listed)`,
                  )
                }
              },
            })
          } catch (error) {
            session.progress.stop()
            if (session.scope.interrupted) {
              const state = last as SyncProgress | null
              const applied = state === null ? 0 : state.applied.inserted + state.applied.changed
              session.note(
                `rcs-records: interrupted: ${client.provider}: what was read is in the store (${formatCount(applied)} records written); the checkpoint is at ${state?.coveredUntil ?? resumeAt}, where the next run resumes`,
              )
              return EXIT.interrupted
            }
            if (options.follow && error instanceof RcsError && error.retryable) {
              session.note(
                `${describeFailure(error).line}; trying again in ${formatDelay(options.intervalMs ?? DEFAULT_FOLLOW_INTERVAL_MS)}`,
              )
              continue
            }
            throw error
          }
          session.progress.stop()
          summaries.write(report, session.io.now() - started)
        }
        if (!options.follow || signal.aborted) break
        await pause(options.intervalMs ?? DEFAULT_FOLLOW_INTERVAL_MS, signal)
        if (signal.aborted) break
      }
    } finally {
      summaries.end()
    }
    if (session.scope.interrupted && !options.follow) return EXIT.interrupted
    return EXIT.ok
  } finally {
    await store.close()
  }
}

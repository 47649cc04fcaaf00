import { type Channel, type Clock, type RcsClient, RcsError, type RcsRecord, systemClock } from '@rcs-records/core'
import { badRequest, toEpochMs } from '@rcs-records/core/kit'
import { type ApplyResult, addResults, emptyResult } from '../apply.js'
import type { RecordStore } from '../store.js'
import { recordIssues, refusal } from '../validate.js'
import { checkpointText, parseCheckpoint, type SyncCheckpoint, syncCheckpointKey } from './checkpoint.js'
import { planRefresh, type RefreshMode } from './refresh.js'

/**
 * Options of {@link syncToStore}.
 *
 * @example
 * import type { SyncToStoreOptions } from '@rcs-records/store'
 * const options: SyncToStoreOptions = { from: '2026-01-01T00:00:00Z', key: 'bsg-main', refreshHorizonMs: 2 * 86_400_000 }
 */
export interface SyncToStoreOptions {
  /** The start of the records you care about (creation time). */
  from: Date | string
  /** The end (exclusive); default now. */
  to?: Date | string
  /**
   * Only this channel, where the vendor scopes listings to one (partner-gateway: default its config's channel, RCS).
   */
  channel?: Channel
  /**
   * Where the sync keeps its progress; default `sync:<provider>` (`sync:<provider>:<channel>` with `channel`). One
   * key per thing you sync (provider, account, channel).
   */
  key?: string
  signal?: AbortSignal
  onProgress?: (progress: SyncProgress) => void
  /** A record the store refuses (or a vendor record that fails to decode): skipped and reported here. */
  onInvalid?: (error: RcsError) => void
  /** Creation-time slice listed before each checkpoint: the most a killed sync lists again (default 6 hours). */
  sliceMs?: number
  /** Records per transaction (default 1,000). */
  batchSize?: number
  /** Re-read records that are not final yet (default true). */
  refresh?: boolean
  /** Records created longer ago than this are not refreshed any more (default 3 days). */
  refreshHorizonMs?: number
  /** Each run lists again this much before where the previous one stopped, for late records (default 5 minutes). */
  overlapMs?: number
  /** The clock that decides "now" (default the system clock); give the client's when it has another. */
  clock?: Pick<Clock, 'now'>
}

/**
 * Where a running sync is, after each committed batch.
 *
 * @example
 * import type { SyncProgress } from '@rcs-records/store'
 * const line = (p: SyncProgress) => `${p.phase} ${p.listed} listed, covered to ${p.coveredUntil}`
 */
export interface SyncProgress {
  phase: 'list' | 'refresh'
  provider: string
  /** Records read from the vendor so far in this run (both phases). */
  listed: number
  /** What the committed batches did so far. */
  applied: ApplyResult
  /** The creation time up to which the listing is committed (the checkpoint). */
  coveredUntil: string
  /** The end of the run's window. */
  to: string
}

/**
 * What one {@link syncToStore} run did.
 *
 * @example
 * import type { SyncReport } from '@rcs-records/store'
 * const summary = (r: SyncReport) => `${r.provider}: ${r.applied.inserted} new, ${r.applied.changed} changed`
 */
export interface SyncReport {
  provider: string
  key: string
  from: string
  to: string
  /** Where this run's listing started: `from`, or just before where an earlier (possibly killed) run stopped. */
  listedFrom: string
  /** Records read in the listing phase. */
  listed: number
  /** Records skipped as invalid (see `onInvalid`). */
  invalid: number
  /** What applying the listed records did. */
  applied: ApplyResult
  refresh: {
    /** How non-final records were re-read (see the package README, per vendor). */
    mode: RefreshMode
    /** Non-final records within the horizon the refresh looked for. */
    open: number
    /** Records the refresh read from the vendor. */
    listed: number
    applied: ApplyResult
  }
}

const DEFAULTS = {
  sliceMs: 6 * 3_600_000,
  batchSize: 1_000,
  refreshHorizonMs: 3 * 86_400_000,
  overlapMs: 5 * 60_000,
}

const positive = (value: number | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback
  if (!(Number.isFinite(value) && value > 0))
    throw badRequest(`store: syncToStore: \`${name}\` must be a positive number`)
  return value
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * Applies records in batches with at most one batch in flight while the next is read, and a checkpoint with the
 * last one. A record the store refuses is dropped from its batch and reported, never failing the sync.
 */
const createBatcher = (
  store: RecordStore,
  options: { batchSize: number; source: string; onInvalid: (error: RcsError) => void; onCommit: () => void },
) => {
  let batch: RcsRecord[] = []
  let inFlight: Promise<void> = Promise.resolve()
  let failed: unknown = null
  let invalid = 0
  let applied = emptyResult()
  const write = async (records: RcsRecord[], checkpoint?: { key: string; value: string }) => {
    let result: ApplyResult
    try {
      result = await store.apply(records, { source: options.source, ...(checkpoint ? { checkpoint } : {}) })
    } catch (error) {
      if (!RcsError.is(error, 'decode')) throw error
      const kept = records.filter((record, index) => {
        const issues = recordIssues(record, String(index))
        if (issues === null) return true
        invalid++
        options.onInvalid(refusal(record, issues))
        return false
      })
      result = await store.apply(kept, { source: options.source, ...(checkpoint ? { checkpoint } : {}) })
    }
    applied = addResults(applied, result)
    options.onCommit()
  }
  const flush = async (checkpoint?: { key: string; value: string }) => {
    const records = batch
    batch = []
    await inFlight
    if (failed !== null) throw failed
    await write(records, checkpoint)
  }
  return {
    push: async (record: RcsRecord) => {
      batch.push(record)
      if (batch.length < options.batchSize) return
      const records = batch
      batch = []
      await inFlight
      if (failed !== null) throw failed
      inFlight = write(records).catch((error: unknown) => {
        failed = error
      })
    },
    flush,
    /** Waits for the batch in flight and writes what is buffered, without a checkpoint (on abort or failure). */
    settle: async () => {
      await inFlight.catch(() => {})
      if (failed === null && batch.length > 0) await write(batch.splice(0)).catch(() => {})
    },
    get invalid() {
      return invalid
    },
    countInvalid: () => {
      invalid++
    },
    get applied() {
      return applied
    },
  }
}

/**
 * Lists a provider's records of a window into the store, resumably, then refreshes the ones not final yet.
 *
 * The window is listed in creation-time slices of `sliceMs`; records are applied in batches of `batchSize`, and the
 * last batch of each slice commits together with the checkpoint that says the slice is done. Killed at any instant
 * and started again (same `key`), a sync lists again at most the slice it was in: nothing is lost, and since
 * merging is idempotent nothing is duplicated (a re-applied observation changes nothing and logs no change).
 *
 * Then records of this provider that are not final and were created within `refreshHorizonMs` before the listed
 * part are read again — by id (`getMany`) where the vendor has a batch lookup (partner-gateway), by `modifiedSince`
 * where it has that (spacivox, within its 48 hours), otherwise by listing again from the oldest such record (BSG) —
 * so statuses that change after creation reach the store on every repeated run.
 *
 * @example
 * import { loadClient } from '@rcs-records/core'
 * import { openStore, syncToStore } from '@rcs-records/store'
 * const client = await loadClient({ provider: 'bsg', apiKey: process.env.BSG_API_KEY })
 * const store = await openStore('./rcs-records-data')
 * const report = await syncToStore(client, store, { from: '2026-01-01T00:00:00Z' })
 * console.log(`${report.applied.inserted} new, ${report.refresh.applied.changed} refreshed`)
 * await store.close()
 */
export const syncToStore = async (
  client: RcsClient,
  store: RecordStore,
  options: SyncToStoreOptions,
): Promise<SyncReport> => {
  if (options === null || typeof options !== 'object')
    throw badRequest('store: syncToStore: options with `from` are required')
  const clock = options.clock ?? systemClock
  const now = clock.now()
  const from = toEpochMs(options.from)
  if (from === null) throw badRequest('store: syncToStore: `from` must be a Date or an ISO-8601 timestamp')
  const to = options.to === undefined ? now : toEpochMs(options.to)
  if (to === null) throw badRequest('store: syncToStore: `to` must be a Date or an ISO-8601 timestamp')
  if (!(from < to)) throw badRequest(`store: syncToStore: \`from\` (${iso(from)}) must be before \`to\` (${iso(to)})`)
  const sliceMs = positive(options.sliceMs, DEFAULTS.sliceMs, 'sliceMs')
  const batchSize = Math.floor(positive(options.batchSize, DEFAULTS.batchSize, 'batchSize'))
  const horizonMs = positive(options.refreshHorizonMs, DEFAULTS.refreshHorizonMs, 'refreshHorizonMs')
  const overlapMs = options.overlapMs === undefined ? DEFAULTS.overlapMs : options.overlapMs
  if (!(overlapMs >= 0)) throw badRequest('store: syncToStore: `overlapMs` must be a number of milliseconds ≥ 0')
  const channel = options.channel
  const scope = channel === undefined ? {} : { channel }
  const key = options.key ?? syncCheckpointKey(client.provider, channel)
  const onInvalid = options.onInvalid ?? (() => {})
  const signal = options.signal

  // Where to start: after what an earlier run covered, when this window continues it.
  const previous = parseCheckpoint(await store.checkpoint(key))
  const continues = previous !== null && Date.parse(previous.from) <= from && from <= Date.parse(previous.until)
  const coveredFrom = continues ? Date.parse(previous.from) : from
  const listedFrom = continues ? Math.max(from, Date.parse(previous.until) - overlapMs) : from
  const lastRunAt = previous?.lastRunAt ?? null
  let coveredUntil = continues ? Date.parse(previous.until) : from
  const checkpoint = (until: number, runAt: string | null): { key: string; value: string } => {
    const value: SyncCheckpoint = { version: 1, from: iso(coveredFrom), until: iso(until), lastRunAt: runAt }
    return { key, value: checkpointText(value) }
  }

  let listed = 0
  let phase: SyncProgress['phase'] = 'list'
  const progress = (batcher: { applied: ApplyResult }) =>
    options.onProgress?.({
      phase,
      provider: client.provider,
      listed,
      applied: batcher.applied,
      coveredUntil: iso(coveredUntil),
      to: iso(to),
    })

  // 1. The window, slice by slice.
  const lister = createBatcher(store, {
    batchSize,
    source: 'sync',
    onInvalid,
    onCommit: () => progress(lister),
  })
  const listInvalid = (error: RcsError) => {
    lister.countInvalid()
    onInvalid(error)
  }
  try {
    for (let start = listedFrom; start < to; start += sliceMs) {
      const end = Math.min(to, start + sliceMs)
      for await (const record of client.list({
        from: iso(start),
        to: iso(end),
        signal,
        onInvalid: listInvalid,
        ...scope,
      })) {
        listed++
        await lister.push(record)
      }
      // The slice is done: its last records and the checkpoint commit together.
      const until = Math.max(coveredUntil, end)
      await lister.flush(checkpoint(until, lastRunAt))
      coveredUntil = until
      progress(lister)
    }
  } catch (error) {
    await lister.settle()
    throw error
  }
  const listedCount = listed

  // 2. Records not final yet, created within the horizon before this run's listing.
  phase = 'refresh'
  const refresher = createBatcher(store, {
    batchSize,
    source: 'refresh',
    onInvalid,
    onCommit: () => progress(refresher),
  })
  const refreshInvalid = (error: RcsError) => {
    refresher.countInvalid()
    onInvalid(error)
  }
  let mode: RefreshMode = 'none'
  let open = 0
  if (options.refresh !== false) {
    const refreshTo = Math.min(listedFrom, to)
    const refreshFrom = Math.max(coveredFrom, now - horizonMs)
    try {
      if (refreshFrom < refreshTo) {
        const plan = await planRefresh(client, store, {
          from: refreshFrom,
          to: refreshTo,
          lastRunAt: lastRunAt === null ? null : Date.parse(lastRunAt) - overlapMs,
          now,
          signal,
          onInvalid: refreshInvalid,
          channel,
        })
        mode = plan.mode
        open = plan.open
        for await (const record of plan.records) {
          listed++
          await refresher.push(record)
        }
      }
      await refresher.flush(checkpoint(coveredUntil, iso(now)))
    } catch (error) {
      await refresher.settle()
      throw error
    }
  } else {
    await refresher.flush(checkpoint(coveredUntil, iso(now)))
  }
  return {
    provider: client.provider,
    key,
    from: iso(from),
    to: iso(to),
    listedFrom: iso(listedFrom),
    listed: listedCount,
    invalid: lister.invalid + refresher.invalid,
    applied: lister.applied,
    refresh: { mode, open, listed: listed - listedCount, applied: refresher.applied },
  }
}

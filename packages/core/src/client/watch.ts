import type { Adapter, Capabilities, ListQuery } from '../adapter/contract.js'
import { RcsError } from '../errors/rcs-error.js'
import { unexpectedError } from '../errors/unexpected.js'
import { mergeRecords } from '../model/merge.js'
import type { RcsRecord } from '../model/record.js'
import type { Clock } from '../runtime/clock.js'
import type { Logger } from '../runtime/logger.js'
import { toEpochMs } from '../time/parse.js'
import { uniqueIds } from '../util/chunk.js'
import type { GetManyResult, WatchOptions } from './types.js'

const WATCH_LIST_LOOKBACK_MS = 48 * 3_600_000

/**
 * Whether `next` tells the watcher anything new about the message: its status, the vendor's status, an event time or
 * the reason. A vendor re-stamping `updatedAt` with nothing else different is not news.
 */
const changed = (previous: RcsRecord | undefined, next: RcsRecord): boolean =>
  previous === undefined ||
  previous.status !== next.status ||
  previous.vendorStatus !== next.vendorStatus ||
  previous.sentAt !== next.sentAt ||
  previous.deliveredAt !== next.deliveredAt ||
  previous.readAt !== next.readAt ||
  previous.reason?.code !== next.reason?.code

interface WatchDeps {
  adapter: Adapter
  capabilities: Capabilities
  provider: string
  clock: Clock
  logger: Logger
  /** The batch lookup, with the signal that ends this poll (the caller's, or the deadline's). */
  getMany: (ids: readonly string[], signal?: AbortSignal) => Promise<GetManyResult>
}

/** Why a poll ended early: the watch's own deadline passed while it was in flight. */
const DEADLINE = Symbol('deadline')

/**
 * Runs one poll under `signal` and the deadline: a signal that aborts when either does is handed to the poll, and
 * the poll is abandoned at that moment even if the adapter ignores it. Resolves to the poll's records, or to
 * {@link DEADLINE}; rejects with the poll's error or the caller's abort reason.
 *
 * The deadline is a real timer (`setTimeout`) of the time left by the injected clock: the clock only sleeps
 * between polls, and a hung request is exactly what no sleep ends.
 */
const pollUntil = async <T>(
  poll: (signal: AbortSignal) => Promise<T>,
  remainingMs: number,
  callerSignal: AbortSignal | undefined,
): Promise<T | typeof DEADLINE> => {
  const controller = new AbortController()
  let timedOut = false
  let onEnd: () => void = () => {}
  const ended = new Promise<typeof DEADLINE>((resolve, reject) => {
    onEnd = () => (timedOut ? resolve(DEADLINE) : reject(callerSignal?.reason))
  })
  ended.catch(() => {})
  const abort = () => {
    controller.abort(callerSignal?.aborted === true ? callerSignal.reason : undefined)
    onEnd()
  }
  const timer = Number.isFinite(remainingMs)
    ? setTimeout(
        () => {
          timedOut = true
          abort()
        },
        Math.max(0, remainingMs),
      )
    : undefined
  callerSignal?.addEventListener('abort', abort, { once: true })
  try {
    const running = poll(controller.signal)
    running.catch(() => {})
    return await Promise.race([running, ended])
  } finally {
    if (timer !== undefined) clearTimeout(timer)
    callerSignal?.removeEventListener('abort', abort)
  }
}

/**
 * Polls `ids` until every one is final, a deadline passes or the signal aborts, and yields each change (merged
 * with `mergeRecords`, so an out-of-order poll never moves a status backwards). Ids the vendor does not know yet are
 * polled again; an id that became final is not reported again. Vendors without an id lookup but with
 * `modifiedSince` are polled through `list` (from `opts.from`, default 48 h back). The pause between polls starts at
 * `intervalMs`, grows by `backoff` after each poll that changed nothing, and resets on a change. A poll that fails
 * with a retryable error is logged and retried at the next interval; any other error ends the watch by throwing.
 * Deadline and abort end the iteration quietly — also while a poll is in flight: the deadline aborts that poll (its
 * requests included) and the watch ends on time, whatever the vendor does.
 */
export async function* watchRecords(
  deps: WatchDeps,
  ids: readonly string[],
  opts: WatchOptions = {},
): AsyncGenerator<RcsRecord> {
  const { clock, capabilities } = deps
  const canLookup = capabilities.getMany !== false || capabilities.get
  if (!canLookup && !(capabilities.list && capabilities.modifiedSince)) {
    throw new RcsError({
      kind: 'unsupported',
      provider: deps.provider,
      message: `${deps.provider}: watch needs an id lookup or a modifiedSince listing; this adapter has neither`,
    })
  }
  const started = clock.now()
  const deadline = Math.min(
    opts.timeoutMs === undefined ? Number.POSITIVE_INFINITY : started + opts.timeoutMs,
    toEpochMs(opts.deadline) ?? Number.POSITIVE_INFINITY,
  )
  const baseInterval = Math.max(1, opts.intervalMs ?? 5_000)
  const maxInterval = Math.max(baseInterval, opts.maxIntervalMs ?? 60_000)
  const backoff = Math.max(1, opts.backoff ?? 1.5)
  const known = new Map<string, RcsRecord>()
  const pending = new Set(uniqueIds(ids))
  let interval = baseInterval
  let lastPoll: number | null = null

  const poll = async (signal: AbortSignal): Promise<readonly RcsRecord[]> => {
    if (canLookup) return (await deps.getMany([...pending], signal)).records
    const now = clock.now()
    const from = toEpochMs(opts.from) ?? now - WATCH_LIST_LOOKBACK_MS
    const query: ListQuery = { from: new Date(from), to: new Date(now) }
    if (lastPoll !== null) query.modifiedSince = new Date(Math.max(lastPoll, now - WATCH_LIST_LOOKBACK_MS + 60_000))
    query.signal = signal
    const records: RcsRecord[] = []
    try {
      for await (const record of deps.adapter.list(query)) if (pending.has(record.id)) records.push(record)
    } catch (error) {
      throw unexpectedError(deps.provider, error)
    }
    return records
  }

  while (pending.size > 0 && !opts.signal?.aborted && clock.now() < deadline) {
    const pollStarted = clock.now()
    let anyChange = false
    try {
      const polled = await pollUntil(poll, deadline - clock.now(), opts.signal)
      if (polled === DEADLINE) return
      for (const record of polled) {
        // An id already final (or never asked for) is done: a vendor repeating it cannot reopen it.
        if (!pending.has(record.id)) continue
        const previous = known.get(record.id)
        const merged = mergeRecords(previous, record)
        known.set(record.id, merged)
        if (merged.final) pending.delete(record.id)
        if (changed(previous, merged)) {
          anyChange = true
          yield merged
        }
      }
      lastPoll = pollStarted
    } catch (error) {
      if (opts.signal?.aborted) return
      if (!(error instanceof RcsError) || !error.retryable) throw error
      deps.logger.warn('watch: poll failed, will retry', {
        provider: deps.provider,
        kind: error.kind,
        message: error.message,
      })
    }
    if (pending.size === 0) return
    interval = anyChange ? baseInterval : Math.min(maxInterval, Math.round(interval * backoff))
    const pause = Math.min(interval, deadline - clock.now())
    if (pause <= 0) return
    try {
      await clock.sleep(pause, opts.signal)
    } catch {
      return
    }
  }
}

import type { RcsClient, RcsRecord } from '@rcs-records/core'

/**
 * The outcome of {@link watchUntilFinal}.
 *
 * @example
 * import type { WatchOutcome } from './watch-until-final.js'
 * const allDone = (outcome: WatchOutcome) => outcome.pending.length === 0
 */
export interface WatchOutcome {
  /** The last record seen per id. */
  latest: Map<string, RcsRecord>
  /** Every change in the order seen. */
  changes: RcsRecord[]
  /** Ids not final when the watch ended (deadline), or never seen. */
  pending: string[]
}

/**
 * Polls `ids` with `client.watch` until every one is final or `timeoutMs` passes, reporting each change. The poll
 * interval and the deadline run on the client's clock, so a client created with a test clock (the simulator's)
 * moves as fast as the test moves that clock.
 *
 * @example
 * import { watchUntilFinal } from './watch-until-final.js'
 * const outcome = await watchUntilFinal(client, ['26130'], { intervalMs: 30_000, timeoutMs: 3_600_000 }, (r) => console.log(r.id, r.status))
 */
export const watchUntilFinal = async (
  client: RcsClient,
  ids: readonly string[],
  timing: { intervalMs: number; timeoutMs: number },
  onChange: (record: RcsRecord, previous: RcsRecord | undefined) => void = () => {},
): Promise<WatchOutcome> => {
  const latest = new Map<string, RcsRecord>()
  const changes: RcsRecord[] = []
  for await (const record of client.watch(ids, {
    intervalMs: timing.intervalMs,
    maxIntervalMs: timing.intervalMs,
    timeoutMs: timing.timeoutMs,
  })) {
    onChange(record, latest.get(record.id))
    latest.set(record.id, record)
    changes.push(record)
  }
  const pending = ids.filter((id) => latest.get(id)?.final !== true)
  return { latest, changes, pending }
}

/**
 * A record's life as a list of dated native statuses. Its status at any instant is the last event at or before it:
 * a pure function of (record, instant).
 */

/**
 * One dated native status.
 *
 * @example
 * import type { StatusEvent } from './lifecycle.js'
 * const delivered: StatusEvent<string> = { at: Date.parse('2026-01-01T00:00:05Z'), status: 'DELIVERED' }
 */
export interface StatusEvent<S> {
  at: number
  status: S
  /** Vendor text for this status (partner-gateway's description), when there is one. */
  description?: string
}

/**
 * The event in force at `at` (the first event when `at` precedes them all).
 *
 * @example
 * import { eventAt } from './lifecycle.js'
 * eventAt([{ at: 0, status: 'SENT' }, { at: 10, status: 'DELIVERED' }], 5).status // 'SENT'
 */
export const eventAt = <S>(events: readonly StatusEvent<S>[], at: number): StatusEvent<S> => {
  let current = events[0]
  if (current === undefined) throw new RangeError('a lifecycle needs at least one event')
  for (let i = 1; i < events.length; i++) {
    const event = events[i] as StatusEvent<S>
    if (event.at > at) break
    current = event
  }
  return current
}

/**
 * The first event with one of `statuses` that has happened by `at`, if any (e.g. when it was delivered).
 *
 * @example
 * import { reachedAt } from './lifecycle.js'
 * reachedAt([{ at: 0, status: 'sent' }, { at: 9, status: 'delivered' }], ['delivered', 'read'], 20) // 9
 */
export const reachedAt = <S>(events: readonly StatusEvent<S>[], statuses: readonly S[], at: number): number | null => {
  for (const event of events) {
    if (event.at > at) return null
    if (statuses.includes(event.status)) return event.at
  }
  return null
}

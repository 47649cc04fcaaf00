/**
 * A record's life as a list of dated native statuses. Its status at any instant is the last event at or before it:
 * a pure function of (record, instant).
 */

/**
 * One dated native status.
 */
export interface StatusEvent<S> {
  at: number
  status: S
  /** Vendor text for this status (partner-gateway's description), when there is one. */
  description?: string
}

/**
 * The event in force at `at` (the first event when `at` precedes them all).
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
 */
export const reachedAt = <S>(events: readonly StatusEvent<S>[], statuses: readonly S[], at: number): number | null => {
  for (const event of events) {
    if (event.at > at) return null
    if (statuses.includes(event.status)) return event.at
  }
  return null
}

import { RcsError } from '../errors/rcs-error.js'
import type { RcsRecord } from './record.js'
import { type DeliveryStatus, isFinal } from './status.js'

/**
 * Precedence of statuses when observations disagree: unknown < pending < sent < any failure < delivered < read.
 * Failures are sticky against in-flight states, and a delivery receipt beats a later failure.
 */
const PRECEDENCE: Readonly<Record<DeliveryStatus, number>> = {
  unknown: 0,
  pending: 1,
  sent: 2,
  rejected: 3,
  undeliverable: 3,
  expired: 3,
  canceled: 3,
  delivered: 4,
  read: 5,
}

const timeOf = (iso: string | null): number => (iso === null ? Number.NEGATIVE_INFINITY : Date.parse(iso))

/** Positive when `a` should win over `b`. Total and antisymmetric, so merging does not depend on order. */
const compareObservations = (a: RcsRecord, b: RcsRecord): number => {
  const byStatus = PRECEDENCE[a.status] - PRECEDENCE[b.status]
  if (byStatus !== 0) return byStatus
  const byTime = timeOf(a.updatedAt) - timeOf(b.updatedAt)
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime
  if (a.status !== b.status) return a.status < b.status ? 1 : -1
  const av = String(a.vendorStatus)
  const bv = String(b.vendorStatus)
  if (av !== bv) return av < bv ? 1 : -1
  // Same native status, no time to tell them apart: the one that explains itself wins (its reason is derived from
  // the description), then a stable order, so the reason does not depend on arrival order either.
  const ad = a.vendorDescription
  const bd = b.vendorDescription
  if (ad === bd) return 0
  if (ad === null || bd === null) return ad === null ? -1 : 1
  return ad < bd ? 1 : -1
}

const isFailureStatus = (status: DeliveryStatus): boolean =>
  isFinal(status) && status !== 'delivered' && status !== 'read'

/*
 * Filling in. When only one observation has a value, it is taken. When both have different values, the choice
 * cannot favour the winning observation: after a few merges nobody can tell which observation a value came from, and
 * favouring "the winner" would make the result depend on arrival order. So conflicts are settled by a fixed rule on
 * the values themselves (the earliest time, otherwise the smaller value in a stable order), which makes merging
 * associative and commutative on them.
 */

const either = <T>(a: T | null, b: T | null, choose: (a: T, b: T) => T): T | null => {
  if (a === null) return b
  if (b === null || a === b) return a
  return choose(a, b)
}

/** A stable text of plain data (object keys sorted), used only to settle conflicts deterministically. */
const stableText = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? `"${value}` : String(value)
  if (Array.isArray(value)) return `[${value.map(stableText).join(',')}]`
  const record = value as Record<string, unknown>
  return `{${Object.keys(record)
    .sort()
    .map((key) => `${key}:${stableText(record[key])}`)
    .join(',')}}`
}

const smaller = <T>(a: T, b: T): T => {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? a : b
  return stableText(b) < stableText(a) ? b : a
}

/** The earlier instant; unparseable text sorts after any instant, then by text. */
const earlier = (a: string, b: string): string => {
  const ta = Date.parse(a)
  const tb = Date.parse(b)
  const fa = Number.isNaN(ta)
  const fb = Number.isNaN(tb)
  if (fa !== fb) return fa ? b : a
  if (!fa && ta !== tb) return ta < tb ? a : b
  return a < b ? a : b
}

const earliest = (a: string | null, b: string | null): string | null => either(a, b, earlier)

const isEmpty = (record: Record<string, unknown>): boolean => {
  for (const _ in record) return false
  return true
}

/** Vendor extras of both observations; on a key both have with different values, the stable choice. */
const mergeExtra = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
  if (a === b || isEmpty(b)) return a
  if (isEmpty(a)) return b
  // Spread (not Object.assign) defines keys such as `__proto__` from JSON payloads as plain own properties.
  const out: Record<string, unknown> = { ...b, ...a }
  for (const key of Object.keys(b)) {
    if (!Object.hasOwn(a, key)) continue
    const left = a[key]
    const right = b[key]
    if (left !== right && left !== undefined && right !== undefined) {
      Object.defineProperty(out, key, {
        value: smaller(left, right),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
  }
  return out
}

/**
 * A read message was delivered, no later than it was read: `deliveredAt` is filled from `readAt` when unknown, and
 * never left later than `readAt`.
 */
const deliveredAtOf = (status: DeliveryStatus, deliveredAt: string | null, readAt: string | null): string | null =>
  status === 'read' ? earliest(deliveredAt, readAt) : deliveredAt

/**
 * Combines what is known about one message from a sequence of observations (polls, webhooks — out of order,
 * duplicated) into one record. The only place that decides what such a sequence means:
 * - progress ranks `pending < sent < delivered < read`; a lower rank never overwrites a higher one;
 * - failures (rejected, undeliverable, expired, canceled) are sticky against pending/sent;
 * - delivered and read win over a later failure (a receipt proves delivery), and then carry no `reason`;
 * - `read` without a prior delivered also sets `deliveredAt` (to `readAt` when unknown; a `deliveredAt` later than
 *   `readAt` is brought back to `readAt`);
 * - `unknown` never overwrites a known status;
 * - equal ranks are resolved by `updatedAt` (later wins, then one with an `updatedAt` over one without). The winning
 *   observation sets `status` and what explains it: `reason`, `vendorStatus`, `vendorDescription`, `channel`,
 *   `updatedAt` and `raw`;
 * - every other field fills in from whichever observation has it. Where two observations disagree, a fixed rule
 *   settles it — the earliest `createdAt`/`sentAt`/`deliveredAt`/`readAt` (an event happens once; the first report
 *   counts), otherwise a stable order of the values — never the arrival order, which would break the law below.
 * Idempotent, and independent of input order when `updatedAt` values differ. Two observations of different messages
 * (another `provider` or `id`, compared exactly) are never merged: that throws an {@link RcsError} of kind
 * `bad_request` rather than returning a record that mixes two messages.
 *
 * @example
 * import { mergeRecords, type RcsRecord } from '@rcs-records/core'
 * declare const polled: RcsRecord, webhookRecord: RcsRecord
 * const stored = mergeRecords(undefined, polled)       // first sight
 * const updated = mergeRecords(stored, webhookRecord)  // a READ webhook upgrades, a late 'sent' poll does not downgrade
 */
export const mergeRecords = (current: RcsRecord | undefined, incoming: RcsRecord): RcsRecord => {
  if (current === undefined || current === incoming) return normalized(incoming)
  if (current.id !== incoming.id || current.provider !== incoming.provider) throw differentMessages(current, incoming)
  return compareObservations(incoming, current) > 0 ? combine(incoming, current) : combine(current, incoming)
}

const differentMessages = (a: RcsRecord, b: RcsRecord): RcsError =>
  new RcsError({
    kind: 'bad_request',
    message: `mergeRecords: cannot merge observations of different messages (${a.provider} ${a.id} and ${b.provider} ${b.id})`,
  })

/** The merged record: `winner` decides the status; both fill in the rest. */
const combine = (winner: RcsRecord, loser: RcsRecord): RcsRecord => {
  const status = winner.status
  const readAt = earliest(winner.readAt, loser.readAt)
  return {
    provider: winner.provider,
    id: winner.id,
    reference: either(winner.reference, loser.reference, smaller),
    channel: winner.channel,
    recipient: either(winner.recipient, loser.recipient, smaller),
    sender: either(winner.sender, loser.sender, smaller),
    campaign: either(winner.campaign, loser.campaign, smaller),
    status,
    final: isFinal(status),
    reason: isFailureStatus(status) ? winner.reason : null,
    vendorStatus: winner.vendorStatus,
    vendorDescription: winner.vendorDescription,
    createdAt: earliest(winner.createdAt, loser.createdAt),
    sentAt: earliest(winner.sentAt, loser.sentAt),
    deliveredAt: deliveredAtOf(status, earliest(winner.deliveredAt, loser.deliveredAt), readAt),
    readAt,
    // The time of the winning status: never another status's time, which would make the winner look later than it
    // is against a third observation and the result depend on arrival order.
    updatedAt: winner.status === loser.status ? (winner.updatedAt ?? loser.updatedAt) : winner.updatedAt,
    cost: either(winner.cost, loser.cost, smaller),
    fallback: either(winner.fallback, loser.fallback, smaller),
    extra: mergeExtra(winner.extra, loser.extra),
    raw: winner.raw,
  }
}

/** One observation on its own with the merge invariants applied: `final`, reason only on failure, implied delivery. */
const normalized = (record: RcsRecord): RcsRecord =>
  record.final === isFinal(record.status) &&
  (record.reason === null || isFailureStatus(record.status)) &&
  record.deliveredAt === deliveredAtOf(record.status, record.deliveredAt, record.readAt)
    ? record
    : combine(record, record)

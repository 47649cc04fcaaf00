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
  return av === bv ? 0 : av < bv ? 1 : -1
}

const first = <T>(winner: T | null, loser: T | null): T | null => (winner === null ? loser : winner)

/**
 * Combines what is known about one message from a sequence of observations (polls, webhooks — out of order,
 * duplicated) into one record. The only place that decides what such a sequence means:
 * - progress ranks `pending < sent < delivered < read`; a lower rank never overwrites a higher one;
 * - failures (rejected, undeliverable, expired, canceled) are sticky against pending/sent;
 * - delivered and read win over a later failure (a receipt proves delivery);
 * - `read` without a prior delivered also sets `deliveredAt` (to `readAt` when unknown);
 * - `unknown` never overwrites a known status;
 * - equal ranks are resolved by `updatedAt` (later wins); fields and timestamps the winner lacks are filled from
 *   the other observation.
 * Idempotent, and independent of input order when `updatedAt` values differ.
 *
 * @example
 * import { mergeRecords } from '@rcs-records/core'
 * const stored = mergeRecords(undefined, polled)       // first sight
 * const updated = mergeRecords(stored, webhookRecord)  // a READ webhook upgrades, a late 'sent' poll does not downgrade
 */
export const mergeRecords = (current: RcsRecord | undefined, incoming: RcsRecord): RcsRecord => {
  if (current === undefined) return withImpliedDelivery(incoming)
  if (current === incoming) return withImpliedDelivery(current)
  const incomingWins = compareObservations(incoming, current) > 0
  const winner = incomingWins ? incoming : current
  const loser = incomingWins ? current : incoming
  const status = winner.status
  const success = status === 'delivered' || status === 'read'
  const merged: RcsRecord = {
    provider: winner.provider,
    id: winner.id,
    reference: first(winner.reference, loser.reference),
    channel: winner.channel,
    recipient: first(winner.recipient, loser.recipient),
    sender: first(winner.sender, loser.sender),
    campaign: first(winner.campaign, loser.campaign),
    status,
    final: isFinal(status),
    reason: success || !isFinal(status) ? null : first(winner.reason, loser.reason),
    vendorStatus: winner.vendorStatus,
    vendorDescription: winner.vendorDescription,
    createdAt: first(winner.createdAt, loser.createdAt),
    sentAt: first(winner.sentAt, loser.sentAt),
    deliveredAt: first(winner.deliveredAt, loser.deliveredAt),
    readAt: first(winner.readAt, loser.readAt),
    updatedAt: first(winner.updatedAt, loser.updatedAt),
    cost: first(winner.cost, loser.cost),
    fallback: first(winner.fallback, loser.fallback),
    extra: loser.extra === winner.extra ? winner.extra : { ...loser.extra, ...winner.extra },
    raw: winner.raw,
  }
  return withImpliedDelivery(merged)
}

/** A read message was delivered: fill `deliveredAt` from `readAt` when no receipt time is known. */
const withImpliedDelivery = (record: RcsRecord): RcsRecord =>
  record.status === 'read' && record.deliveredAt === null && record.readAt !== null
    ? { ...record, deliveredAt: record.readAt }
    : record

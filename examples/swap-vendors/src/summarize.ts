import { type DeliveryStatus, outcomeOf, type RcsClient } from '@rcs-records/core'

/**
 * What one window of deliveries looks like, whatever the vendor.
 *
 * @example
 * import type { DeliverySummary } from './summarize.js'
 * const rate = (s: DeliverySummary) => s.delivered / s.total
 */
export interface DeliverySummary {
  provider: string
  total: number
  /** Records per canonical status. */
  byStatus: Partial<Record<DeliveryStatus, number>>
  /** Delivered or read. */
  delivered: number
  /** Final failures (rejected, undeliverable, expired, canceled). */
  failed: number
  /** Failure reasons by code, e.g. `{ not_rcs_capable: 12 }`. */
  reasons: Record<string, number>
}

/**
 * Lists a window and summarises it. This function never mentions a vendor: the client decides which one it talks
 * to, so switching vendors is a config change.
 *
 * @example
 * import { loadClient } from '@rcs-records/core'
 * import { summarizeDeliveries } from './summarize.js'
 * const client = await loadClient({ provider: 'bsg', apiKey: process.env.BSG_API_KEY })
 * const summary = await summarizeDeliveries(client, { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' })
 */
export const summarizeDeliveries = async (
  client: RcsClient,
  window: { from: string | Date; to: string | Date },
): Promise<DeliverySummary> => {
  const summary: DeliverySummary = {
    provider: client.provider,
    total: 0,
    byStatus: {},
    delivered: 0,
    failed: 0,
    reasons: {},
  }
  for await (const record of client.list(window)) {
    summary.total += 1
    summary.byStatus[record.status] = (summary.byStatus[record.status] ?? 0) + 1
    const outcome = outcomeOf(record.status)
    if (outcome === 'success') summary.delivered += 1
    if (outcome === 'failure') {
      summary.failed += 1
      const code = record.reason?.code ?? 'unknown'
      summary.reasons[code] = (summary.reasons[code] ?? 0) + 1
    }
  }
  return summary
}

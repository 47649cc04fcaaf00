import type { DeliveryStatus } from '@rcs-records/core'
import type { Palette } from '../output/colors.js'
import { renderTable } from '../output/table.js'
import { funnelOf } from '../report/funnel.js'
import { formatCount, formatPercent } from '../report/numbers.js'

/**
 * The demo's totals table: per provider, its records and how many are in each state (counts per canonical status,
 * as the store's `funnel` counts them in SQL), plus a total row.
 * `delivered` counts what the funnel counts (delivered and read: a read implies a delivery); `read` is "n/a
 * (webhooks only)" for providers whose listing cannot report it (named in `unreadable`).
 */
export const totalsTable = (
  byProvider: ReadonlyMap<string, Partial<Record<DeliveryStatus, number>>>,
  width: number,
  palette: Palette,
  unreadable: ReadonlySet<string> = new Set(),
): string[] => {
  const rows: string[][] = []
  const all: Partial<Record<DeliveryStatus, number>> = {}
  const row = (label: string, counts: Partial<Record<DeliveryStatus, number>>, readReported: boolean) => {
    const funnel = funnelOf({ label, provider: null, campaign: null }, counts, readReported)
    return [
      label,
      formatCount(funnel.total),
      formatCount(funnel.inFlight),
      formatCount(funnel.stages.delivered),
      funnel.readReported || funnel.stages.read > 0 ? formatCount(funnel.stages.read) : 'n/a (webhooks only)',
      formatCount(funnel.failures),
      formatCount(funnel.statuses.unknown),
      formatPercent(funnel.rates.delivered),
    ]
  }
  for (const [provider, counts] of byProvider) {
    for (const status of Object.keys(counts) as DeliveryStatus[])
      all[status] = (all[status] ?? 0) + (counts[status] ?? 0)
    rows.push(row(provider, counts, !unreadable.has(provider)))
  }
  rows.push(
    row(
      'total',
      all,
      [...byProvider.keys()].every((provider) => !unreadable.has(provider)),
    ),
  )
  return renderTable(
    [
      { name: 'provider', min: 8, priority: 10 },
      { name: 'records', min: 7, priority: 10, align: 'right' },
      { name: 'in flight', min: 6, priority: 6, align: 'right' },
      { name: 'delivered', min: 6, priority: 9, align: 'right' },
      { name: 'read', min: 4, priority: 8, align: 'right' },
      { name: 'failed', min: 6, priority: 9, align: 'right' },
      { name: 'unknown', min: 6, priority: 5, align: 'right' },
      { name: 'delivery rate', min: 8, priority: 7, align: 'right' },
    ],
    rows,
    width,
    palette,
  )
}

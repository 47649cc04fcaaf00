import { DELIVERY_STATUSES } from '@rcs-records/core'
import { csvLine } from '../output/csv.js'
import type { Funnel, FunnelReport } from './funnel.js'

/**
 * Which part of the report a funnel row belongs to.
 */
export type FunnelGroup = 'overall' | 'provider' | 'campaign'

/**
 * Every funnel of a report, tagged with its group, overall first.
 */
export const funnelRows = (report: FunnelReport): (Funnel & { group: FunnelGroup; from: string; to: string })[] => [
  { group: 'overall', from: report.from, to: report.to, ...report.overall },
  ...report.providers.map((funnel) => ({ group: 'provider' as const, from: report.from, to: report.to, ...funnel })),
  ...report.campaigns.map((funnel) => ({ group: 'campaign' as const, from: report.from, to: report.to, ...funnel })),
]

const rate = (value: number | null): string => (value === null ? '' : value.toFixed(4))

/**
 * The report as CSV lines: a header, then one row per funnel with status counts, cumulative stages and rates
 * (fractions with 4 decimals; empty when the group is empty).
 */
export const funnelCsvLines = (report: FunnelReport): string[] => [
  csvLine([
    'group',
    'label',
    'provider',
    'campaign',
    'from',
    'to',
    'total',
    ...DELIVERY_STATUSES,
    'stageSent',
    'stageDelivered',
    'stageRead',
    'readReported',
    'inFlight',
    'failures',
    'sentRate',
    'deliveredRate',
    'readRate',
    'readOfDeliveredRate',
    'failedRate',
  ]),
  ...funnelRows(report).map((row) =>
    csvLine([
      row.group,
      row.label,
      row.provider ?? '',
      row.campaign ?? '',
      row.from,
      row.to,
      String(row.total),
      ...DELIVERY_STATUSES.map((status) => String(row.statuses[status])),
      String(row.stages.sent),
      String(row.stages.delivered),
      String(row.stages.read),
      String(row.readReported),
      String(row.inFlight),
      String(row.failures),
      rate(row.rates.sent),
      rate(row.rates.delivered),
      rate(row.rates.read),
      rate(row.rates.readOfDelivered),
      rate(row.rates.failed),
    ]),
  ),
]

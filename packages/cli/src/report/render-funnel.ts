import type { Palette } from '../output/colors.js'
import { compactTime } from '../output/record-columns.js'
import { terminalSafe } from '../output/sanitize.js'
import { renderTable } from '../output/table.js'
import { bar } from './bar.js'
import type { Funnel, FunnelReport } from './funnel.js'
import { formatCount, formatPercent } from './numbers.js'

const LABEL_WIDTH = 10

const barWidth = (width: number): number => Math.max(10, Math.min(40, width - 56))

/**
 * One funnel as lines: a heading, then one bar per stage (sent, delivered, read), in flight, failed (with the
 * failure kinds) and unknown, each with its count and share of the total.
 *
 * @example
 * import { createPalette, funnelOf, renderFunnel } from '@rcs-records/cli'
 * renderFunnel(funnelOf({ label: 'bsg', provider: 'bsg', campaign: null }, { delivered: 9, expired: 1 }), 80, createPalette(false))
 */
export const renderFunnel = (funnel: Funnel, width: number, palette: Palette): string[] => {
  const cells = barWidth(width)
  const countWidth = Math.max(5, formatCount(funnel.total).length)
  const line = (
    label: string,
    value: number,
    fraction: number | null,
    style: (text: string) => string,
    note = '',
  ): string =>
    `  ${label.padEnd(LABEL_WIDTH)} ${style(bar(fraction ?? 0, cells))} ${formatCount(value).padStart(countWidth)} ${formatPercent(fraction).padStart(6)}${note === '' ? '' : `  ${palette.dim(note)}`}`
  const { statuses } = funnel
  return [
    `${palette.bold(terminalSafe(funnel.label))} — ${formatCount(funnel.total)} record${funnel.total === 1 ? '' : 's'}`,
    line('sent', funnel.stages.sent, funnel.rates.sent, (text) => palette.status('sent', text)),
    line('delivered', funnel.stages.delivered, funnel.rates.delivered, (text) => palette.status('delivered', text)),
    line(
      'read',
      funnel.stages.read,
      funnel.rates.read,
      (text) => palette.status('read', text),
      `${formatPercent(funnel.rates.readOfDelivered)} of delivered`,
    ),
    line(
      'in flight',
      funnel.inFlight,
      funnel.rates.inFlight,
      (text) => palette.status('pending', text),
      `pending ${formatCount(statuses.pending)}, sent ${formatCount(statuses.sent)}`,
    ),
    line(
      'failed',
      funnel.failures,
      funnel.rates.failed,
      (text) => palette.status('undeliverable', text),
      `rejected ${formatCount(statuses.rejected)}, undeliverable ${formatCount(statuses.undeliverable)}, expired ${formatCount(statuses.expired)}, canceled ${formatCount(statuses.canceled)}`,
    ),
    line('unknown', statuses.unknown, funnel.rates.unknown, (text) => palette.status('unknown', text)),
  ]
}

/**
 * The campaigns table of the report: total, delivered, read and failed rates, and a delivered bar.
 *
 * @example
 * import { campaignsTable, createPalette } from '@rcs-records/cli'
 * campaignsTable(report.campaigns, 100, createPalette(false))
 */
export const campaignsTable = (campaigns: readonly Funnel[], width: number, palette: Palette): string[] =>
  renderTable(
    [
      { name: 'campaign', min: 10, priority: 10 },
      { name: 'records', min: 7, priority: 10, align: 'right' },
      { name: 'delivered', min: 9, priority: 9, align: 'right' },
      { name: 'read', min: 6, priority: 7, align: 'right' },
      { name: 'failed', min: 6, priority: 8, align: 'right' },
      { name: 'in flight', min: 9, priority: 5, align: 'right' },
      { name: 'delivered (bar)', min: 15, priority: 6 },
    ],
    campaigns.map((funnel) => [
      funnel.label,
      formatCount(funnel.total),
      formatPercent(funnel.rates.delivered),
      formatPercent(funnel.rates.read),
      formatPercent(funnel.rates.failed),
      formatPercent(funnel.rates.inFlight),
      { text: bar(funnel.rates.delivered ?? 0, 20), style: (text: string) => palette.status('delivered', text) },
    ]),
    width,
    palette,
  )

/**
 * The whole funnel report for a terminal: the window, the overall funnel, one per provider (when there are
 * several), the campaigns table, and a one-line legend.
 *
 * @example
 * import { createPalette, renderFunnelReport } from '@rcs-records/cli'
 * console.log(renderFunnelReport(report, process.stdout.columns ?? 100, createPalette(true)).join('\n'))
 */
export const renderFunnelReport = (report: FunnelReport, width: number, palette: Palette): string[] => {
  const single = report.providers.length === 1 ? report.providers[0] : undefined
  const lines = [
    palette.bold(`Delivery funnel ${compactTime(report.from)} → ${compactTime(report.to)} UTC`),
    '',
    ...renderFunnel({ ...report.overall, label: single?.label ?? 'All providers' }, width, palette),
  ]
  if (report.providers.length > 1) {
    for (const funnel of report.providers) lines.push('', ...renderFunnel(funnel, width, palette))
  }
  if (report.campaigns.length > 0) {
    lines.push('', palette.bold('Per campaign'), ...campaignsTable(report.campaigns, width, palette))
  }
  lines.push(
    '',
    palette.dim(
      'Stages are cumulative: sent = left the vendor (sent, delivered, read, undeliverable, expired); delivered includes read. Shares are of all records.',
    ),
  )
  return lines
}

import type { DeliveryStatus } from '@rcs-records/core'
import type { Palette } from '../output/colors.js'
import { truncateToWidth } from '../output/display-width.js'
import { compactTime } from '../output/record-columns.js'
import { terminalSafe } from '../output/sanitize.js'
import { renderTable } from '../output/table.js'
import { wrapWords } from '../output/wrap.js'
import { bar } from './bar.js'
import type { Funnel, FunnelReport } from './funnel.js'
import { formatCount, formatPercent } from './numbers.js'

const LABEL_WIDTH = 10
const MIN_BAR = 10
const MAX_BAR = 40

/**
 * One funnel as lines: a heading, then one bar per stage (sent, delivered, read), in flight, failed (followed by a
 * line with the failure kinds) and unknown, each with its count and share of the total. The bars shrink (down to 10 cells) so
 * that the lines fit `width`; notes that still do not fit are truncated.
 */
export const renderFunnel = (funnel: Funnel, width: number, palette: Palette): string[] => {
  const { statuses } = funnel
  const rows: { label: string; value: number; fraction: number | null; status: DeliveryStatus; note: string }[] = [
    { label: 'sent', value: funnel.stages.sent, fraction: funnel.rates.sent, status: 'sent', note: '' },
    {
      label: 'delivered',
      value: funnel.stages.delivered,
      fraction: funnel.rates.delivered,
      status: 'delivered',
      note: '',
    },
    {
      label: 'read',
      value: funnel.stages.read,
      fraction: funnel.rates.read,
      status: 'read',
      note: funnel.readReported
        ? `${formatPercent(funnel.rates.readOfDelivered)} of delivered`
        : funnel.stages.read === 0
          ? 'n/a (webhooks only)'
          : `${formatPercent(funnel.rates.readOfDelivered)} of delivered; some providers report read by webhook only`,
    },
    {
      label: 'in flight',
      value: funnel.inFlight,
      fraction: funnel.rates.inFlight,
      status: 'pending',
      note: `pending ${formatCount(statuses.pending)}, sent ${formatCount(statuses.sent)}`,
    },
    {
      label: 'failed',
      value: funnel.failures,
      fraction: funnel.rates.failed,
      status: 'undeliverable',
      note: '',
    },
    { label: 'unknown', value: statuses.unknown, fraction: funnel.rates.unknown, status: 'unknown', note: '' },
  ]
  const countWidth = Math.max(5, formatCount(funnel.total).length)
  const fixed = 2 + LABEL_WIDTH + 1 + 1 + countWidth + 1 + 6
  const longestNote = Math.max(...rows.map((row) => (row.note === '' ? 0 : row.note.length + 2)))
  const cells = Math.max(MIN_BAR, Math.min(MAX_BAR, width - fixed - longestNote))
  const noteRoom = width - fixed - cells - 2
  const heading = `${funnel.label} — ${formatCount(funnel.total)} record${funnel.total === 1 ? '' : 's'}`
  const failures = `rejected ${formatCount(statuses.rejected)} · undeliverable ${formatCount(statuses.undeliverable)} · expired ${formatCount(statuses.expired)} · canceled ${formatCount(statuses.canceled)}`
  const indent = ' '.repeat(2 + LABEL_WIDTH + 1)
  const lines = rows.map((row) => {
    const note = row.note === '' || noteRoom < 8 ? '' : `  ${palette.dim(truncateToWidth(row.note, noteRoom))}`
    if (row.label === 'read' && !funnel.readReported && row.value === 0) {
      // Not a real 0: the listing cannot see reads. No bar, no count that looks measured.
      return `  ${row.label.padEnd(LABEL_WIDTH)} ${' '.repeat(cells)} ${'n/a'.padStart(countWidth)} ${''.padStart(6)}${note}`
    }
    const drawn = palette.status(row.status, bar(row.fraction ?? 0, cells))
    return `  ${row.label.padEnd(LABEL_WIDTH)} ${drawn} ${formatCount(row.value).padStart(countWidth)} ${formatPercent(row.fraction).padStart(6)}${note}`
  })
  lines.splice(5, 0, indent + palette.dim(truncateToWidth(failures, width - indent.length)))
  return [palette.bold(truncateToWidth(terminalSafe(heading), width)), ...lines]
}

/**
 * The campaigns table of the report: total, delivered, read and failed rates, and a delivered bar.
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
      funnel.readReported || funnel.stages.read > 0 ? formatPercent(funnel.rates.read) : 'n/a',
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
 */
export const renderFunnelReport = (report: FunnelReport, width: number, palette: Palette): string[] => {
  const single = report.providers.length === 1 ? report.providers[0] : undefined
  const lines = [
    palette.bold(truncateToWidth(`Delivery funnel ${compactTime(report.from)} → ${compactTime(report.to)} UTC`, width)),
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
    ...wrapWords(
      'Stages are cumulative: sent = left the vendor (sent, delivered, read, undeliverable, expired); delivered includes read. Shares are of all records.',
      width,
    ).map(palette.dim),
  )
  return lines
}

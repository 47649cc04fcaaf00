import type { RcsRecord } from '@rcs-records/core'
import { listingReportsRead, openClient } from '../config/open-client.js'
import type { ExitCode } from '../exit-codes.js'
import { EXIT } from '../exit-codes.js'
import { truncateToWidth } from '../output/display-width.js'
import { recordsTable } from '../output/records-table.js'
import { wrapWords } from '../output/wrap.js'
import { FunnelAccumulator } from '../report/funnel.js'
import { formatCount } from '../report/numbers.js'
import { renderFunnelReport } from '../report/render-funnel.js'
import { totalsTable } from './demo-summary.js'
import { sampleRecords } from './sample-records.js'
import type { Session } from './session.js'
import { streamRecords } from './stream-records.js'

const DEMO_PROVIDERS = ['partner-gateway', 'bsg', 'spacivox'] as const
const DEMO_WINDOW_MS = 3 * 86_400_000
const DEMO_RECORDS = 300
const DEMO_SEED = 2026

/**
 * `rcs-records demo`: needs no credentials. Starts the simulator in-process, lists the last three days from
 * partner-gateway, BSG and spacivox through the real adapters over HTTP, prints a sample of each provider's records
 * (varied statuses, `rows` each), the totals and the delivery funnel, then stops the simulator.
 *
 * @example
 * import { runDemo } from '@rcs-records/cli'
 * const code = await runDemo(session, { rows: 10 })
 */
export const runDemo = async (
  session: Session,
  options: { rows: number; seed?: number; records?: number },
): Promise<ExitCode> => {
  const { startSimulator } = await import('@rcs-records/simulator')
  const simulator = await startSimulator({
    seed: options.seed ?? DEMO_SEED,
    records: options.records ?? DEMO_RECORDS,
    windowMs: DEMO_WINDOW_MS,
  })
  try {
    const { io, width } = session
    const { sink, palette } = session.openOutput()
    const to = new Date(io.now()).toISOString()
    const from = new Date(Date.parse(to) - DEMO_WINDOW_MS - 60_000).toISOString()
    sink.writeLines([
      palette.bold('rcs-records demo'),
      ...wrapWords(
        `A local simulator of the three vendor APIs is running at ${simulator.url}. Each provider is read through its real adapter over HTTP, and every record is normalised into the same RcsRecord shape.`,
        width,
      ).map(palette.dim),
      '',
    ])
    const byProvider = new Map<string, RcsRecord[]>()
    const funnel = new FunnelAccumulator()
    for (const provider of DEMO_PROVIDERS) {
      if (session.scope.signal.aborted) break
      const client = await openClient(
        { provider, config: { ...simulator.config[provider] } },
        { logger: session.logger, hooks: session.activity.hooksFor(4) },
      )
      if (!(await listingReportsRead(provider))) session.unreadable.add(provider)
      const records: RcsRecord[] = []
      await streamRecords(session, [client], { from, to }, (record) => {
        records.push(record)
        funnel.add(record)
      })
      byProvider.set(provider, records)
      const shown = sampleRecords(records, options.rows)
      sink.writeLines([
        palette.bold(
          truncateToWidth(
            `${provider} — ${formatCount(records.length)} records listed, ${shown.length} shown (one of each status in turn)`,
            width,
          ),
        ),
        ...recordsTable(shown, width, palette, { omit: ['provider'] }),
        '',
      ])
    }
    if (session.scope.interrupted) return EXIT.interrupted
    sink.writeLines([
      palette.bold('Totals'),
      ...totalsTable(byProvider, width, palette, session.unreadable),
      palette.dim(truncateToWidth('delivered counts read messages too, as the funnel does', width)),
      '',
      ...renderFunnelReport(funnel.report({ from, to, top: 8, unreadable: session.unreadable }), width, palette),
    ])
  } finally {
    await simulator.close()
  }
  return EXIT.ok
}

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DELIVERY_STATUSES, type RcsRecord } from '@rcs-records/core'
import type { RecordStore } from '@rcs-records/store'
import { listingReportsRead, openClient } from '../config/open-client.js'
import type { ExitCode } from '../exit-codes.js'
import { EXIT } from '../exit-codes.js'
import { truncateToWidth } from '../output/display-width.js'
import { recordsTable } from '../output/records-table.js'
import { wrapWords } from '../output/wrap.js'
import { formatCount } from '../report/numbers.js'
import { renderFunnelReport } from '../report/render-funnel.js'
import { totalsTable } from './demo-summary.js'
import { storeFunnelReport } from './report-store.js'
import { sampleRecords } from './sample-records.js'
import type { Session } from './session.js'
import { openCommandStore } from './store-target.js'
import { progressClient } from './sync.js'

const DEMO_PROVIDERS = ['partner-gateway', 'bsg', 'spacivox'] as const
const DEMO_WINDOW_MS = 3 * 86_400_000
const DEMO_RECORDS = 300
const DEMO_SEED = 2026

/**
 * A sample of one provider's stored records with varied statuses (see `sampleRecords`), read from the store without
 * loading them all: at most `rows` of each status, oldest first.
 */
const storedSample = async (store: RecordStore, provider: string, rows: number): Promise<RcsRecord[]> => {
  const candidates: RcsRecord[] = []
  for (const status of DELIVERY_STATUSES) {
    let taken = 0
    for await (const record of store.query({ provider, status })) {
      candidates.push(record)
      taken += 1
      if (taken >= rows) break
    }
  }
  return sampleRecords(candidates, rows)
}

/**
 * `rcs-records demo`: needs no credentials. Starts the simulator in-process, syncs the last three days of
 * partner-gateway, BSG and spacivox through the real adapters over HTTP into an embedded PGlite store in a new
 * temporary directory (`syncToStore`, as `rcs-records sync` does), then reads everything back from the store: a
 * sample of each provider's records (varied statuses, `rows` each), the totals and the delivery funnel (counted in
 * SQL). Removes the store's directory and stops the simulator at the end, whatever happened.
 */
export const runDemo = async (
  session: Session,
  options: { rows: number; seed?: number; records?: number },
): Promise<ExitCode> => {
  const { startSimulator } = await import('@rcs-records/simulator')
  const { syncToStore } = await import('@rcs-records/store')
  const simulator = await startSimulator({
    seed: options.seed ?? DEMO_SEED,
    records: options.records ?? DEMO_RECORDS,
    windowMs: DEMO_WINDOW_MS,
  })
  const directory = await mkdtemp(join(tmpdir(), 'rcs-records-demo-'))
  let store: RecordStore | undefined
  try {
    const { io, width } = session
    const { signal } = session.scope
    const { sink, palette } = session.openOutput()
    const to = new Date(io.now()).toISOString()
    const from = new Date(Date.parse(to) - DEMO_WINDOW_MS - 60_000).toISOString()
    sink.writeLines([
      palette.bold('rcs-records demo'),
      ...wrapWords(
        `A local simulator of the three vendor APIs is running at ${simulator.url}. Each provider is read through its real adapter over HTTP, every record is normalised into the same RcsRecord shape and synced into an embedded PostgreSQL store (PGlite) in ${directory}; everything below is read back from that store.`,
        width,
      ).map(palette.dim),
      '',
    ])
    store = await openCommandStore(session, `pglite:${directory}`)
    const listed = new Map<string, number>()
    for (const provider of DEMO_PROVIDERS) {
      if (signal.aborted) break
      const client = await openClient(
        { provider, config: { ...simulator.config[provider] } },
        { logger: session.logger, hooks: session.activity.hooksFor(4) },
      )
      if (!(await listingReportsRead(provider))) session.unreadable.add(provider)
      session.progress.start(`${provider} → store`, from, to)
      try {
        const report = await syncToStore(progressClient(client, session.progress), store, { from, to, signal })
        listed.set(provider, report.listed)
      } catch (error) {
        if (!signal.aborted) throw error
      } finally {
        session.progress.stop()
      }
    }
    if (session.scope.interrupted) return EXIT.interrupted
    const { report } = await storeFunnelReport(store, {}, { top: 8, now: io.now(), window: { from, to } })
    for (const provider of DEMO_PROVIDERS) {
      const stored = report.providers.find((funnel) => funnel.provider === provider)?.total ?? 0
      const shown = await storedSample(store, provider, options.rows)
      sink.writeLines([
        palette.bold(
          truncateToWidth(
            `${provider} — ${formatCount(listed.get(provider) ?? 0)} records listed into the store (${formatCount(stored)} stored), ${shown.length} shown (one of each status in turn)`,
            width,
          ),
        ),
        ...recordsTable(shown, width, palette, { omit: ['provider'] }),
        '',
      ])
    }
    const counts = new Map(
      DEMO_PROVIDERS.map((provider) => [
        provider,
        report.providers.find((funnel) => funnel.provider === provider)?.statuses ?? {},
      ]),
    )
    sink.writeLines([
      palette.bold('Totals (from the store)'),
      ...totalsTable(counts, width, palette, session.unreadable),
      palette.dim(truncateToWidth('delivered counts read messages too, as the funnel does', width)),
      '',
      ...renderFunnelReport(report, width, palette),
    ])
  } finally {
    await store?.close()
    await rm(directory, { recursive: true, force: true })
    await simulator.close()
  }
  return EXIT.ok
}

import { pathToFileURL } from 'node:url'
import { loadClient } from '@rcs-records/core'
import { startSimulator } from '@rcs-records/simulator'
import { type WatchOutcome, watchUntilFinal } from './watch-until-final.js'

const MINUTE = 60_000

/**
 * Starts the simulator with a frozen clock, picks BSG messages still in flight (that the simulator settles within two
 * days), and watches them until final while
 * moving the simulator clock forward ten minutes every few milliseconds (a day of deliveries in a second). The
 * client runs on the simulator's clock, so its one-minute poll interval is simulator time too.
 *
 * @example
 * import { main } from './main.js'
 * const outcome = await main({ print: console.log })
 */
export const main = async (options: {
  print: (line: string) => void
  count?: number
}): Promise<WatchOutcome & { ids: string[] }> => {
  const simulator = await startSimulator({ seed: 12, records: 2_000, frozen: true })
  let ticker: ReturnType<typeof setInterval> | undefined
  try {
    // Messages in flight now that the simulator will settle within two days (some never get a receipt at all).
    const settled = simulator.clock.now() + 2 * 24 * 60 * MINUTE
    const ids = simulator.truth
      .ids('bsg', { channel: 'rcs' })
      .filter((id) => ['pending', 'sent'].includes(simulator.truth.record('bsg', id)?.status ?? ''))
      .filter(
        (id) =>
          !['pending', 'sent', 'unknown'].includes(simulator.truth.record('bsg', id, settled)?.status ?? 'unknown'),
      )
      .slice(-(options.count ?? 5))
    options.print(`watching ${ids.length} BSG messages still in flight: ${ids.join(', ')}`)
    const client = await loadClient(
      { provider: 'bsg', ...simulator.config.bsg },
      { importModule: (name) => import(name), clock: simulator.clock },
    )
    const outcome = await watchUntilFinal(
      client,
      ids,
      { intervalMs: MINUTE, timeoutMs: 7 * 24 * 60 * MINUTE },
      (record, previous) => {
        // Time starts moving once the first poll has seen every message as it is now.
        ticker ??= setInterval(() => simulator.clock.advance(10 * MINUTE), 5)
        const at = new Date(simulator.clock.now()).toISOString()
        options.print(
          `${at}  ${record.id}  ${previous?.status ?? '—'} → ${record.status}${record.final ? ' (final)' : ''}`,
        )
      },
    )
    options.print(
      outcome.pending.length === 0 ? 'every message is final' : `still not final: ${outcome.pending.join(', ')}`,
    )
    return { ...outcome, ids }
  } finally {
    if (ticker !== undefined) clearInterval(ticker)
    await simulator.close()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main({ print: (line) => console.log(line) })
}

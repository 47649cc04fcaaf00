import { pathToFileURL } from 'node:url'
import { loadClient, type RcsRecord } from '@rcs-records/core'
import { startSimulator } from '@rcs-records/simulator'
import { decideFallback, type FallbackAction } from './decide-fallback.js'

/**
 * One record and what to do about it.
 *
 * @example
 * import type { Decided } from './main.js'
 * const smsTargets = (decided: Decided[]) => decided.filter((d) => d.action === 'send_sms').map((d) => d.record.recipient)
 */
export interface Decided {
  record: RcsRecord
  action: FallbackAction
  why: string
}

/**
 * Lists the last day from the three simulated vendors and decides, for every RCS message, whether to send an SMS.
 * Prints the counts per action and the first few SMS to send.
 *
 * @example
 * import { main } from './main.js'
 * const decided = await main({ print: console.log })
 */
export const main = async (options: { print: (line: string) => void; records?: number }): Promise<Decided[]> => {
  const simulator = await startSimulator({ seed: 8, records: options.records ?? 400 })
  try {
    const to = new Date()
    const from = new Date(to.getTime() - 2 * 86_400_000)
    const decided: Decided[] = []
    for (const provider of ['partner-gateway', 'bsg', 'spacivox'] as const) {
      const client = await loadClient(
        { provider, ...simulator.config[provider] },
        { importModule: (name) => import(name) },
      )
      for await (const record of client.list({ from, to, channel: 'rcs' })) {
        decided.push({ record, ...decideFallback(record) })
      }
    }
    const counts = new Map<string, number>()
    for (const { action } of decided) counts.set(action, (counts.get(action) ?? 0) + 1)
    options.print(`${decided.length} RCS messages: ${[...counts].map(([action, n]) => `${action} ${n}`).join(', ')}`)
    for (const { record, why } of decided.filter((d) => d.action === 'send_sms').slice(0, 5)) {
      options.print(`  SMS to ${record.recipient} (${record.provider} ${record.id}: ${record.status}, ${why})`)
    }
    return decided
  } finally {
    await simulator.close()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main({ print: (line) => console.log(line) })
}

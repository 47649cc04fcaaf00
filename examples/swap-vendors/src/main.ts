import { readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { loadClient } from '@rcs-records/core'
import { startSimulator } from '@rcs-records/simulator'
import { type DeliverySummary, summarizeDeliveries } from './summarize.js'

/**
 * Summarises the last day for each config: the same code for every vendor. With config files as arguments
 * (`{"provider":"bsg","apiKey":"…"}`) it reads your vendors; without, it starts the simulator and uses its three
 * configs.
 *
 * @example
 * import { main } from './main.js'
 * const summaries = await main({ configFiles: [], print: console.log })
 */
export const main = async (options: {
  configFiles: readonly string[]
  print: (line: string) => void
}): Promise<DeliverySummary[]> => {
  const simulator = options.configFiles.length === 0 ? await startSimulator({ seed: 1, records: 500 }) : null
  try {
    const configs =
      simulator === null
        ? await Promise.all(
            options.configFiles.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as { provider: string }),
          )
        : (['partner-gateway', 'bsg', 'spacivox'] as const).map((provider) => ({
            provider,
            ...simulator.config[provider],
          }))
    const to = new Date()
    const from = new Date(to.getTime() - 86_400_000)
    const summaries: DeliverySummary[] = []
    for (const config of configs) {
      // The only vendor-specific thing: the config. Everything below is the same for every vendor.
      const client = await loadClient(config, { importModule: (name) => import(name) })
      const summary = await summarizeDeliveries(client, { from, to })
      summaries.push(summary)
      const rate = summary.total === 0 ? 0 : (100 * summary.delivered) / summary.total
      options.print(
        `${summary.provider.padEnd(16)} ${String(summary.total).padStart(5)} records, ${rate.toFixed(1)}% delivered, ${summary.failed} failed ${JSON.stringify(summary.reasons)}`,
      )
    }
    return summaries
  } finally {
    await simulator?.close()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main({ configFiles: process.argv.slice(2), print: (line) => console.log(line) })
}

import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { createWebhookReceiver } from './receiver.js'

/**
 * Starts the receiver on `port` (default 8080; 0 picks a free one) and logs every merged record.
 *
 * @example
 * import { main } from './main.js'
 * const { url, close } = await main({ port: 0, print: console.log })
 */
export const main = async (options: { port?: number; print: (line: string) => void }) => {
  const { server, store } = createWebhookReceiver({
    bsgTimeZone: process.env.BSG_TIME_ZONE ?? 'UTC',
    onRecord: (merged, incoming) =>
      options.print(
        `${merged.provider} ${merged.id}: ${incoming.status} received → ${merged.status}${merged.final ? ' (final)' : ''}`,
      ),
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 8080, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  options.print(`receiving callbacks at ${url}/webhooks/partner-gateway and ${url}/webhooks/bsg`)
  return {
    url,
    store,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main({ port: Number(process.argv[2] ?? 8080), print: (line) => console.log(line) })
}

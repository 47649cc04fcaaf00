import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { openStore } from '@rcs-records/store'
import { createWebhookReceiver } from './receiver.js'

/**
 * Starts the receiver on `port` (default 8080; 0 picks a free one) with the store at `storeUrl` (default
 * `pglite:./delivery-state`), then prints every change the callbacks make, from the store's change feed.
 *
 * @example
 * import { main } from './main.js'
 * const { url, close } = await main({ port: 0, storeUrl: 'memory://', secret: 'a-long-random-webhook-secret', print: console.log })
 */
export const main = async (options: {
  port?: number
  storeUrl?: string
  secret: string
  print: (line: string) => void
}) => {
  const store = await openStore(options.storeUrl ?? 'pglite:./delivery-state')
  const server = createWebhookReceiver({
    store,
    secret: options.secret,
    bsgTimeZone: process.env.BSG_TIME_ZONE ?? 'UTC',
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 8080, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  options.print(`receiving callbacks at ${url}/webhooks/partner-gateway and ${url}/webhooks/bsg`)
  // Follow the change feed: each change the callbacks made, in commit order.
  let cursor: string | undefined
  let following = true
  const follow = (async () => {
    while (following) {
      for await (const { cursor: next, record } of store.changes(cursor === undefined ? {} : { after: cursor })) {
        cursor = next
        options.print(`${record.provider} ${record.id}: ${record.status}${record.final ? ' (final)' : ''}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })()
  return {
    url,
    store,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      following = false
      await follow
      await store.close()
    },
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const secret = process.env.RCS_RECORDS_WEBHOOK_SECRET
  if (secret === undefined) throw new Error('set RCS_RECORDS_WEBHOOK_SECRET to the secret of your callback URLs')
  const { close } = await main({ port: Number(process.argv[2] ?? 8080), secret, print: (line) => console.log(line) })
  process.once('SIGTERM', () => void close())
  process.once('SIGINT', () => void close())
}

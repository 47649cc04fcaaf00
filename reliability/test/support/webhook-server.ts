import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { createClient, type RcsClient, silentLogger } from '@rcs-records/core'
import partnerGateway from '@rcs-records/partner-gateway'
import { createWebhookHandler, openStore, type RecordStore, type WebhookHandlerOptions } from '@rcs-records/store'

/** The webhook secret of these tests. */
export const WEBHOOK_SECRET = 'whsec_reliability_3b9e51f0a2'

/** A receiver as `rcs-records serve` runs one: the handler on node:http through @hono/node-server, PGlite in memory. */
export interface WebhookServer {
  url: string
  store: RecordStore
  server: Server
  close(): Promise<void>
}

export const startWebhookServer = async (
  options: Partial<Omit<WebhookHandlerOptions, 'clients' | 'store' | 'secret'>> = {},
): Promise<WebhookServer> => {
  const store = await openStore('memory://')
  const clients: Record<string, RcsClient> = {
    'partner-gateway': createClient({
      adapter: partnerGateway,
      config: { apiKey: 'pg_reliability_key_01' },
      logger: silentLogger,
    }),
  }
  const handler = createWebhookHandler({ clients, store, secret: WEBHOOK_SECRET, ...options })
  const server = createServer(getRequestListener(handler))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    store,
    server,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await store.close()
    },
  }
}

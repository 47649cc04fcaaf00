import { createServer, type Server } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import bsg from '@rcs-records/bsg'
import { createClient, type RcsClient } from '@rcs-records/core'
import partnerGateway from '@rcs-records/partner-gateway'
import { createWebhookHandler, type RecordStore } from '@rcs-records/store'

/**
 * Options of {@link createWebhookReceiver}.
 *
 * @example
 * import type { ReceiverOptions } from './receiver.js'
 * const options: Omit<ReceiverOptions, 'store'> = { secret: 'a-long-random-webhook-secret', bsgTimeZone: 'Europe/Kyiv' }
 */
export interface ReceiverOptions {
  /** Where the delivery state is kept: `await openStore('pglite:./delivery-state')`, or a PostgreSQL URL. */
  store: RecordStore
  /** The secret the vendors' callback URLs carry (`?token=`) or send (Bearer / Basic password). */
  secret: string
  /** BSG sends zone-less local times; the zone of your BSG account. Default `UTC`. */
  bsgTimeZone?: string
}

/**
 * A node:http server for the vendors' delivery callbacks, `POST /webhooks/partner-gateway` and
 * `POST /webhooks/bsg`: `createWebhookHandler` from `@rcs-records/store` (the Fetch-API handler: secret, limits,
 * parsing with each adapter's `parseWebhook`, merging into the store) behind `@hono/node-server`'s request listener.
 * Duplicated, late and out-of-order callbacks never move a status backwards, a READ that partner-gateway keys by its
 * `messageId` lands on the record kept under `customerMessageId`, and the state survives restarts.
 *
 * @example
 * import { openStore } from '@rcs-records/store'
 * import { createWebhookReceiver } from './receiver.js'
 * const store = await openStore('pglite:./delivery-state')
 * const server = createWebhookReceiver({ store, secret: process.env.RCS_RECORDS_WEBHOOK_SECRET ?? '' })
 * server.listen(8080)
 */
export const createWebhookReceiver = (options: ReceiverOptions): Server => {
  // parseWebhook needs no credentials; the clients are built as for polling (the keys come from your environment).
  const clients: Record<string, RcsClient> = {
    'partner-gateway': createClient({
      adapter: partnerGateway,
      config: { apiKey: process.env.PG_API_KEY ?? 'not-used-for-callbacks' },
    }),
    bsg: createClient({
      adapter: bsg,
      config: { apiKey: process.env.BSG_API_KEY ?? 'not-used-for-callbacks', timeZone: options.bsgTimeZone ?? 'UTC' },
    }),
  }
  const handler = createWebhookHandler({ clients, store: options.store, secret: options.secret })
  return createServer(getRequestListener(handler))
}

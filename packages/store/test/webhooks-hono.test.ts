import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWebhookHandler, openStore, type RecordStore } from '../src/index.js'
import { PG_DELIVERY, PG_READ } from './fixtures/callbacks.js'
import { SECRET, webhookClients } from './helpers/webhook-clients.js'

// The README's Hono example, run: the handler mounted on a route of a Hono app.
describe('createWebhookHandler inside Hono', () => {
  let store: RecordStore
  let app: Hono
  beforeAll(async () => {
    store = await openStore()
    const handler = createWebhookHandler({ clients: webhookClients(), store, secret: SECRET })
    app = new Hono()
    app.post('/webhooks/:provider', (c) => handler(c.req.raw))
  })
  afterAll(async () => {
    await store?.close()
  })

  it('applies callbacks posted to the app, and refuses a wrong secret', async () => {
    const post = (body: string, token: string) =>
      app.request(`/webhooks/partner-gateway?token=${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
    expect((await post(PG_READ, SECRET)).status).toBe(204)
    expect((await post(PG_DELIVERY, SECRET)).status).toBe(204)
    expect((await post(PG_DELIVERY, 'not-the-secret')).status).toBe(401)
    expect((await store.get('partner-gateway', 'order-12345'))?.status).toBe('read')
  })
})

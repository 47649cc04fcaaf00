import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../src/main.js'

// The documented callback payloads, verbatim (shared/providers/partner-gateway.md and bsg.md).
const PG_DELIVERY = {
  eventType: 'DELIVERY',
  messageId: 'e766…',
  customerMessageId: 'order-12345',
  destination: '+393401234567',
  statusCode: 3,
  description: 'Message delivered',
  channel: 'SMS',
  timestamp: '2026-04-09T10:30:00Z',
}
const PG_READ = {
  eventType: 'READ',
  messageId: 'e766…',
  destination: '+393401234567',
  channel: 'RCS',
  timestamp: '2026-04-09T10:31:15Z',
}
const PG_EVENT_DATE = {
  channel: 'RCS',
  eventType: 'DELIVERY',
  messageId: 'uuid',
  destination: '+393401234567',
  statusCode: 3,
  description: 'delivered',
  eventDate: '2025-10-16T10:42:18Z',
}
const PG_SMS_NOT_DELIVERED = {
  channel: 'SMS',
  eventType: 'DELIVERY',
  messageId: 'uuid',
  statusCode: 6,
  statusDescription: 'Not Delivered',
  price: 0.035,
  numPart: 1,
  totalParts: 1,
  timestamp: '2024-01-15T10:30:00Z',
}
const BSG_DELIVERED = {
  error: 0,
  errorDescription: 'No errors',
  id: '3266500452',
  msisdn: '380997087351',
  reference: 'hello',
  time_in: '2024-08-22 11:47:42',
  time_sent: '2024-08-22 11:47:42',
  time_dr: '2024-08-22 11:47:53',
  status: 'delivered',
  price: '1.1000000',
  currency: 'EUR',
}

const SECRET = 'example-webhook-secret-7c1d'
let receiver: Awaited<ReturnType<typeof main>>
const printed: string[] = []

/** As a vendor console sends it: the secret in the callback URL's query string. */
const post = (path: string, body: unknown, token = SECRET) =>
  fetch(`${receiver.url}${path}?token=${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
const get = (provider: string, id: string) => receiver.store.get(provider, id)
const count = () => receiver.store.count()

beforeAll(async () => {
  receiver = await main({ port: 0, storeUrl: 'memory://', secret: SECRET, print: (line) => printed.push(line) })
}, 120_000)

afterAll(async () => {
  await receiver?.close()
})

describe('webhook receiver', () => {
  it('stores the documented partner-gateway callbacks as one canonical record: the READ joins its DELIVERY', async () => {
    expect((await post('/webhooks/partner-gateway', PG_DELIVERY)).status).toBe(204)
    expect((await get('partner-gateway', 'order-12345'))?.status).toBe('delivered')
    expect((await post('/webhooks/partner-gateway', PG_READ)).status).toBe(204)
    const record = await get('partner-gateway', 'order-12345')
    expect(record?.status).toBe('read')
    expect(record?.recipient).toBe('+393401234567')
    expect(record?.deliveredAt).toBe('2026-04-09T10:30:00.000Z')
    expect(record?.readAt).toBe('2026-04-09T10:31:15.000Z')
    // The READ carried only the messageId: the store found the record by it.
    expect((await get('partner-gateway', 'e766…'))?.id).toBe('order-12345')
  })

  it('merges out-of-order and duplicated callbacks: a late failure never undoes a delivery', async () => {
    expect((await post('/webhooks/partner-gateway', PG_EVENT_DATE)).status).toBe(204)
    expect((await get('partner-gateway', 'uuid'))?.status).toBe('delivered')
    expect((await post('/webhooks/partner-gateway', PG_SMS_NOT_DELIVERED)).status).toBe(204)
    expect((await post('/webhooks/partner-gateway', PG_EVENT_DATE)).status).toBe(204)
    const merged = await get('partner-gateway', 'uuid')
    expect(merged?.status).toBe('delivered')
    expect(merged?.deliveredAt).toBe('2025-10-16T10:42:18.000Z')
  })

  it('a READ that arrives before the delivery report still ends as read, with a delivery time', async () => {
    const read = { ...PG_READ, messageId: 'late-delivery-1' }
    const delivery = { ...PG_EVENT_DATE, messageId: 'late-delivery-1', eventDate: '2026-04-09T10:30:30Z' }
    await post('/webhooks/partner-gateway', read)
    await post('/webhooks/partner-gateway', delivery)
    const merged = await get('partner-gateway', 'late-delivery-1')
    expect(merged?.status).toBe('read')
    expect(merged?.readAt).toBe('2026-04-09T10:31:15.000Z')
    expect(merged?.deliveredAt).not.toBeNull()
  })

  it('stores the documented BSG callback, and a batch of them', async () => {
    expect((await post('/webhooks/bsg', BSG_DELIVERED)).status).toBe(204)
    const record = await get('bsg', '3266500452')
    expect(record?.status).toBe('delivered')
    expect(record?.recipient).toBe('+380997087351')
    expect(record?.cost).toEqual({ amount: '1.1000000', currency: 'EUR' })
    const batch = [
      { ...BSG_DELIVERED, id: '3266500453', status: 'sent', time_dr: null },
      { ...BSG_DELIVERED, id: '3266500454', status: 'not_rcs_user', error: 1, errorDescription: 'not an RCS user' },
    ]
    expect((await post('/webhooks/bsg', batch)).status).toBe(204)
    expect((await get('bsg', '3266500453'))?.status).toBe('sent')
    expect((await get('bsg', '3266500454'))?.status).toBe('undeliverable')
    expect((await get('bsg', '3266500454'))?.reason?.code).toBe('not_rcs_capable')
  })

  it('ignores a user reply (INBOUND), and refuses a wrong secret and what is not a callback', async () => {
    const before = await count()
    expect(
      (await post('/webhooks/partner-gateway', { eventType: 'INBOUND', messageId: 'x', channel: 'RCS' })).status,
    ).toBe(204)
    expect((await post('/webhooks/bsg', BSG_DELIVERED, 'wrong-secret')).status).toBe(401)
    expect((await post('/webhooks/bsg', '{"id":')).status).toBe(400)
    expect((await post('/webhooks/bsg', { hello: 'world' })).status).toBe(400)
    expect((await post('/webhooks/twilio', {})).status).toBe(404)
    expect((await fetch(`${receiver.url}/webhooks/bsg?token=${SECRET}`)).status).toBe(405)
    expect((await post('/webhooks/bsg', `[${'{"id":1,"status":"sent"},'.repeat(60_000)}{}]`)).status).toBe(413)
    expect(await count()).toBe(before)
    // The malformed bodies are kept for inspection.
    const letters = await receiver.store.sql<{ reason: string }>('SELECT reason FROM rcs_dead_letters ORDER BY seq')
    expect(letters.map((l) => l.reason)).toEqual(['the body is not JSON', expect.stringContaining('bsg')])
  })

  it("prints every change from the store's change feed", async () => {
    await expect.poll(() => printed).toContain('bsg 3266500452: delivered (final)')
    expect(printed[0]).toMatch(/^receiving callbacks at http:\/\/127\.0\.0\.1:\d+\/webhooks\/partner-gateway/)
  })
})

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

let receiver: Awaited<ReturnType<typeof main>>
const printed: string[] = []

const post = (path: string, body: unknown) =>
  fetch(`${receiver.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

beforeAll(async () => {
  receiver = await main({ port: 0, print: (line) => printed.push(line) })
})

afterAll(async () => {
  await receiver?.close()
})

describe('webhook receiver', () => {
  it('stores the documented partner-gateway callbacks as canonical records', async () => {
    expect((await post('/webhooks/partner-gateway', PG_DELIVERY)).status).toBe(204)
    expect((await post('/webhooks/partner-gateway', PG_READ)).status).toBe(204)
    const delivered = receiver.store.get('partner-gateway:order-12345')
    expect(delivered?.status).toBe('delivered')
    expect(delivered?.recipient).toBe('+393401234567')
    expect(delivered?.deliveredAt).toBe('2026-04-09T10:30:00.000Z')
    const read = receiver.store.get('partner-gateway:e766…')
    expect(read?.status).toBe('read')
    expect(read?.readAt).toBe('2026-04-09T10:31:15.000Z')
  })

  it('merges out-of-order and duplicated callbacks: a late failure never undoes a delivery', async () => {
    expect((await post('/webhooks/partner-gateway', PG_EVENT_DATE)).status).toBe(204)
    expect(receiver.store.get('partner-gateway:uuid')?.status).toBe('delivered')
    expect((await post('/webhooks/partner-gateway', PG_SMS_NOT_DELIVERED)).status).toBe(204)
    expect((await post('/webhooks/partner-gateway', PG_EVENT_DATE)).status).toBe(204)
    const merged = receiver.store.get('partner-gateway:uuid')
    expect(merged?.status).toBe('delivered')
    expect(merged?.deliveredAt).toBe('2025-10-16T10:42:18.000Z')
  })

  it('a READ that arrives before the delivery report still ends as read, with a delivery time', async () => {
    const read = { ...PG_READ, messageId: 'late-delivery-1' }
    const delivery = { ...PG_EVENT_DATE, messageId: 'late-delivery-1', eventDate: '2026-04-09T10:30:30Z' }
    await post('/webhooks/partner-gateway', read)
    await post('/webhooks/partner-gateway', delivery)
    const merged = receiver.store.get('partner-gateway:late-delivery-1')
    expect(merged?.status).toBe('read')
    expect(merged?.readAt).toBe('2026-04-09T10:31:15.000Z')
    expect(merged?.deliveredAt).not.toBeNull()
  })

  it('stores the documented BSG callback, and a batch of them', async () => {
    expect((await post('/webhooks/bsg', BSG_DELIVERED)).status).toBe(204)
    const record = receiver.store.get('bsg:3266500452')
    expect(record?.status).toBe('delivered')
    expect(record?.recipient).toBe('+380997087351')
    expect(record?.cost).toEqual({ amount: '1.1000000', currency: 'EUR' })
    const batch = [
      { ...BSG_DELIVERED, id: '3266500453', status: 'sent', time_dr: null },
      { ...BSG_DELIVERED, id: '3266500454', status: 'not_rcs_user', error: 1, errorDescription: 'not an RCS user' },
    ]
    expect((await post('/webhooks/bsg', batch)).status).toBe(204)
    expect(receiver.store.get('bsg:3266500453')?.status).toBe('sent')
    expect(receiver.store.get('bsg:3266500454')?.status).toBe('undeliverable')
    expect(receiver.store.get('bsg:3266500454')?.reason?.code).toBe('not_rcs_capable')
  })

  it('ignores a user reply (INBOUND), and refuses what is not a callback', async () => {
    const before = receiver.store.size
    expect(
      (await post('/webhooks/partner-gateway', { eventType: 'INBOUND', messageId: 'x', channel: 'RCS' })).status,
    ).toBe(204)
    expect(receiver.store.size).toBe(before)
    const notJson = await post('/webhooks/bsg', '{"id":')
    expect(notJson.status).toBe(400)
    const notACallback = await post('/webhooks/bsg', { hello: 'world' })
    expect(notACallback.status).toBe(400)
    expect(((await notACallback.json()) as { kind: string }).kind).toBe('decode')
    expect((await post('/webhooks/twilio', {})).status).toBe(404)
    expect((await fetch(`${receiver.url}/webhooks/bsg`)).status).toBe(405)
    expect((await post('/webhooks/bsg', `[${'{"id":1,"status":"sent"},'.repeat(60_000)}{}]`)).status).toBe(413)
    expect(receiver.store.size).toBe(before)
  })

  it('logs every merged record', () => {
    expect(printed[0]).toMatch(/^receiving callbacks at http:\/\/127\.0\.0\.1:\d+\/webhooks\/partner-gateway/)
    expect(printed).toContain('bsg 3266500452: delivered received → delivered (final)')
  })
})

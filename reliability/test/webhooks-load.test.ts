import type { DeliveryStatus } from '@rcs-records/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectedRecord, generateLoad, quantile, sendAll, sendOrder } from './support/callback-load.js'
import { startWebhookServer, WEBHOOK_SECRET, type WebhookServer } from './support/webhook-server.js'

const PG = 'partner-gateway'
/** Progress rank for "never backwards": failures sit above sent (sticky against it) and below delivered. */
const RANK: Record<DeliveryStatus, number> = {
  unknown: -1,
  pending: 0,
  sent: 1,
  rejected: 1.5,
  undeliverable: 1.5,
  expired: 1.5,
  canceled: 1.5,
  delivered: 2,
  read: 3,
} as Record<DeliveryStatus, number>

describe('webhooks under load: 10,000 callbacks from 50 concurrent senders over HTTP', () => {
  let receiver: WebhookServer
  beforeAll(async () => {
    receiver = await startWebhookServer()
  }, 120_000)
  afterAll(async () => {
    await receiver?.close()
  })

  it('ends equal to the mergeRecords fold of them: 0 lost, 0 backwards, READs joined to their DELIVERY', async () => {
    const messages = generateLoad(5_000, 20)
    const bodies = sendOrder(messages, 20)
    expect(bodies).toHaveLength(10_000)
    const { statuses, latencies, resent } = await sendAll(`${receiver.url}/webhooks/${PG}`, bodies, 50, {
      authorization: `Bearer ${WEBHOOK_SECRET}`,
    })
    expect(statuses.filter((status) => status !== 204)).toEqual([])
    const { store } = receiver
    // One row per message, none left under a messageId.
    expect(await store.count({ provider: PG })).toBe(messages.length)
    let lost = 0
    for (const message of messages) {
      const stored = await store.get(PG, message.id)
      if (stored === undefined) lost++
      else expect(stored).toEqual(expectedRecord(message))
    }
    expect(lost).toBe(0)
    // Never backwards: along each record's changes, in commit order, the rank never falls.
    const last = new Map<string, DeliveryStatus>()
    let backwards = 0
    for await (const { record } of store.changes()) {
      const before = last.get(record.id)
      if (before !== undefined && RANK[record.status] < RANK[before]) backwards++
      last.set(record.id, record.status)
    }
    expect(backwards).toBe(0)
    const finals = messages.map((m) => last.get(m.id))
    expect(new Set(finals)).toEqual(new Set(['read', 'delivered', 'undeliverable']))
    console.log(
      `webhooks load: ${bodies.length} callbacks, ${messages.length} messages, 50 senders, ${resent} resent after a connection reset; latency p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms`,
    )
  }, 900_000)
})

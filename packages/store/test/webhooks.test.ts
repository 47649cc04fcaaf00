import { RcsError } from '@rcs-records/core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createWebhookHandler } from '../src/index.js'
import { BSG_DELIVERED, PG_DELIVERY, PG_READ, PG_SMS_NOT_DELIVERED } from './fixtures/callbacks.js'
import { ENGINES, openTestStore } from './helpers/databases.js'
import { SECRET, webhookClients } from './helpers/webhook-clients.js'

const ORIGIN = 'http://receiver.test'
const PG = 'partner-gateway'
const bearer = { authorization: `Bearer ${SECRET}` }

/** A request body that counts how many bytes were pulled from it, in chunks of `chunk` bytes, `total` in all. */
const countingBody = (total: number, chunk = 64 * 1024) => {
  let pulled = 0
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= total) return controller.close()
        const size = Math.min(chunk, total - pulled)
        pulled += size
        controller.enqueue(new Uint8Array(size).fill(0x20))
      },
    },
    { highWaterMark: 0 },
  ) // no read-ahead: only what the handler reads is pulled
  return { stream, pulled: () => pulled }
}

describe.each(ENGINES)('createWebhookHandler (%s)', (engine) => {
  let store: Awaited<ReturnType<typeof openTestStore>>
  let handler: (request: Request) => Promise<Response>
  const errors: unknown[] = []
  beforeAll(async () => {
    store = await openTestStore(engine)
    handler = createWebhookHandler({
      clients: webhookClients(),
      store,
      secret: SECRET,
      maxBodyBytes: 100_000,
      bodyTimeoutMs: 300,
      deadLetters: { maxBodyChars: 200, maxRows: 3 },
      onError: (error) => errors.push(error),
    })
  })
  afterAll(async () => {
    await store?.dispose()
  })
  beforeEach(async () => {
    await store.sql('DELETE FROM rcs_records')
    await store.sql('DELETE FROM rcs_aliases')
    await store.sql('DELETE FROM rcs_dead_letters')
    errors.length = 0
  })

  const post = (
    provider: string,
    body: string | ReadableStream<Uint8Array> | null,
    headers: Record<string, string> = bearer,
    query = '',
  ) =>
    handler(
      new Request(`${ORIGIN}/webhooks/${provider}${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      } as RequestInit),
    )
  const count = async (table: string) =>
    Number((await store.sql<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`))[0]?.n)
  const deadLetters = () =>
    store.sql<{ provider: string; reason: string; body: string; body_bytes: string; truncated: boolean }>(
      `SELECT provider, reason, convert_from(body, 'UTF8') AS body, body_bytes::text, truncated
       FROM rcs_dead_letters ORDER BY seq`,
    )

  it("applies partner-gateway's documented DELIVERY then READ with source 'webhook': 204, one record, read", async () => {
    expect((await post(PG, PG_DELIVERY)).status).toBe(204)
    expect((await post(PG, PG_READ)).status).toBe(204)
    const record = await store.get(PG, 'order-12345')
    expect(record).toMatchObject({ status: 'read', readAt: '2026-04-09T10:31:15.000Z' })
    const rows = await store.sql<{ id: string; source: string }>('SELECT id, source FROM rcs_records')
    expect(rows).toEqual([{ id: 'order-12345', source: 'webhook' }])
    const [change] = await store.sql<{ source: string }>('SELECT source FROM rcs_changes ORDER BY seq DESC LIMIT 1')
    expect(change?.source).toBe('webhook')
  })

  it("a READ posted before its DELIVERY is joined when the DELIVERY arrives; BSG's documented callback applies", async () => {
    expect((await post(PG, PG_READ)).status).toBe(204)
    expect((await post(PG, PG_DELIVERY)).status).toBe(204)
    expect((await store.sql<{ id: string }>('SELECT id FROM rcs_records')).map((r) => r.id)).toEqual(['order-12345'])
    expect((await store.get(PG, 'order-12345'))?.status).toBe('read')
    expect((await post('bsg', BSG_DELIVERED)).status).toBe(204)
    expect(await store.get('bsg', '3266500452')).toMatchObject({ status: 'delivered', reference: 'hello' })
  })

  it('a duplicated or late failure never moves a status backwards', async () => {
    const delivered = JSON.stringify({ ...JSON.parse(PG_SMS_NOT_DELIVERED), statusCode: 3 })
    expect((await post(PG, delivered)).status).toBe(204)
    expect((await post(PG, PG_SMS_NOT_DELIVERED)).status).toBe(204)
    expect((await post(PG, delivered)).status).toBe(204)
    expect((await store.get(PG, 'uuid'))?.status).toBe('delivered')
  })

  it('takes the secret as Bearer, as the Basic password, or as ?token=', async () => {
    const basic = `Basic ${btoa(`vendor:${SECRET}`)}`
    expect((await post(PG, PG_DELIVERY, { authorization: basic })).status).toBe(204)
    expect((await post(PG, PG_DELIVERY, {}, `?token=${encodeURIComponent(SECRET)}`)).status).toBe(204)
    expect((await post(PG, PG_DELIVERY, { authorization: `bearer ${SECRET}` })).status).toBe(204)
  })

  it('401 for a missing or wrong secret — nothing read, nothing stored, no hint of the secret', async () => {
    const attempts: [Record<string, string>, string][] = [
      [{}, ''],
      [{ authorization: 'Bearer wrong-secret-000000000' }, ''],
      [{ authorization: `Bearer ${SECRET}x` }, ''],
      [{ authorization: `Bearer ${SECRET.slice(0, -1)}` }, ''],
      [{ authorization: `Basic ${btoa(`${SECRET}:nope`)}` }, ''],
      [{ authorization: SECRET }, ''],
      [{}, '?token=wrong'],
      [{}, `?secret=${SECRET}`],
    ]
    for (const [headers, query] of attempts) {
      const body = countingBody(50_000)
      const response = await post(PG, body.stream, headers, query)
      expect(response.status).toBe(401)
      const text = await response.text()
      expect(text).not.toContain(SECRET.slice(0, 8))
      expect(body.pulled()).toBe(0)
    }
    expect(await count('rcs_records')).toBe(0)
    expect(await count('rcs_dead_letters')).toBe(0)
  })

  it('404 for another path or an unknown provider (or one without webhooks); 405 for other methods', async () => {
    expect((await handler(new Request(`${ORIGIN}/hooks/${PG}`, { method: 'POST', headers: bearer }))).status).toBe(404)
    expect((await post('nope', PG_DELIVERY)).status).toBe(404)
    expect((await post('__proto__', PG_DELIVERY)).status).toBe(404)
    expect((await post('spacivox', '{}')).status).toBe(404)
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const response = await handler(new Request(`${ORIGIN}/webhooks/${PG}`, { method, headers: bearer }))
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('POST')
    }
    // Mounted under a prefix, the route still works.
    const prefixed = new Request(`${ORIGIN}/api/v1/webhooks/${PG}`, {
      method: 'POST',
      headers: bearer,
      body: PG_DELIVERY,
    })
    expect((await handler(prefixed)).status).toBe(204)
  })

  it('413 from Content-Length before reading, and as soon as a streamed body passes the cap', async () => {
    const declared = countingBody(200_000)
    const response = await post(PG, declared.stream, { ...bearer, 'content-length': '200000' })
    expect(response.status).toBe(413)
    expect(declared.pulled()).toBe(0)
    const streamed = countingBody(10_000_000, 16_384)
    expect((await post(PG, streamed.stream)).status).toBe(413)
    // Read up to the cap and at most the stream's read-ahead past it, never the 10 MB.
    expect(streamed.pulled()).toBeLessThan(100_000 + 5 * 16_384)
    expect(await count('rcs_records')).toBe(0)
  })

  it('400 for a body that is not JSON, a JSON bomb or no callback: no change, a dead letter without the secret', async () => {
    const bomb = `${'['.repeat(100_000 / 2 - 10)}${']'.repeat(100_000 / 2 - 10)}`
    const bodies = [
      `not json, and the secret ${SECRET} pasted in`,
      bomb,
      JSON.stringify({ eventType: 'DELIVERY', customerMessageId: 'x', note: `Bearer ${SECRET}` }),
    ]
    for (const body of bodies) {
      const response = await post(PG, body)
      expect(response.status).toBe(400)
      expect(await response.text()).not.toContain(SECRET)
    }
    expect(await count('rcs_records')).toBe(0)
    const letters = await deadLetters()
    expect(letters.map((l) => l.reason)).toEqual([
      'the body is not JSON',
      'JSON nested deeper than 32 levels',
      expect.stringContaining('statusCode'),
    ])
    for (const letter of letters) {
      expect(letter.provider).toBe(PG)
      expect(letter.body).not.toContain(SECRET)
      expect(letter.body.length).toBeLessThanOrEqual(200)
    }
    expect(letters[0]?.body).toContain('[REDACTED]')
    expect(letters[1]).toMatchObject({ body_bytes: String(bomb.length), truncated: true })
    // The table keeps the newest rows only.
    await post(PG, '{oops')
    expect((await deadLetters()).map((l) => l.reason)).toEqual([
      'JSON nested deeper than 32 levels',
      expect.stringContaining('statusCode'),
      'the body is not JSON',
    ])
  })

  it('204 and no change for a callback that is not a delivery report (a user reply)', async () => {
    const inbound = JSON.stringify({ eventType: 'INBOUND', messageId: 'm-1', destination: '+393401234567' })
    expect((await post(PG, inbound)).status).toBe(204)
    expect(await count('rcs_records')).toBe(0)
    expect(await count('rcs_dead_letters')).toBe(0)
  })

  it('415 for a content type that is not JSON; plain text and no content type are read as JSON', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      expect((await post(PG, PG_DELIVERY, { ...bearer, 'content-type': type })).status).toBe(415)
    }
    expect(await count('rcs_records')).toBe(0)
    expect((await post(PG, PG_DELIVERY, { ...bearer, 'content-type': 'text/plain; charset=utf-8' })).status).toBe(204)
    const untyped = new Request(`${ORIGIN}/webhooks/${PG}`, {
      method: 'POST',
      headers: bearer,
      body: new Blob([PG_READ]),
    })
    expect((await handler(untyped)).status).toBe(204)
    expect((await store.get(PG, 'order-12345'))?.status).toBe('read')
  })

  it('408 for a body that does not arrive in time (slowloris), nothing stored', async () => {
    const encoder = new TextEncoder()
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(PG_DELIVERY.slice(0, 20)))
        // …and nothing more, ever.
      },
    })
    expect((await post(PG, stream)).status).toBe(408)
    expect(await count('rcs_records')).toBe(0)
  })

  it('concurrent callbacks are applied together (group commit), each answered once committed', async () => {
    let applies = 0
    const counting = createWebhookHandler({
      clients: webhookClients(),
      store: {
        ...store,
        apply: (records, options) => {
          applies++
          return store.apply(records, options)
        },
      },
      secret: SECRET,
    })
    const bodies = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify({ ...JSON.parse(PG_DELIVERY), customerMessageId: `order-${i}`, messageId: `uuid-${i}` }),
    )
    const answers = await Promise.all(
      bodies.map((body) =>
        counting(new Request(`${ORIGIN}/webhooks/${PG}`, { method: 'POST', headers: bearer, body })),
      ),
    )
    expect(answers.map((r) => r.status)).toEqual(bodies.map(() => 204))
    // Every answered callback is in the store when its answer comes.
    expect(await count('rcs_records')).toBe(20)
    expect(applies).toBeLessThan(20)
  })

  it('503 (the vendor retries) when the store fails, reported to onError', async () => {
    const broken = createWebhookHandler({
      clients: webhookClients(),
      store: { ...store, apply: async () => Promise.reject(new RcsError({ kind: 'transport', message: 'down' })) },
      secret: SECRET,
      onError: (error) => errors.push(error),
    })
    const request = new Request(`${ORIGIN}/webhooks/${PG}`, { method: 'POST', headers: bearer, body: PG_DELIVERY })
    const response = await broken(request)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('5')
    expect(errors).toHaveLength(1)
  })

  it('refuses a secret shorter than 16 characters with a config error that does not quote it', () => {
    const make = () => createWebhookHandler({ clients: {}, store, secret: 'short-secret' })
    expect(make).toThrow(RcsError)
    expect(make).toThrow(/at least 16 characters/)
    expect(make).not.toThrow(/short-secret/)
  })
})

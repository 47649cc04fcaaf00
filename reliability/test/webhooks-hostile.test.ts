import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebhookServer, WEBHOOK_SECRET, type WebhookServer } from './support/webhook-server.js'

const PG = 'partner-gateway'
const DELIVERY =
  '{"eventType":"DELIVERY","messageId":"e766…","customerMessageId":"order-12345","destination":"+393401234567","statusCode":3,"description":"Message delivered","channel":"SMS","timestamp":"2026-04-09T10:30:00Z"}'

/** Sends `total` bytes of a body from a Node request (chunked when `declare` is false); the status answered. */
const postLarge = (url: string, total: number, declare: boolean): Promise<number> =>
  new Promise((resolve, reject) => {
    const target = new URL(url)
    const request = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          authorization: `Bearer ${WEBHOOK_SECRET}`,
          'content-type': 'application/json',
          ...(declare ? { 'content-length': total } : {}),
        },
      },
      (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
        request.destroy()
      },
    )
    // The server may close the connection while we are still writing: that is the point.
    request.on('error', (error) => (request.writableEnded ? undefined : reject(error)))
    const chunk = Buffer.alloc(64 * 1024, 0x5b)
    let sent = 0
    const pump = () => {
      while (sent < total) {
        sent += chunk.length
        if (!request.write(chunk)) return void request.once('drain', pump)
      }
      request.end()
    }
    pump()
  })

/** A raw HTTP request that sends its headers and the first bytes of its body, then nothing: the response text. */
const slowloris = (url: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const target = new URL(url)
    const socket = connect(Number(target.port), target.hostname)
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      answer += chunk
      if (answer.includes('\r\n\r\n')) {
        socket.destroy()
        resolve(answer)
      }
    })
    socket.on('error', reject)
    socket.write(
      `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nAuthorization: Bearer ${WEBHOOK_SECRET}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${DELIVERY.length}\r\n\r\n${DELIVERY.slice(0, 15)}`,
    )
  })

describe('hostile requests to the webhook receiver (real HTTP on 127.0.0.1)', () => {
  let receiver: WebhookServer
  const url = () => `${receiver.url}/webhooks/${PG}`
  const post = (body: string, headers: Record<string, string> = { authorization: `Bearer ${WEBHOOK_SECRET}` }) =>
    fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
  const storeIsEmpty = async () => {
    expect(await receiver.store.count()).toBe(0)
  }
  /** The server still answers (a good callback is posted at the end: it would change the store). */
  const stillAlive = async () => {
    const response = await fetch(`${receiver.url}/nowhere`, { method: 'POST' })
    expect(response.status).toBe(404)
  }

  beforeAll(async () => {
    receiver = await startWebhookServer({ bodyTimeoutMs: 500 })
  }, 120_000)
  afterAll(async () => {
    await receiver?.close()
  })

  it('wrong or missing secret: 401', async () => {
    expect((await post(DELIVERY, {})).status).toBe(401)
    expect((await post(DELIVERY, { authorization: 'Bearer whsec_reliability_3b9e51f0a3' })).status).toBe(401)
    expect((await post(DELIVERY, { authorization: `Basic ${btoa(`${WEBHOOK_SECRET}:`)}` })).status).toBe(401)
    await storeIsEmpty()
    await stillAlive()
  })

  it('a 10 MB body: 413, declared or chunked, without reading it all', async () => {
    expect(await postLarge(url(), 10 * 1024 * 1024, true)).toBe(413)
    expect(await postLarge(url(), 10 * 1024 * 1024, false)).toBe(413)
    await storeIsEmpty()
    await stillAlive()
  })

  it('a slowloris body (headers, a few bytes, then nothing): 408', async () => {
    const answer = await slowloris(url())
    expect(answer).toMatch(/^HTTP\/1\.1 408 /)
    await storeIsEmpty()
    await stillAlive()
  })

  it('not JSON, and a JSON bomb (deep nesting): 400, kept as dead letters', async () => {
    expect((await post('{"eventType":"DELIVERY",')).status).toBe(400)
    expect((await post('\u0000\u0001binary')).status).toBe(400)
    expect((await post('['.repeat(500_000))).status).toBe(400)
    expect((await post(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`)).status).toBe(400)
    await storeIsEmpty()
    expect(await receiver.store.sql('SELECT seq FROM rcs_dead_letters')).toHaveLength(4)
    await stillAlive()
  })

  it('a wrong content type: 415', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/html', 'multipart/form-data; boundary=x']) {
      expect((await post(DELIVERY, { authorization: `Bearer ${WEBHOOK_SECRET}`, 'content-type': type })).status).toBe(
        415,
      )
    }
    await storeIsEmpty()
  })

  it('after all that, the server is alive and a good callback applies', async () => {
    expect((await post(DELIVERY)).status).toBe(204)
    expect((await receiver.store.get(PG, 'order-12345'))?.status).toBe('delivered')
  })
})

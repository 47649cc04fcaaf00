import type { ServerResponse } from 'node:http'
import { RcsError } from '@rcs-records/core'
import type { Vendor } from '@rcs-records/simulator'
import { describe, expect, it } from 'vitest'
import { type EchoServer, startEchoServer } from './support/echo-server.js'
import { runList } from './support/sync.js'
import { clientFor, VENDORS } from './support/vendors.js'

const MAX_BODY_BYTES = 1024 * 1024
const CHUNK = Buffer.from(`${'{"id":1,"state":1,"padding":"'.padEnd(1000, 'x')}"},`.repeat(64))
/** What the server would send if nobody stopped it. */
const ENDLESS_BYTES = 512 * 1024 * 1024

/** Streams a JSON array that never ends (up to 512 MiB), respecting backpressure; counts what it managed to write. */
const endless = (sent: { bytes: number; closed: boolean }) => (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.write('[')
  const pump = () => {
    while (sent.bytes < ENDLESS_BYTES && !res.destroyed) {
      sent.bytes += CHUNK.length
      if (!res.write(CHUNK)) {
        res.once('drain', pump)
        return
      }
    }
    if (!res.destroyed) res.end(']')
  }
  res.on('close', () => {
    sent.closed = true
  })
  pump()
}

const setUp = async (vendor: Vendor, reply: (res: ServerResponse) => void) => {
  const server: EchoServer = await startEchoServer((request) =>
    request.path === '/api/auth/login' ? { status: 200, body: { bearer: 'eyJ.body-limit-token.sig' } } : reply,
  )
  const client = clientFor(vendor, {
    config: {
      baseUrl: vendor === 'partner-gateway' ? `${server.url}/api` : server.url,
      ...(vendor === 'spacivox' ? { token: 'tok-body-limit', concurrency: 1 } : { apiKey: 'live_body-limit' }),
    },
    http: { maxBodyBytes: MAX_BODY_BYTES, timeoutMs: 5_000, retry: { limit: 3, baseDelayMs: 1 } },
  })
  return { server, client }
}

const listRequests = (server: EchoServer) => server.requests.filter((request) => request.path !== '/api/auth/login')

describe.each(VENDORS)('%s: a response body over http.maxBodyBytes', (vendor) => {
  it('an endless body is cut off at the limit: a clear error, no retry, bounded bytes read and time', async () => {
    const sent = { bytes: 0, closed: false }
    const { server, client } = await setUp(vendor, endless(sent))
    try {
      const outcome = await runList(client, { from: '2026-01-01T00:00:00Z', to: '2026-01-01T06:00:00Z' })
      const error = outcome.error as RcsError
      expect(error).toBeInstanceOf(RcsError)
      expect(error.kind).toBe('provider')
      expect(error.retryable).toBe(false)
      expect(error.message).toMatch(/exceeds the 1048576-byte limit \(http\.maxBodyBytes\)/)
      expect(error.details).toMatchObject({ maxBodyBytes: MAX_BODY_BYTES })
      expect(listRequests(server)).toHaveLength(1)
      expect(outcome.elapsedMs).toBeLessThan(10_000)
      await new Promise((resolve) => setTimeout(resolve, 50))
      // The client stopped reading: the server could push only the limit plus socket buffers, not 512 MiB.
      expect(sent.closed).toBe(true)
      expect(sent.bytes).toBeLessThan(32 * MAX_BODY_BYTES)
    } finally {
      await server.close()
    }
  })

  it('a declared Content-Length over the limit is refused before reading, without waiting for the body', async () => {
    const { server, client } = await setUp(vendor, (res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * 1024 ** 3) })
      res.write('[')
    })
    try {
      const outcome = await runList(client, { from: '2026-01-01T00:00:00Z', to: '2026-01-01T06:00:00Z' })
      expect((outcome.error as RcsError).kind).toBe('provider')
      expect((outcome.error as RcsError).message).toMatch(/http\.maxBodyBytes/)
      expect(outcome.elapsedMs).toBeLessThan(10_000)
      expect(listRequests(server)).toHaveLength(1)
    } finally {
      await server.close()
    }
  })
})

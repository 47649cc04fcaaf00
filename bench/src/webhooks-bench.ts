import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Worker } from 'node:worker_threads'
import { getRequestListener } from '@hono/node-server'
import { createClient, silentLogger } from '@rcs-records/core'
import partnerGateway from '@rcs-records/partner-gateway'
import { createWebhookHandler, openStore } from '@rcs-records/store'
import type { SendersResult } from './webhooks-senders.js'

/**
 * What {@link benchWebhooks} measured: the latency of callbacks posted over HTTP on 127.0.0.1 by concurrent senders
 * into `createWebhookHandler` on a store, and into the same Node server with a bare handler (reads the body,
 * answers 204, stores nothing) as the baseline.
 *
 * @example
 * const result = await benchWebhooks({ callbacks: 10_000, senders: 50 })
 */
export interface WebhooksBenchResult {
  engine: string
  callbacks: number
  senders: number
  p50Ms: number
  p99Ms: number
  callbacksPerSecond: number
  bareP50Ms: number
  bareP99Ms: number
  bareCallbacksPerSecond: number
  /** Answers other than 204 (must be 0). */
  failed: number
}

const SECRET = 'whsec_bench_5d2a90c1e7f3'

/**
 * partner-gateway DELIVERY and READ callbacks for `callbacks / 4` messages, each posted twice, shuffled (seeded);
 * ids start with `prefix` (the warm-up's are not the measured run's messages).
 */
const callbackBodies = (callbacks: number, prefix = ''): string[] => {
  const bodies: string[] = []
  for (let i = 0; bodies.length < callbacks; i++) {
    const delivery = JSON.stringify({
      eventType: 'DELIVERY',
      messageId: `${prefix}uuid-${i}`,
      customerMessageId: `${prefix}order-${i}`,
      destination: '+393401234567',
      statusCode: 3,
      description: 'Message delivered',
      channel: 'RCS',
      timestamp: new Date(Date.UTC(2026, 3, 9, 10) + i * 1000).toISOString(),
    })
    const read = JSON.stringify({
      eventType: 'READ',
      messageId: `${prefix}uuid-${i}`,
      destination: '+393401234567',
      channel: 'RCS',
      timestamp: new Date(Date.UTC(2026, 3, 9, 10) + i * 1000 + 45_000).toISOString(),
    })
    bodies.push(read, delivery, read, delivery)
  }
  bodies.length = callbacks
  let seed = 7
  for (let i = bodies.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    const j = seed % (i + 1)
    ;[bodies[i], bodies[j]] = [bodies[j] as string, bodies[i] as string]
  }
  return bodies
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number

const listen = async (handler: (request: Request) => Promise<Response>): Promise<{ server: Server; url: string }> => {
  const server = createServer(getRequestListener(handler))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/partner-gateway` }
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  })

/**
 * Posts every body from `senders` senders, in a worker thread: the senders stand for the vendors' machines, so they
 * do not share the server's event loop (on one thread, their own fetch work would be counted as the server's
 * latency). Sorted latencies (ms), elapsed ms, answers other than 204.
 */
const drive = (url: string, bodies: readonly string[], senders: number): Promise<SendersResult> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./webhooks-senders.js', import.meta.url), {
      workerData: { url, bodies, senders, secret: SECRET },
    })
    worker.once('message', (result: SendersResult) => {
      resolve(result)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`webhook senders exited with ${code}`))
    })
  })

/**
 * Callback latency into the store, p50/p99 (target p99 < 100 ms on PGlite), against a bare server in the same run.
 *
 * @example
 * const { p99Ms } = await benchWebhooks({ callbacks: 500, senders: 50 })
 */
export const benchWebhooks = async (options: {
  callbacks: number
  senders: number
  url?: string | undefined
}): Promise<WebhooksBenchResult> => {
  const bodies = callbackBodies(options.callbacks)
  // The baseline: the same server and client, a handler that only reads the body.
  const bare = await listen(async (request) => {
    await request.arrayBuffer()
    return new Response(null, { status: 204 })
  })
  let baseline: SendersResult
  try {
    await drive(bare.url, bodies.slice(0, Math.min(200, bodies.length)), options.senders)
    baseline = await drive(bare.url, bodies, options.senders)
  } finally {
    await close(bare.server)
  }
  const store = await openStore(options.url)
  try {
    const client = createClient({ adapter: partnerGateway, config: { apiKey: 'bench_key_0001' }, logger: silentLogger })
    const handler = createWebhookHandler({ clients: { 'partner-gateway': client }, store, secret: SECRET })
    const ours = await listen(handler)
    try {
      // Warmed up like the baseline (its code compiled, its connections open), on messages of its own: the measured
      // run still starts from an empty store as far as its messages go.
      await drive(ours.url, callbackBodies(Math.min(200, bodies.length), 'warm-'), options.senders)
      const run = await drive(ours.url, bodies, options.senders)
      return {
        engine: options.url === undefined ? 'PGlite' : 'PostgreSQL',
        callbacks: bodies.length,
        senders: options.senders,
        p50Ms: quantile(run.latencies, 0.5),
        p99Ms: quantile(run.latencies, 0.99),
        callbacksPerSecond: bodies.length / (run.ms / 1000),
        bareP50Ms: quantile(baseline.latencies, 0.5),
        bareP99Ms: quantile(baseline.latencies, 0.99),
        bareCallbacksPerSecond: bodies.length / (baseline.ms / 1000),
        failed: run.failed + baseline.failed,
      }
    } finally {
      await close(ours.server)
    }
  } finally {
    await store.close()
  }
}

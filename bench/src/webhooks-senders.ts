import { Agent, request } from 'node:http'
import { isMainThread, parentPort, workerData } from 'node:worker_threads'

/**
 * What the senders measured: sorted latencies (ms), the elapsed ms of the whole run, answers other than 204.
 *
 * @example
 * const median = (r: SendersResult) => r.latencies[Math.floor(r.latencies.length / 2)]
 */
export interface SendersResult {
  latencies: number[]
  ms: number
  failed: number
}

interface SendersJob {
  url: string
  bodies: readonly string[]
  senders: number
  secret: string
}

/** One POST on `agent`'s kept-alive connections: the status once the whole answer has been read. */
const post = (url: URL, agent: Agent, secret: string, body: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${secret}`,
        },
      },
      (response) => {
        response.on('error', reject)
        response.on('end', () => resolve(response.statusCode ?? 0))
        response.resume()
      },
    )
    req.on('error', reject)
    req.end(body)
  })

/**
 * `senders` concurrent senders posting every body once, each waiting for its answer before the next, each on a
 * kept-alive connection of its own (as a vendor's machine keeps one open). `node:http` rather than `fetch`: the
 * senders stand for the vendors' machines and share this machine's cores with the server, so they must cost as
 * little as possible (undici's fetch took about as much CPU as the server and the database together).
 */
const send = async ({ url, bodies, senders, secret }: SendersJob): Promise<SendersResult> => {
  const target = new URL(url)
  const agent = new Agent({ keepAlive: true, maxSockets: senders })
  const latencies: number[] = []
  let failed = 0
  let next = 0
  const started = performance.now()
  try {
    await Promise.all(
      Array.from({ length: senders }, async () => {
        for (let i = next++; i < bodies.length; i = next++) {
          const t0 = performance.now()
          const status = await post(target, agent, secret, bodies[i] as string)
          latencies.push(performance.now() - t0)
          if (status !== 204) failed++
        }
      }),
    )
  } finally {
    agent.destroy()
  }
  return { latencies: latencies.sort((a, b) => a - b), ms: performance.now() - started, failed }
}

if (!isMainThread && parentPort !== null) {
  const port = parentPort
  void send(workerData as SendersJob).then((result) => port.postMessage(result))
}

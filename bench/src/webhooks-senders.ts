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

/** `senders` concurrent senders posting every body once, each waiting for its answer before the next. */
const send = async ({ url, bodies, senders, secret }: SendersJob): Promise<SendersResult> => {
  const latencies: number[] = []
  let failed = 0
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: senders }, async () => {
      for (let i = next++; i < bodies.length; i = next++) {
        const t0 = performance.now()
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
          body: bodies[i] as string,
        })
        await response.arrayBuffer()
        latencies.push(performance.now() - t0)
        if (response.status !== 204) failed++
      }
    }),
  )
  return { latencies: latencies.sort((a, b) => a - b), ms: performance.now() - started, failed }
}

if (!isMainThread && parentPort !== null) {
  const port = parentPort
  void send(workerData as SendersJob).then((result) => port.postMessage(result))
}

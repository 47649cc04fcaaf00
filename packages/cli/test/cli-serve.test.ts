import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { openStore } from '@rcs-records/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../src/exit-codes.js'
import { ensureBuilt, runBinary, spawnBinary } from './support/binary.js'
import { tempDir } from './support/simulator.js'

beforeAll(() => ensureBuilt(), 180_000)

const SECRET = 'whsec_cli_test_8e1f04c2d9'
const DELIVERY =
  '{"eventType":"DELIVERY","messageId":"e766…","customerMessageId":"order-12345","destination":"+393401234567","statusCode":3,"description":"Message delivered","channel":"SMS","timestamp":"2026-04-09T10:30:00Z"}'
const READ =
  '{"eventType":"READ","messageId":"e766…","destination":"+393401234567","channel":"RCS","timestamp":"2026-04-09T10:31:15Z"}'
const ENV = {
  RCS_RECORDS_WEBHOOK_SECRET: SECRET,
  RCS_PG_API_KEY: 'pg_cli_key_0001',
  RCS_BSG_API_KEY: 'bsg_cli_key_0001',
}

/** Sends the headers and the first part of a body now; `finish()` sends the rest and resolves with the status. */
const partialPost = (url: string, body: string) => {
  const target = new URL(url)
  let settle: (status: number) => void = () => {}
  let fail: (error: Error) => void = () => {}
  const status = new Promise<number>((resolve, reject) => {
    settle = resolve
    fail = reject
  })
  const request = httpRequest(
    {
      host: target.hostname,
      port: target.port,
      path: `${target.pathname}${target.search}`,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    },
    (response) => {
      response.resume()
      response.on('end', () => settle(response.statusCode ?? 0))
    },
  )
  request.on('error', fail)
  const bytes = Buffer.from(body)
  request.write(bytes.subarray(0, 10))
  request.flushHeaders()
  return {
    finish: () => {
      request.end(bytes.subarray(10))
      return status
    },
  }
}

describe('rcs-records serve', () => {
  let child: ReturnType<typeof spawnBinary> | undefined
  afterAll(() => {
    child?.kill('SIGKILL')
  })

  it('applies callbacks to the store, logs each request without bodies or secrets, and drains in-flight requests on SIGTERM', async () => {
    const dir = join(tempDir(), 'state')
    child = spawnBinary(['serve', '--store', `pglite:${dir}`, '-p', 'partner-gateway,bsg', '--port', '0'], { env: ENV })
    child.stdin.end()
    let stderr = ''
    const url = await new Promise<string>((resolve, reject) => {
      child?.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk
        const match = /at (http:\/\/127\.0\.0\.1:\d+)\/webhooks/.exec(stderr)
        if (match !== null) resolve(match[1] as string)
      })
      child?.on('close', () => reject(new Error(`serve ended: ${stderr}`)))
    })
    const post = (body: string, auth: Record<string, string>, query = '') =>
      fetch(`${url}/webhooks/partner-gateway${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body,
      })
    expect((await post(DELIVERY, {}, `?token=${SECRET}`)).status).toBe(204)
    expect((await post(DELIVERY, { authorization: 'Bearer not-the-secret-000' })).status).toBe(401)
    // A READ in flight when SIGTERM arrives is still answered and applied.
    const inFlight = partialPost(`${url}/webhooks/partner-gateway?token=${SECRET}`, READ)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const closed = new Promise<number | null>((resolve) => child?.on('close', resolve))
    child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await inFlight.finish()).toBe(204)
    expect(await closed).toBe(0)
    expect(stderr).toMatch(/POST \/webhooks\/partner-gateway 204 /)
    expect(stderr).toMatch(/POST \/webhooks\/partner-gateway 401 /)
    expect(stderr).toContain('stopped')
    expect(stderr).not.toContain(SECRET)
    expect(stderr).not.toContain('token=')
    expect(stderr).not.toContain('order-12345')
    const store = await openStore(`pglite:${dir}`)
    try {
      expect(await store.get('partner-gateway', 'order-12345')).toMatchObject({ status: 'read' })
    } finally {
      await store.close()
    }
  }, 120_000)

  it('refuses to start without the secret in RCS_RECORDS_WEBHOOK_SECRET, and needs --store', async () => {
    const noSecret = await runBinary(['serve', '--store', 'memory://', '-p', 'partner-gateway'], {
      env: { RCS_PG_API_KEY: 'pg_cli_key_0001' },
    })
    expect(noSecret.code).toBe(EXIT.config)
    expect(noSecret.stderr).toContain('RCS_RECORDS_WEBHOOK_SECRET')
    const noStore = await runBinary(['serve', '-p', 'partner-gateway'], { env: ENV })
    expect(noStore.code).toBe(EXIT.usage)
    expect(noStore.stderr).toContain('--store')
  }, 60_000)
})

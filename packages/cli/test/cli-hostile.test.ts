import type { ServerResponse } from 'node:http'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, lines, runBinary } from './support/binary.js'
import { type HostileServer, json, startHostileServer } from './support/hostile-server.js'
import { tempDir, writeJson } from './support/simulator.js'

// The binary against vendors that misbehave: hung, failing, hostile payloads. Real HTTP on 127.0.0.1.

let dir: string
let server: HostileServer | undefined

beforeAll(() => {
  ensureBuilt()
  dir = tempDir()
}, 180_000)

afterEach(async () => {
  await server?.close()
  server = undefined
})

const pgConfig = (url: string, name: string) =>
  writeJson(dir, name, { provider: 'partner-gateway', apiKey: 'pg-key-4f1b9c2e', baseUrl: url })

describe('watch keeps its --timeout, whatever the vendor does', () => {
  it('a hung vendor: a 1 s watch ends in seconds, not minutes, with exit 6', async () => {
    server = await startHostileServer(() => {})
    const started = Date.now()
    const result = await runBinary(['watch', 'm-1', '-c', pgConfig(server.url, 'hung.json'), '--timeout', '1s'], {
      timeoutMs: 60_000,
    })
    expect(result.code).toBe(6)
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(result.stderr).toMatch(/timed out; no answer from the vendor in time for: m-1/)
  }, 70_000)

  it('a vendor answering 503: exit 5 (an outage), not 4 (never found), with each retry announced', async () => {
    server = await startHostileServer((_request, response) => json(response, 503, { error: 'Service Unavailable' }))
    const result = await runBinary(
      ['watch', 'm-1', '-c', pgConfig(server.url, 'down.json'), '--timeout', '2s', '--interval', '500ms'],
      { timeoutMs: 60_000 },
    )
    expect(result.code).toBe(5)
    expect(result.stderr).toMatch(/rcs-records: partner-gateway: retrying in [\d.]+ m?s \(attempt 2\/5\): 503/)
    expect(lines(result.stderr).at(-1)).toMatch(/^rcs-records: partner-gateway: the vendor is failing/)
  }, 70_000)

  it('--retries and --request-timeout reach the transport', async () => {
    server = await startHostileServer((_request, response) => json(response, 503, { error: 'down' }))
    const result = await runBinary(
      ['get-many', 'm-1', '-c', pgConfig(server.url, 'down2.json'), '--retries', '1', '--request-timeout', '2s'],
      { timeoutMs: 60_000 },
    )
    expect(result.code).toBe(5)
    expect(result.stderr).toMatch(/\(attempt 2\/2\): 503/)
    expect(server.requests).toBe(2)
  }, 70_000)
})

/** A spacivox-shaped vendor whose window holds three records, the second with a payload nested 100,000 deep. */
const deepSpacivox = (response: ServerResponse, url: URL) => {
  const start = Date.parse(url.searchParams.get('start') ?? '')
  const end = Date.parse(url.searchParams.get('end') ?? '')
  const at = Date.parse('2026-01-01T10:00:00.000Z')
  if (!(start <= at && at < end)) return json(response, 200, '[]')
  const record = (id: number, extra: string) =>
    `{"campaign":1,"id":${id},"job":1,"number":"+33612345678","portal":null,"reference":"r${id}","state":1,"team":1,"timestamp":"2026-01-01T10:00:0${id}.000Z"${extra}}`
  const deep = `,"trace":${'['.repeat(100_000)}${']'.repeat(100_000)}`
  return json(response, 200, `[${record(1, '')},${record(2, deep)},${record(3, '')}]`)
}

describe('a hostile payload is written bounded or reported, never fatal', () => {
  it('list --raw with one record nested 100,000 levels deep writes all three records and warns once', async () => {
    server = await startHostileServer((_request, response, url) => deepSpacivox(response, url))
    const config = writeJson(dir, 'deep.json', { provider: 'spacivox', token: 'tok-7d2a9e', baseUrl: server.url })
    const result = await runBinary(
      ['list', '-c', config, '--from', '2026-01-01', '--to', '2026-01-02', '--raw', '-f', 'ndjson'],
      { timeoutMs: 60_000 },
    )
    expect(result.code).toBe(0)
    const records = lines(result.stdout).map((line) => JSON.parse(line) as { id: string; raw: unknown })
    expect(records.map((record) => record.id)).toEqual(['1', '2', '3'])
    expect(JSON.stringify(records[1]?.raw)).toContain('nested deeper than 64 levels')
    expect(result.stderr).toMatch(/warning: spacivox 2: part of the record nests deeper than 64 levels/)
  }, 70_000)

  it('vendor text cannot reach the terminal raw: an error line loses its control characters', async () => {
    server = await startHostileServer((_request, response) =>
      json(response, 400, { message: 'bad \u001b]0;pwned\u0007 title \u001b[2J cleared \u009b31m' }),
    )
    const result = await runBinary(['get-many', 'm-1', '-c', pgConfig(server.url, 'evil.json')], { timeoutMs: 60_000 })
    expect(result.code).not.toBe(0)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
  }, 70_000)
})

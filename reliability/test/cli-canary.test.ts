import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Canaries, leaksIn, makeCanaries } from './support/canary.js'
import { ensureCliBuilt, runCli } from './support/cli.js'
import {
  type EchoReply,
  type EchoRequest,
  type EchoServer,
  echoingBody,
  startEchoServer,
} from './support/echo-server.js'

/** One way of handing the CLI a secret, and the failure the fake vendor answers with. */
interface Case {
  name: string
  args: (url: string, configFile: string) => string[]
  env: (c: Canaries) => Record<string, string>
  /** The config file's content, when the case uses one. */
  file?: (c: Canaries, url: string) => Record<string, unknown>
  secrets: (c: Canaries) => string[]
  reply: (request: EchoRequest, c: Canaries) => EchoReply
}

const WINDOW = ['--from', '2026-01-01T00:00:00Z', '--to', '2026-01-01T06:00:00Z']
const echo = (status: number) => (request: EchoRequest) => ({ status, body: echoingBody(status, request) })
const bsgLoginThen = (status: number) => (request: EchoRequest, c: Canaries) =>
  request.path === '/api/auth/login' ? { status: 200, body: { bearer: c.token } } : echo(status)(request)

const CASES: readonly Case[] = [
  {
    name: 'bsg list, key in the environment, login refused with a 401 echoing the key',
    args: (url) => ['list', '-p', 'bsg', '--base-url', url, ...WINDOW, '-v'],
    env: (c) => ({ RCS_BSG_API_KEY: c.apiKey }),
    secrets: (c) => [c.apiKey],
    reply: (request) => echo(401)(request),
  },
  {
    name: 'bsg get, messages answering 500 echoing the bearer token (retried)',
    args: (url) => ['get', '26130', '-p', 'bsg', '--base-url', url, '-v', '-f', 'json'],
    env: (c) => ({ RCS_BSG_API_KEY: c.apiKey }),
    secrets: (c) => [c.apiKey, c.token],
    reply: (request, c) => bsgLoginThen(500)(request, c),
  },
  {
    name: 'partner-gateway list, API key in the environment, 403 echoing it',
    args: (url) => ['list', '-p', 'partner-gateway', '--base-url', `${url}/api`, ...WINDOW, '-v'],
    env: (c) => ({ RCS_PG_API_KEY: c.apiKey }),
    secrets: (c) => [c.apiKey],
    reply: (request) => echo(403)(request),
  },
  {
    name: 'partner-gateway get, Basic auth in the environment, 422 echoing the header',
    args: (url) => ['get', 'order-12345', '-p', 'partner-gateway', '--base-url', `${url}/api`, '-f', 'json'],
    env: (c) => ({ RCS_PG_USERNAME: c.username, RCS_PG_PASSWORD: c.password }),
    secrets: (c) => [c.password],
    reply: (request) => echo(422)(request),
  },
  {
    name: 'spacivox list, token in a --config file, 403 echoing it',
    args: (_url, file) => ['list', '-c', file, ...WINDOW, '-v', '-f', 'ndjson'],
    env: () => ({}),
    file: (c, url) => ({ provider: 'spacivox', token: c.token, baseUrl: url }),
    secrets: (c) => [c.token],
    reply: (request) => echo(403)(request),
  },
  {
    name: 'spacivox list, token in the environment, 400 echoing it',
    args: (url) => ['list', '-p', 'spacivox', '--base-url', url, ...WINDOW, '-f', 'csv'],
    env: (c) => ({ RCS_SPACIVOX_TOKEN: c.token }),
    secrets: (c) => [c.token],
    reply: (request) => echo(400)(request),
  },
]

describe('the rcs-records CLI never prints a canary credential', () => {
  let server: EchoServer
  let plan: (request: EchoRequest) => EchoReply = () => ({ status: 500 })
  let dir: string

  beforeAll(async () => {
    ensureCliBuilt()
    server = await startEchoServer((request) => plan(request))
    dir = mkdtempSync(join(tmpdir(), 'rcs-reliability-cli-'))
  }, 120_000)
  afterAll(async () => {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const styled = CASES.flatMap((c) =>
    (['plain', 'hostile'] as const).map((style) => ({ ...c, style, label: `${c.name} (${style} canaries)` })),
  )
  it.each(styled)('$label', async (c) => {
    const canaries = makeCanaries(c.style)
    server.requests.length = 0
    plan = (request) => c.reply(request, canaries)
    const file = join(dir, 'config.json')
    if (c.file !== undefined) writeFileSync(file, JSON.stringify(c.file(canaries, server.url)))
    const run = await runCli(c.args(server.url, file), c.env(canaries))
    expect(run.code).not.toBe(0)
    // A real failure report, not a crash: the CLI names the provider and no stack trace is printed.
    expect(run.stderr).toMatch(/bsg|partner-gateway|spacivox/)
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
    expect(leaksIn(`${run.stdout}\n${run.stderr}`, canaries, c.secrets(canaries))).toEqual([])
    // The secret did reach the fake vendor, so a leak would have been caught.
    expect(leaksIn(JSON.stringify(server.requests), canaries, c.secrets(canaries)).length).toBeGreaterThan(0)
    expect(server.planErrors).toEqual([])
  })
})

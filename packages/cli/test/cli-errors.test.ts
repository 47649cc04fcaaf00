import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Simulator } from '@rcs-records/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, lines, type RunResult, runBinary } from './support/binary.js'
import { frozenSimulator, tempDir, writeJson } from './support/simulator.js'

const CANARY = 'canary-9c1e7f3a5b2d-secret'

let sim: Simulator
let dir: string

beforeAll(async () => {
  ensureBuilt()
  sim = await frozenSimulator({ seed: 5, records: 20 })
  dir = tempDir()
}, 180_000)

afterAll(async () => {
  await sim?.close()
})

/** One line on stderr, no stack trace, no canary anywhere. */
const expectOneCleanLine = (result: RunResult, pattern: RegExp) => {
  const errorLines = lines(result.stderr)
  expect(errorLines).toHaveLength(1)
  expect(errorLines[0]).toMatch(pattern)
  expect(result.stderr).not.toMatch(/^\s+at /m)
  expect(result.stderr + result.stdout).not.toContain(CANARY)
}

describe('usage errors (exit 2)', () => {
  it.each([
    [['frobnicate'], /^rcs-records: unknown command "frobnicate"/],
    [['list', '--provider', 'bsg'], /^rcs-records: --from is required/],
    [['list', '--from', 'last tuesday'], /^rcs-records: --from expects an ISO-8601 time/],
    [['get', '1', '--bogus'], /^rcs-records: unknown option --bogus/],
    [['list', '--from', 'now-1d', '-f', 'xml'], /^rcs-records: --format expects one of table, json, ndjson, csv/],
  ])('%j', async (args, pattern) => {
    const result = await runBinary(args)
    expect(result.code).toBe(2)
    expectOneCleanLine(result, pattern)
    expect(result.stdout).toBe('')
  })

  it('--help and help <command> print usage on stdout and exit 0', async () => {
    const help = await runBinary(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Exit codes: 0 ok')
    const listHelp = await runBinary(['help', 'list'])
    expect(listHelp.stdout).toMatch(/^Usage: rcs-records list/)
  })
})

describe('config errors (exit 3), never a secret', () => {
  it('no provider at all', async () => {
    const result = await runBinary(['list', '--from', 'now-1d'])
    expect(result.code).toBe(3)
    expectOneCleanLine(result, /^rcs-records: no provider: pass --provider/)
  })

  it('a missing credential, named by the adapter codec', async () => {
    const result = await runBinary(['get', '1', '--provider', 'spacivox', '--base-url', sim.config.spacivox.baseUrl])
    expect(result.code).toBe(3)
    expectOneCleanLine(result, /^rcs-records: spacivox: invalid config: (?:.*\.)?token: missing/)
  })

  it('an invalid field next to a canary key: the field is named, the key is not shown', async () => {
    const result = await runBinary(['list', '-p', 'bsg', '--from', 'now-1d'], {
      env: { RCS_BSG_API_KEY: CANARY, RCS_BSG_BASE_URL: 'ftp://127.0.0.1/x' },
    })
    expect(result.code).toBe(3)
    expectOneCleanLine(result, /^rcs-records: bsg: invalid config: (?:.*\.)?baseUrl: expected an https URL/)
  })

  it('a config file that is not JSON: the position, never the content', async () => {
    const path = join(dir, 'broken.json')
    writeFileSync(path, `{"provider": "bsg", "apiKey": "${CANARY}",}`)
    const result = await runBinary(['list', '-c', path, '--from', 'now-1d'])
    expect(result.code).toBe(3)
    expectOneCleanLine(result, /^rcs-records: config file .*broken\.json is not valid JSON at line 1, column \d+$/)
  })

  it('a config file that does not exist', async () => {
    const result = await runBinary(['list', '-c', join(dir, 'nope.json'), '--from', 'now-1d'])
    expect(result.code).toBe(3)
    expectOneCleanLine(result, /^rcs-records: config file .*nope\.json does not exist$/)
  })

  it('an unknown provider package', async () => {
    const result = await runBinary(['list', '-p', '@acme/not-installed', '--from', 'now-1d'])
    expect(result.code).toBe(3)
    expectOneCleanLine(result, /^rcs-records: @acme\/not-installed: cannot (?:find|load) the adapter package/)
  })

  it('credentials the vendor refuses (canary key against the simulator): exit 3, key redacted', async () => {
    const path = writeJson(dir, 'wrong-key.json', {
      ...sim.config['partner-gateway'],
      provider: 'partner-gateway',
      apiKey: CANARY,
    })
    const result = await runBinary(['get-many', 'a', 'b', '-c', path])
    expect(result.code).toBe(3)
    expectOneCleanLine(result, /^rcs-records: partner-gateway: /)
  })

  it('plain http to a non-loopback host is refused before any request', async () => {
    const result = await runBinary(['get', '1', '-p', 'bsg', '--base-url', 'http://example.com'], {
      env: { RCS_BSG_API_KEY: CANARY },
    })
    expect(result.code).toBe(3)
    expectOneCleanLine(result, /^rcs-records: bsg: /)
  })
})

describe('vendor and transport errors (exit 5)', () => {
  it('nothing listening at the base URL', async () => {
    const path = writeJson(dir, 'closed-port.json', {
      provider: 'spacivox',
      token: CANARY,
      baseUrl: 'http://127.0.0.1:9/spacivox',
    })
    const result = await runBinary(['list', '-c', path, '--from', 'now-1h'], { timeoutMs: 60_000 })
    expect(result.code).toBe(5)
    // Each retry is announced on its own line first; the failure is still one line, and the last.
    const retries = lines(result.stderr).filter((line) =>
      /: retrying in .* \(attempt \d\/5\): network error$/.test(line),
    )
    expect(retries).toHaveLength(4)
    expectOneCleanLine(
      { ...result, stderr: result.stderr.replace(/^.*: retrying in .*\n/gm, '') },
      /^rcs-records: spacivox: /,
    )
  }, 70_000)
})

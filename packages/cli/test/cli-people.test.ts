import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import { join } from 'node:path'
import type { Simulator } from '@rcs-records/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfigText } from '../src/config/config-file.js'
import { BIN, ensureBuilt, lines, ROOT, runBinary } from './support/binary.js'
import { frozenSimulator, tempDir, writeJson } from './support/simulator.js'

// Errors a person can act on: the binary, each message checked word for word where it matters.

let sim: Simulator
let dir: string
let configPath: string

beforeAll(async () => {
  ensureBuilt()
  sim = await frozenSimulator({ seed: 41, records: 40 })
  dir = tempDir()
  configPath = writeJson(dir, 'sim.json', sim.config)
}, 180_000)

afterAll(async () => {
  await sim?.close()
})

const usage = async (args: string[], pattern: RegExp) => {
  const result = await runBinary(args)
  expect(result.code, result.stderr).toBe(2)
  expect(lines(result.stderr)).toEqual([expect.stringMatching(pattern)])
  return result
}

describe('typos get a suggestion', () => {
  it('a typo of a built-in provider: did you mean, the built-in names, never npm install', async () => {
    const result = await usage(
      ['list', '-c', configPath, '-p', 'bgs', '--from', 'now-1d'],
      /^rcs-records: unknown provider "bgs"; did you mean "bsg"\? The built-in providers are partner-gateway, bsg, spacivox/,
    )
    expect(result.stderr).not.toMatch(/npm install/)
  })

  it('an adapter package that is not installed: config error, no npm install advice', async () => {
    const result = await runBinary(['list', '-p', 'acme-rcs-adapter', '--from', 'now-1d'])
    expect(result.code).toBe(3)
    expect(result.stderr).toMatch(/not one of the built-in providers \(partner-gateway, bsg, spacivox\)/)
    expect(result.stderr).not.toMatch(/npm install/)
  })

  it('an unknown option suggests the closest one', async () => {
    await usage(['list', '--frm', 'now-1d'], /^rcs-records: unknown option --frm; did you mean --from\?/)
  })

  it('an unknown command suggests the closest one', async () => {
    await usage(['lsit', '--from', 'now-1d'], /^rcs-records: unknown command "lsit"; did you mean "list"\?/)
  })

  it('--top -3 is a number out of range, not an "ambiguous" argument', async () => {
    await usage(
      ['report', '-p', 'bsg', '--from', 'now-1d', '--top', '-3'],
      /^rcs-records: --top expects a whole number from 1 to 1000, got "-3"/,
    )
  })

  it('an option without its value says so', async () => {
    await usage(['list', '--from'], /^rcs-records: --from needs a value/)
  })
})

describe('errors speak in flags', () => {
  it('get abc on BSG (its ids are integers) is a usage error, exit 2', async () => {
    await usage(
      ['get', 'abc', '-c', configPath, '-p', 'bsg'],
      /^rcs-records: bsg: no message "abc": BSG message ids are integers/,
    )
  })

  it("get of an unknown BSG id advises --from, not the library's { from }", async () => {
    const result = await runBinary(['get', '987654321', '-c', configPath, '-p', 'bsg'])
    expect(result.code).toBe(4)
    expect(result.stderr).toMatch(/pass --from to search further back/)
    expect(result.stderr).not.toMatch(/\{ from \}/)
  })

  it('get on spacivox advises the list command, not list()', async () => {
    const result = await runBinary(['get', '1', '-c', configPath, '-p', 'spacivox'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/use rcs-records list --from … --to …/)
    expect(result.stderr).not.toMatch(/list\(/)
  })

  it('plain http to another host advises --allow-insecure-http, and the flag lets the request go', async () => {
    const refused = await runBinary(['get', '1', '-p', 'bsg', '--base-url', 'http://example.invalid'], {
      env: { RCS_BSG_API_KEY: 'key-0c3b5e7a' },
    })
    expect(refused.code).toBe(3)
    expect(refused.stderr).toMatch(/pass --allow-insecure-http/)
    expect(refused.stderr).not.toMatch(/http\.allowInsecureHttp/)
    const allowed = await runBinary(
      ['get', '1', '-p', 'bsg', '--base-url', 'http://example.invalid', '--allow-insecure-http', '--retries', '0'],
      { env: { RCS_BSG_API_KEY: 'key-0c3b5e7a' }, timeoutMs: 60_000 },
    )
    expect(allowed.stderr).not.toMatch(/refusing to send credentials/)
    expect(allowed.code).toBe(5)
  }, 70_000)

  it('the config file http section is read and checked by field', async () => {
    const bad = writeJson(dir, 'bad-http.json', { ...sim.config, http: { timeoutMs: 'soon' } })
    const result = await runBinary(['list', '-c', bad, '-p', 'bsg', '--from', 'now-1d'])
    expect(result.code).toBe(3)
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/bad-http\.json: http\.timeoutMs: expected a number/)])
  })
})

describe('--out', () => {
  it('ends with one summary line on stderr: records written, file, time', async () => {
    const { from, to, count } = sim.truth.window('bsg')
    const out = join(dir, 'window.ndjson')
    const result = await runBinary(['list', '-c', configPath, '-p', 'bsg', '--from', from, '--to', to, '--out', out])
    expect(result.code).toBe(0)
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(new RegExp(`^rcs-records: wrote ${count} records to .*window\\.ndjson in \\d+\\.\\d s$`)),
    ])
    expect(lines(readFileSync(out, 'utf8'))).toHaveLength(count)
  })
})

describe('simulate', () => {
  it('a port in use is a usage error naming the port', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as AddressInfo
    try {
      await usage(['simulate', '--port', String(port)], new RegExp(`^rcs-records: port ${port} is in use`))
    } finally {
      blocker.close()
    }
  })

  it('rcs-records-simulator prints the shape rcs-records simulate prints and --config reads', async () => {
    const read = (command: string[]) =>
      new Promise<string>((resolve, reject) => {
        const proc = spawn(process.execPath, command, { cwd: ROOT })
        let out = ''
        proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk
          try {
            JSON.parse(out)
            proc.kill('SIGINT')
            resolve(out)
          } catch {}
        })
        proc.on('error', reject)
      })
    const ours = await read([BIN, 'simulate', '--port', '0', '--records', '5'])
    const theirs = await read([`${ROOT}/packages/simulator/dist/bin.js`, '--port', '0', '--records', '5'])
    const keys = (text: string) => Object.keys(JSON.parse(text) as object).sort()
    expect(keys(theirs)).toEqual(keys(ours))
    const parsed = parseConfigText(theirs, 'sim.json')
    expect(Object.keys(parsed.providers).sort()).toEqual(['bsg', 'partner-gateway', 'spacivox'])
  })
})

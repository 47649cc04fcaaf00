import type { Simulator } from '@rcs-records/simulator'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt } from './support/binary.js'
import { type HostileServer, json, startHostileServer } from './support/hostile-server.js'
import { frozenSimulator, tempDir, writeJson } from './support/simulator.js'
import { closeTerminals, openTerminal, type Terminal } from './support/tmux.js'

// What only a terminal shows: the binary on a real pseudo-terminal (tmux), its screen read back.

let sim: Simulator
let dir: string
let configPath: string
let terminal: Terminal | undefined
let server: HostileServer | undefined

beforeAll(async () => {
  ensureBuilt()
  sim = await frozenSimulator({ seed: 17, records: 1_500 })
  dir = tempDir()
  configPath = writeJson(dir, 'sim.json', sim.config)
}, 180_000)

afterEach(async () => {
  terminal?.close()
  terminal = undefined
  await server?.close()
  server = undefined
})

afterAll(async () => {
  closeTerminals()
  await sim?.close()
})

describe('on a terminal', () => {
  it('watch colours its lines with real escape codes, not their text', async () => {
    const id = sim.truth.ids('bsg').find((candidate) => sim.truth.record('bsg', candidate)?.status === 'delivered')
    terminal = openTerminal(['watch', id ?? '', '-c', configPath, '-p', 'bsg'])
    expect(await terminal.waitForExit()).toBe(0)
    const plain = terminal.capture()
    expect(plain).toMatch(new RegExp(`\\d\\d:\\d\\d:\\d\\d  bsg ${id}  delivered  final`))
    expect(plain).not.toMatch(/\[\d+m/)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the colour codes are the point
    expect(terminal.capture({ escapes: true })).toMatch(/\u001b\[32mdelivered/)
  }, 70_000)

  it('list draws a table row by row, stops at 1,000 rows and says how to get every record', async () => {
    const { from, to } = sim.truth.window('spacivox')
    terminal = openTerminal(['list', '-c', configPath, '-p', 'spacivox', '--from', from, '--to', to], { width: 110 })
    expect(await terminal.waitForExit()).toBe(0)
    const screen = terminal.capture()
    const rows = screen.split('\n').filter((line) => line.startsWith('│ spacivox '))
    expect(rows).toHaveLength(1_000)
    expect(screen).toMatch(/the first 1,000 records; the window holds more/)
    expect(screen).toMatch(/for every record of the window use --format ndjson --out records\.ndjson/)
    const widths = new Set(
      screen
        .split('\n')
        .filter((line) => /^[│┌├└]/.test(line))
        .map((line) => [...line].length),
    )
    expect([...widths].every((width) => width <= 110)).toBe(true)
    expect(widths.size).toBe(1)
  }, 90_000)

  it('a vendor that keeps the command waiting gets a waiting indicator on stderr', async () => {
    server = await startHostileServer(() => {})
    const config = writeJson(dir, 'hung.json', { provider: 'partner-gateway', apiKey: 'k-5e8a1c', baseUrl: server.url })
    terminal = openTerminal(['get-many', 'm-1', '-c', config, '--request-timeout', '20s', '--retries', '0'])
    await terminal.waitFor((screen) => /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] waiting for the vendor \d+\.\d s/.test(screen), 30_000)
  }, 60_000)

  it('retries show on stderr as they happen', async () => {
    server = await startHostileServer((_request, response) => json(response, 503, { error: 'busy' }))
    const config = writeJson(dir, 'busy.json', { provider: 'partner-gateway', apiKey: 'k-5e8a1c', baseUrl: server.url })
    terminal = openTerminal(['get-many', 'm-1', '-c', config, '--retries', '2'])
    expect(await terminal.waitForExit()).toBe(5)
    const screen = terminal.capture()
    expect(screen).toMatch(/retrying in [\d.]+ m?s \(attempt 2\/3\): 503/)
    expect(screen).toMatch(/retrying in [\d.]+ m?s \(attempt 3\/3\): 503/)
  }, 60_000)

  it("a vendor's error text cannot retitle or clear the terminal", async () => {
    server = await startHostileServer((_request, response) =>
      json(response, 400, { message: 'bad \u001b]0;pwned\u0007 request \u001b[2J\u001b[H gone' }),
    )
    const config = writeJson(dir, 'evil.json', { provider: 'partner-gateway', apiKey: 'k-5e8a1c', baseUrl: server.url })
    terminal = openTerminal(['get-many', 'm-1', '-c', config])
    const code = await terminal.waitForExit()
    expect(code).not.toBe(0)
    expect(terminal.title()).not.toContain('pwned')
    expect(terminal.capture()).toMatch(/^rcs-records: /m)
  }, 60_000)
})

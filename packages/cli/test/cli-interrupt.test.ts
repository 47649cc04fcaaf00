import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Simulator } from '@rcs-records/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, lines, spawnBinary } from './support/binary.js'
import { frozenSimulator, tempDir, writeJson } from './support/simulator.js'

let sim: Simulator
let dir: string
let configPath: string

beforeAll(async () => {
  ensureBuilt()
  // Many small, slow pages: a list that is still running when the test presses Ctrl-C.
  sim = await frozenSimulator({
    seed: 3,
    records: { bsg: 20_000, 'partner-gateway': 10, spacivox: 10 },
    faults: { bsg: [{ kind: 'latency', routes: ['messages'], delayMs: 40 }] },
  })
  dir = tempDir()
  configPath = writeJson(dir, 'sim.json', sim.config)
}, 180_000)

afterAll(async () => {
  await sim?.close()
})

const waitFor = async (check: () => boolean, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const lineCount = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0)

const interruptedList = async (format: string, file: string) => {
  const { from, to } = sim.truth.window('bsg')
  const out = join(dir, file)
  const child = spawnBinary([
    'list',
    '-c',
    configPath,
    '-p',
    'bsg',
    '--from',
    from,
    '--to',
    to,
    '--page-size',
    '15',
    '-f',
    format,
    '--out',
    out,
  ])
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  child.stdin.end()
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
  await waitFor(() => lineCount(out) >= 40)
  child.kill('SIGINT')
  const code = await closed
  return { code, stderr, text: readFileSync(out, 'utf8'), total: sim.truth.count('bsg', { from, to }) }
}

describe('Ctrl-C during a long list', () => {
  it('ndjson: exit 130, every line of the partial file is a whole JSON record', async () => {
    const { code, stderr, text, total } = await interruptedList('ndjson', 'partial.ndjson')
    expect(code).toBe(130)
    expect(text.endsWith('\n')).toBe(true)
    const records = lines(text).map((line) => JSON.parse(line) as { id: string; provider: string })
    expect(records.length).toBeGreaterThanOrEqual(40)
    expect(records.length).toBeLessThan(total)
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length)
    expect(lines(stderr)).toEqual([`rcs-records: interrupted after ${records.length.toLocaleString('en-US')} records`])
  })

  it('csv: exit 130, a header and whole rows', async () => {
    const { code, text } = await interruptedList('csv', 'partial.csv')
    expect(code).toBe(130)
    const [header, ...rows] = lines(text)
    expect(header?.startsWith('provider,id,')).toBe(true)
    const columns = header?.split(',').length
    for (const row of rows) expect(row.split(',').length).toBe(columns)
  })

  it('json: exit 130, and the array is closed so the file parses', async () => {
    const { code, text } = await interruptedList('json', 'partial.json')
    expect(code).toBe(130)
    const records = JSON.parse(text) as unknown[]
    expect(records.length).toBeGreaterThan(30)
  })
})

describe('a reader that goes away (EPIPE)', () => {
  it('stops quietly when stdout is closed early, like `| head -1`', async () => {
    const { from, to } = sim.truth.window('bsg')
    const child = spawnBinary(['list', '-c', configPath, '-p', 'bsg', '--from', from, '--to', to, '--page-size', '15'])
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.stdin.end()
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
    const first = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())),
    )
    child.stdout.destroy()
    const code = await closed
    expect(JSON.parse(first.split('\n')[0] ?? '')).toHaveProperty('provider', 'bsg')
    expect(code).toBe(0)
    expect(stderr).toBe('')
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Simulator } from '@rcs-records/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CSV_COLUMNS } from '../src/output/record-columns.js'
import { ensureBuilt, lines, runBinary } from './support/binary.js'
import { frozenSimulator, tempDir, writeJson } from './support/simulator.js'

type Vendor = 'partner-gateway' | 'bsg' | 'spacivox'
const VENDORS: readonly Vendor[] = ['partner-gateway', 'bsg', 'spacivox']

let sim: Simulator
let dir: string
let configPath: string

/** The records a correct list of `vendor` returns: partner-gateway lists its default channel (rcs). */
const expectedOf = (vendor: Vendor) => {
  const window = sim.truth.window(vendor)
  return sim.truth.expected(vendor, {
    from: window.from,
    to: window.to,
    ...(vendor === 'partner-gateway' ? { channel: 'rcs' as const } : {}),
  })
}

const listArgs = (vendor: Vendor, ...more: string[]) => {
  const window = sim.truth.window(vendor)
  return ['list', '--config', configPath, '--provider', vendor, '--from', window.from, '--to', window.to, ...more]
}

/** Minimal RFC 4180 reader of a whole document. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 1
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(cell)
      cell = ''
    } else if (char === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += char
  }
  return rows
}

beforeAll(async () => {
  ensureBuilt()
  sim = await frozenSimulator()
  dir = tempDir()
  configPath = writeJson(dir, 'sim.json', sim.config)
}, 180_000)

afterAll(async () => {
  await sim?.close()
})

describe('rcs-records list (the real binary against the simulator)', () => {
  it.each(VENDORS)(
    '%s: ndjson (the default when piped) has every record once, with the true status',
    async (vendor) => {
      const result = await runBinary(listArgs(vendor))
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      const records = lines(result.stdout).map(
        (line) => JSON.parse(line) as { id: string; status: string; provider: string },
      )
      const expected = expectedOf(vendor)
      expect(records.length).toBe(expected.size)
      expect(new Map(records.map((r) => [r.id, r.status]))).toEqual(expected)
      expect(records.every((r) => r.provider === vendor)).toBe(true)
      expect(records[0]).not.toHaveProperty('raw')
    },
  )

  it('json: one array with every record, raw payloads with --raw', async () => {
    const result = await runBinary(listArgs('bsg', '--format', 'json', '--raw'))
    expect(result.code).toBe(0)
    const records = JSON.parse(result.stdout) as { id: string; status: string; raw: { id: number } }[]
    expect(new Map(records.map((r) => [r.id, r.status]))).toEqual(expectedOf('bsg'))
    expect(records.every((r) => String(r.raw.id) === r.id)).toBe(true)
  })

  it('csv: the documented header and one row per record', async () => {
    const result = await runBinary(listArgs('spacivox', '--format', 'csv'))
    expect(result.code).toBe(0)
    const [header, ...rows] = parseCsv(result.stdout)
    expect(header).toEqual(CSV_COLUMNS.map((column) => column.name))
    const idColumn = header?.indexOf('id') ?? -1
    const statusColumn = header?.indexOf('status') ?? -1
    expect(new Map(rows.map((row) => [row[idColumn], row[statusColumn]]))).toEqual(expectedOf('spacivox'))
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true)
  })

  it('table: plain text (no colour when piped) that fits COLUMNS, with a count footer', async () => {
    const result = await runBinary(listArgs('partner-gateway', '--format', 'table'), { env: { COLUMNS: '100' } })
    expect(result.code).toBe(0)
    expect(result.stdout).not.toContain('\u001b[')
    const out = lines(result.stdout)
    for (const line of out) expect([...line].length).toBeLessThanOrEqual(100)
    const expected = expectedOf('partner-gateway')
    expect(out.at(-1)).toBe(`${expected.size} records`)
    const someId = [...expected.keys()][0] ?? ''
    expect(result.stdout).toContain(someId.length > 20 ? someId.slice(0, 10) : someId)
  })

  it('--out writes the file in the format its extension names and nothing to stdout', async () => {
    const out = join(dir, 'records.csv')
    const result = await runBinary(listArgs('spacivox', '--out', out))
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'))
    expect(header?.[0]).toBe('provider')
    expect(rows.length).toBe(expectedOf('spacivox').size)
  })

  it('filters by status, and lists several providers at once with --provider all', async () => {
    const delivered = await runBinary(listArgs('bsg', '--status', 'delivered,read'))
    const statuses = new Set(lines(delivered.stdout).map((line) => (JSON.parse(line) as { status: string }).status))
    expect([...statuses].sort()).toEqual(['delivered', 'read'])
    const window = sim.truth.window('bsg')
    const all = await runBinary(['list', '-c', configPath, '-p', 'all', '--from', window.from, '--to', window.to])
    expect(all.code).toBe(0)
    const providers = new Set(lines(all.stdout).map((line) => (JSON.parse(line) as { provider: string }).provider))
    expect([...providers].sort()).toEqual(['bsg', 'partner-gateway', 'spacivox'])
  })

  it('takes the key from the environment, the rest from the file, and --base-url over both (flags > file > env)', async () => {
    const window = sim.truth.window('bsg')
    const file = writeJson(dir, 'bsg-no-key.json', {
      provider: 'bsg',
      timeZone: sim.config.bsg.timeZone,
      baseUrl: 'http://127.0.0.1:9/file-loses-to-flag',
    })
    const result = await runBinary(
      ['list', '-c', file, '--base-url', sim.config.bsg.baseUrl, '--from', window.from, '--to', window.to],
      { env: { RCS_BSG_API_KEY: sim.config.bsg.apiKey, RCS_BSG_BASE_URL: 'http://127.0.0.1:9/env-loses-to-file' } },
    )
    expect(result.stderr).toBe('')
    expect(
      new Map(
        lines(result.stdout).map((line) => {
          const record = JSON.parse(line) as { id: string; status: string }
          return [record.id, record.status]
        }),
      ),
    ).toEqual(expectedOf('bsg'))
  })
})

import type { Simulator } from '@rcs-records/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, lines, runBinary, spawnBinary } from './support/binary.js'
import { frozenSimulator, tempDir, writeJson } from './support/simulator.js'

let sim: Simulator
let configPath: string

interface JsonRecord {
  id: string
  status: string
  final: boolean
  provider: string
}

beforeAll(async () => {
  ensureBuilt()
  sim = await frozenSimulator({ seed: 23 })
  configPath = writeJson(tempDir(), 'sim.json', sim.config)
}, 180_000)

afterAll(async () => {
  await sim?.close()
})

const bsgIds = () => sim.truth.ids('bsg')
const withConfig = (provider: string, ...args: string[]) => [...args, '--config', configPath, '--provider', provider]

describe('rcs-records get / get-many', () => {
  it('get prints one record as a JSON object with the true status', async () => {
    const id = bsgIds()[7] ?? ''
    const result = await runBinary(withConfig('bsg', 'get', id, '--format', 'json'))
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const record = JSON.parse(result.stdout) as JsonRecord
    expect(record.id).toBe(id)
    expect(record.status).toBe(sim.truth.record('bsg', id)?.status)
  })

  it('get on partner-gateway (scoped to the rcs channel) as a field/value table', async () => {
    const [id] = sim.truth.ids('partner-gateway', { channel: 'rcs' })
    const result = await runBinary(withConfig('partner-gateway', 'get', id ?? '', '--format', 'table'))
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(id)
    expect(result.stdout).toMatch(/│ status\s+│ \w+/)
    expect(result.stdout).toContain(sim.truth.record('partner-gateway', id ?? '')?.status)
  })

  it('get of an unknown id is exit 4 with one line', async () => {
    const result = await runBinary(withConfig('bsg', 'get', '987654321'))
    expect(result.code).toBe(4)
    expect(lines(result.stderr)).toHaveLength(1)
    expect(result.stderr).toMatch(/^rcs-records: .*987654321/)
    expect(result.stdout).toBe('')
  })

  it('get on spacivox (no id lookup) is a usage error, exit 2', async () => {
    const result = await runBinary(withConfig('spacivox', 'get', '1'))
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^rcs-records: spacivox: get is not supported/)])
  })

  it('get-many writes the records found and names the missing ids (exit 4)', async () => {
    const ids = bsgIds().slice(0, 3)
    const result = await runBinary(withConfig('bsg', 'get-many', ...ids, '111111111', '--format', 'ndjson'))
    expect(result.code).toBe(4)
    const records = lines(result.stdout).map((line) => JSON.parse(line) as JsonRecord)
    expect(records.map((r) => r.id)).toEqual(ids)
    for (const record of records) expect(record.status).toBe(sim.truth.record('bsg', record.id)?.status)
    expect(lines(result.stderr)).toEqual(['rcs-records: bsg: 1 of 4 ids not found: 111111111'])
  })

  it('get-many - reads the ids from stdin', async () => {
    const ids = bsgIds().slice(10, 14)
    const result = await runBinary(withConfig('bsg', 'get-many', '-', '--format', 'csv'), {
      stdin: `# ids to check\n${ids.join('\n')}\n${ids[0]}\n`,
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const rows = lines(result.stdout)
    expect(rows[0]?.startsWith('provider,id,')).toBe(true)
    expect(rows.slice(1).map((row) => row.split(',')[1])).toEqual(ids)
  })
})

describe('rcs-records watch', () => {
  it('polls until every message is final (the simulator clock moves on), then exits 0', async () => {
    const later = sim.clock.now() + 30 * 86_400_000
    const final = ['delivered', 'read', 'rejected', 'undeliverable', 'expired', 'canceled']
    const id = bsgIds().find((candidate) => {
      const now = sim.truth.record('bsg', candidate)?.status ?? 'unknown'
      const then = sim.truth.record('bsg', candidate, later)?.status ?? 'unknown'
      return (now === 'sent' || now === 'pending') && final.includes(then)
    })
    expect(id).toBeDefined()
    const child = spawnBinary(
      withConfig('bsg', 'watch', id ?? '', '--interval', '200ms', '--timeout', '20s', '-f', 'ndjson'),
    )
    let stdout = ''
    let advanced = false
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      if (!advanced && stdout.includes('\n')) {
        advanced = true
        sim.clock.advance(30 * 86_400_000)
      }
    })
    child.stdin.end()
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    const records = lines(stdout).map((line) => JSON.parse(line) as JsonRecord)
    expect(code).toBe(0)
    expect(records[0]?.final).toBe(false)
    expect(records.at(-1)?.final).toBe(true)
    expect(records.at(-1)?.status).toBe(sim.truth.record('bsg', id ?? '')?.status)
  })

  // The timeout is a few seconds so that even a loaded machine answers the first poll within it (the deadline now
  // cuts a poll in flight: a watch whose vendor never answered in time says so and exits 6, see cli-hostile).
  it('exits 6 when --timeout passes before a message is final, 4 when an id was never found', async () => {
    const pending = bsgIds().find((candidate) => {
      const status = sim.truth.record('bsg', candidate)?.status
      return status === 'sent' || status === 'pending'
    })
    const timedOut = await runBinary(
      withConfig('bsg', 'watch', pending ?? '', '--interval', '100ms', '--timeout', '6s', '-f', 'table'),
      { timeoutMs: 60_000 },
    )
    expect(timedOut.code).toBe(6)
    expect(lines(timedOut.stderr)).toEqual([`rcs-records: bsg: timed out; not final yet: ${pending}`])
    expect(timedOut.stdout).toMatch(new RegExp(`bsg ${pending}  (sent|pending)`))
    const unknown = await runBinary(withConfig('bsg', 'watch', '222222222', '--interval', '100ms', '--timeout', '6s'), {
      timeoutMs: 60_000,
    })
    expect(unknown.code).toBe(4)
    expect(lines(unknown.stderr)).toEqual(['rcs-records: bsg: never found: 222222222'])
  }, 70_000)
})

describe('rcs-records report', () => {
  const window = () => sim.truth.window('spacivox')

  it('json: the funnel counts equal the ground truth', async () => {
    const { from, to } = window()
    const result = await runBinary(withConfig('spacivox', 'report', '--from', from, '--to', to, '--format', 'json'))
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as {
      overall: { total: number; statuses: Record<string, number>; stages: { delivered: number } }
      providers: { label: string }[]
      campaigns: { total: number }[]
    }
    const truth = [...sim.truth.expected('spacivox', { from, to }).values()]
    const count = (status: string) => truth.filter((s) => s === status).length
    expect(report.overall.total).toBe(truth.length)
    for (const status of ['sent', 'delivered', 'read', 'rejected', 'undeliverable', 'unknown']) {
      expect(report.overall.statuses[status]).toBe(count(status))
    }
    expect(report.overall.stages.delivered).toBe(count('delivered') + count('read'))
    expect(report.providers.map((p) => p.label)).toEqual(['spacivox'])
    expect(report.campaigns.reduce((sum, c) => sum + c.total, 0)).toBe(truth.length)
  })

  it('table: the funnel with bars; csv and ndjson: one row per funnel', async () => {
    const { from, to } = window()
    const table = await runBinary(withConfig('spacivox', 'report', '--from', from, '--to', to, '-f', 'table'))
    expect(table.code).toBe(0)
    expect(table.stdout).toContain('Delivery funnel')
    expect(table.stdout).toMatch(/ {2}delivered +█+[▏▎▍▌▋▊▉]? +\d+ +\d+\.\d%/)
    expect(table.stdout).toContain('Per campaign')
    const csv = await runBinary(withConfig('spacivox', 'report', '--from', from, '--to', to, '-f', 'csv'))
    expect(lines(csv.stdout)[0]).toMatch(/^group,label,provider,campaign,from,to,total,pending,sent,/)
    expect(lines(csv.stdout)[1]).toMatch(/^overall,all,,,/)
    const ndjson = await runBinary(withConfig('spacivox', 'report', '--from', from, '--to', to))
    const groups = lines(ndjson.stdout).map((line) => (JSON.parse(line) as { group: string }).group)
    expect(groups.slice(0, 2)).toEqual(['overall', 'provider'])
  })

  it('--provider all reports every provider of the config file', async () => {
    const { from, to } = sim.truth.window('bsg')
    const result = await runBinary(['report', '-c', configPath, '-p', 'all', '--from', from, '--to', to, '-f', 'json'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as { providers: { label: string; total: number }[] }
    expect(report.providers.map((p) => p.label)).toEqual(['bsg', 'partner-gateway', 'spacivox'])
    expect(report.providers.find((p) => p.label === 'bsg')?.total).toBe(sim.truth.count('bsg', { from, to }))
  })
})

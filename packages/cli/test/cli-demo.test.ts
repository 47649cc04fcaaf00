import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, lines, runBinary, spawnBinary } from './support/binary.js'
import { tempDir, writeJson } from './support/simulator.js'

beforeAll(() => ensureBuilt(), 180_000)

describe('rcs-records demo', () => {
  // The demo syncs into a new embedded PGlite store: its initdb takes seconds, many more on a loaded machine.
  it('syncs all three providers into a PGlite store in a temporary directory, reads records, totals and the funnel back from it, removes it, and exits 0', async () => {
    const tmp = tempDir()
    const result = await runBinary(['demo', '--rows', '5'], { timeoutMs: 240_000, env: { TMPDIR: tmp } })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const out = result.stdout
    expect(out).not.toContain('\u001b[')
    expect(out).toMatch(/synced\s+into\s+an\s+embedded\s+PostgreSQL\s+store\s+\(PGlite\)\s+in\s+\S*rcs-records-demo-/)
    for (const provider of ['partner-gateway', 'bsg', 'spacivox']) {
      // As many records stored as listed: the sync lost and duplicated nothing.
      const counts = new RegExp(
        `^${provider} — (\\d+) records listed into the store \\((\\d+) stored\\), 5 shown`,
        'm',
      ).exec(out)
      expect(counts?.[1]).toBeDefined()
      expect(counts?.[2]).toBe(counts?.[1])
      expect(out).toMatch(new RegExp(`^│ ${provider} +│`, 'm'))
    }
    // The store's directory is gone.
    expect(readdirSync(tmp)).toEqual([])
    expect(out).toContain('Totals (from the store)')
    expect(out).toMatch(/^│ total +│ +\d+ │/m)
    expect(out).toContain('Delivery funnel')
    expect(out).toMatch(/^ {2}delivered +█/m)
    for (const line of lines(out)) expect([...line].length).toBeLessThanOrEqual(120)
  }, 250_000)

  it('its totals and its funnel count delivered the same way, read is n/a for partner-gateway, no empty columns', async () => {
    const result = await runBinary(['demo', '--rows', '6'], { timeoutMs: 240_000 })
    expect(result.code).toBe(0)
    const out = result.stdout
    const total = /^│ total +│ +([\d,]+) │ +([\d,]+) │ +([\d,]+) │/m.exec(out)
    const funnelDelivered = /^All providers — [\d,]+ records\n(?:.*\n)? {2}delivered +[█▏▎▍▌▋▊▉ ]+ +([\d,]+) /m.exec(
      out,
    )
    expect(total?.[3]).toBeDefined()
    expect(total?.[3]).toBe(funnelDelivered?.[1])
    expect(out).toMatch(/^│ partner-gateway +│ +[\d,]+ │ +[\d,]+ │ +[\d,]+ │ n\/a \(webhooks only\) │/m)
    expect(out).toMatch(/^partner-gateway — [\d,]+ records\n(?:.*\n){2} {2}read +n\/a +n\/a \(webhooks only\)/m)
    // Every column of every sample table has a value in some row.
    for (const table of out.split(/\n(?=\S+ — \d+ records listed)/).slice(1)) {
      const rows = lines(table.split('\n\n')[0] ?? '').filter((line) => line.startsWith('│'))
      const cells = rows.map((line) =>
        line
          .slice(1, -1)
          .split('│')
          .map((cell) => cell.trim()),
      )
      const [header, ...body] = cells
      header?.forEach((name, column) => {
        expect(
          body.some((row) => (row[column] ?? '') !== ''),
          name,
        ).toBe(true)
      })
    }
  }, 250_000)
})

describe('rcs-records simulate', () => {
  let child: ReturnType<typeof spawnBinary> | undefined

  afterAll(() => {
    child?.kill('SIGKILL')
  })

  it('prints a config file for the three providers that the other commands accept, and stops on Ctrl-C with 0', async () => {
    child = spawnBinary(['simulate', '--port', '0', '--records', '50', '--seed', '9'])
    child.stdin.end()
    let stdout = ''
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    const config = await new Promise<Record<string, { baseUrl: string }>>((resolve, reject) => {
      child?.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk
        try {
          resolve(JSON.parse(stdout) as Record<string, { baseUrl: string }>)
        } catch {
          // not complete yet
        }
      })
      child?.on('close', () => reject(new Error(`simulate ended: ${stderr}`)))
    })
    expect(Object.keys(config).sort()).toEqual(['bsg', 'partner-gateway', 'spacivox'])
    const path = writeJson(tempDir(), 'sim.json', config)
    const listed = await runBinary(['list', '-c', path, '-p', 'spacivox', '--from', 'now-8d'])
    expect(listed.code).toBe(0)
    expect(lines(listed.stdout)).toHaveLength(50)
    const closed = new Promise<number | null>((resolve) => child?.on('close', resolve))
    child.kill('SIGINT')
    expect(await closed).toBe(0)
    expect(stderr).toContain('listening on http://127.0.0.1:')
  }, 60_000)
})

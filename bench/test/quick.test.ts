import { execFile, execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))))
const runScript = join(root, 'bench', 'dist', 'run.js')
const VENDORS = ['partner-gateway', 'bsg', 'spacivox']
const EXPECTED_ROWS = [
  ...VENDORS.map((vendor) => `normalise ${vendor}`),
  ...VENDORS.map((vendor) => `sync ${vendor}`),
  'getMany partner-gateway',
  ...VENDORS.map((vendor) => `latency ${vendor}`),
  ...VENDORS.map((vendor) => `memory ${vendor}`),
  // --quick: scaling at 1k / 3k / 10k records per vendor (see run.ts).
  ...VENDORS.flatMap((vendor) => ['1k', '3k', '10k'].map((size) => `scaling ${vendor} ${size}`)),
  // --quick: one mode per provider (see run.ts), the modes in CLI_MODES order.
  'cli partner-gateway list --out .ndjson',
  'cli bsg list piped csv',
  'cli spacivox report',
  ...VENDORS.map((vendor) => `footprint core+${vendor}`),
  'store apply PGlite',
  'store sync bsg PGlite',
  'webhooks PGlite',
]

/** The rows of the table `run.js` prints: `| benchmark | measured | target | met | detail |`, header excluded. */
const tableRows = (stdout: string): Map<string, string[]> => {
  const rows = new Map<string, string[]>()
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('| ')) continue
    const cells = line
      .slice(1, -1)
      .split(' | ')
      .map((cell) => cell.trim())
    const name = cells[0] ?? ''
    if (name !== 'benchmark' && !/^-+$/.test(name)) rows.set(name, cells)
  }
  return rows
}

describe('pnpm bench -- --quick', () => {
  beforeAll(() => {
    if (!existsSync(runScript)) execFileSync('npx', ['tsc', '-b', 'bench'], { cwd: root, stdio: 'ignore' })
  }, 120_000)

  it('runs every benchmark and prints one row per benchmark with a measurement and a target', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', runScript, '--quick'], {
      cwd: root,
      timeout: 240_000,
      maxBuffer: 16 * 1024 * 1024,
    })
    const rows = tableRows(stdout)
    expect([...rows.keys()].sort()).toEqual([...EXPECTED_ROWS].sort())
    for (const [name, cells] of rows) {
      expect(cells, name).toHaveLength(5)
      expect(cells[1], name).toMatch(/^\d[\d,.]*(×| MB| KB gz| ms)$/)
      expect(cells[2], name).not.toBe('')
      expect(['yes', 'NO', '—'], name).toContain(cells[3])
    }
    expect(stdout).toMatch(/bench finished in [\d.]+ s/)
  }, 250_000)
})

import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCheckpoint, saveCheckpoint } from '../src/file-checkpoint.js'
import { main } from '../src/main.js'

describe('incremental sync with a checkpoint', () => {
  it('a full first run, then incremental runs that fetch only what changed; the store ends equal to the ground truth', async () => {
    const printed: string[] = []
    const { runs, store, truth } = await main({ print: (line) => printed.push(line), hours: 4 })
    expect(runs.map((run) => run.mode)).toEqual(['full', 'incremental', 'incremental', 'incremental', 'incremental'])
    const [first, ...later] = runs
    expect(first?.seen).toBe(first?.changed.length)
    for (const run of later) {
      expect(run.seen).toBeLessThan(first?.seen ?? 0)
      expect(run.changed.length).toBeLessThanOrEqual(run.seen)
    }
    expect(later.some((run) => run.changed.length > 0)).toBe(true)
    expect(new Map([...store.records].map(([id, record]) => [id, record.status]))).toEqual(truth)
    expect(printed).toHaveLength(5)
  })

  it('keeps the checkpoint in a file, written whole', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rcs-cp-')), 'cp.json')
    expect(await loadCheckpoint(path)).toBeNull()
    await saveCheckpoint(path, { syncedAt: '2026-01-02T03:04:05.000Z' })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ syncedAt: '2026-01-02T03:04:05.000Z' })
    expect(await loadCheckpoint(path)).toEqual({ syncedAt: '2026-01-02T03:04:05.000Z' })
  })
})

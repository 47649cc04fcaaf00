import { describe, expect, it } from 'vitest'
import { main } from '../src/main.js'

describe('incremental sync into the store', () => {
  it('a full first run, then hourly runs that list only what is new and refresh what changed; the store ends equal to the ground truth', async () => {
    const printed: string[] = []
    const { runs, stored, truth } = await main({ print: (line) => printed.push(line), hours: 4 })
    const [first, ...later] = runs
    expect(first?.applied.inserted).toBe(truth.size)
    expect(first?.listed).toBe(truth.size)
    for (const run of later) {
      // Only the last five minutes before the previous run are listed again…
      expect(run.listed).toBeLessThan((first?.listed ?? 0) / 10)
      expect(run.applied.inserted).toBe(0)
      // …and the records not final yet are refreshed by what changed since the previous run.
      expect(run.refresh.mode).toBe('modifiedSince')
      expect(run.refresh.listed).toBeLessThan(first?.listed ?? 0)
    }
    expect(later.some((run) => run.refresh.applied.changed > 0)).toBe(true)
    expect(stored).toEqual(truth)
    expect(printed).toHaveLength(5)
  }, 300_000)
})

import { describe, expect, it } from 'vitest'
import { main } from '../src/main.js'

describe('watch until final, on the simulator clock', () => {
  it('follows in-flight messages until every one is final, each status only moving forward', async () => {
    const printed: string[] = []
    const outcome = await main({ print: (line) => printed.push(line), count: 5 })
    expect(outcome.ids).toHaveLength(5)
    expect(outcome.pending).toEqual([])
    for (const id of outcome.ids) {
      const history = outcome.changes.filter((record) => record.id === id)
      expect(['pending', 'sent']).toContain(history[0]?.status)
      expect(history.at(-1)?.final).toBe(true)
      expect(history.slice(0, -1).every((record) => !record.final)).toBe(true)
    }
    expect(printed.at(-1)).toBe('every message is final')
    expect(printed.filter((line) => line.includes('(final)'))).toHaveLength(5)
  }, 30_000)
})

import { loadClient } from '@rcs-records/core'
import { type Simulator, startSimulator } from '@rcs-records/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../src/main.js'
import { summarizeDeliveries } from '../src/summarize.js'

const FINAL_FAILURES = ['rejected', 'undeliverable', 'expired', 'canceled']

let sim: Simulator

beforeAll(async () => {
  sim = await startSimulator({ seed: 4, records: 200, frozen: true })
})

afterAll(async () => {
  await sim?.close()
})

describe('swap vendors by config', () => {
  it.each(['partner-gateway', 'bsg', 'spacivox'] as const)(
    'the same summarizeDeliveries reads %s and matches the ground truth',
    async (provider) => {
      const client = await loadClient({ provider, ...sim.config[provider] }, { importModule: (name) => import(name) })
      const { from, to } = sim.truth.window(provider)
      const summary = await summarizeDeliveries(client, { from, to })
      const truth = [
        ...sim.truth
          .expected(provider, { from, to, ...(provider === 'partner-gateway' ? { channel: 'rcs' as const } : {}) })
          .values(),
      ]
      expect(summary.provider).toBe(provider)
      expect(summary.total).toBe(truth.length)
      expect(summary.delivered).toBe(truth.filter((s) => s === 'delivered' || s === 'read').length)
      expect(summary.failed).toBe(truth.filter((s) => FINAL_FAILURES.includes(s)).length)
      expect(Object.values(summary.reasons).reduce((a, b) => a + b, 0)).toBe(summary.failed)
    },
  )

  it('main runs the three simulator configs through the same code', async () => {
    const printed: string[] = []
    const summaries = await main({ configFiles: [], print: (line) => printed.push(line) })
    expect(summaries.map((s) => s.provider)).toEqual(['partner-gateway', 'bsg', 'spacivox'])
    expect(summaries.every((s) => s.total > 0)).toBe(true)
    expect(printed).toHaveLength(3)
    expect(printed[1]).toMatch(/^bsg +\d+ records, \d+\.\d% delivered/)
  })
})

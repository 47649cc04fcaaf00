import { describe, expect, it } from 'vitest'
import { describeAdapterConformance, formatCheckResults, runConformanceChecks } from '../src/index.js'
import { makeAcme } from './support/acme-adapter.js'
import { acmeOptions } from './support/acme-options.js'

// The suite itself, as an adapter author uses it: every test below must be green.
describeAdapterConformance(makeAcme(), acmeOptions({ numRuns: 1_000 }))

describe('runConformanceChecks on a sound adapter', () => {
  it('passes every check, skipping only what the adapter does not declare', async () => {
    const results = await runConformanceChecks(makeAcme(), acmeOptions())
    const failed = results.filter((result) => result.status === 'failed')
    expect(failed, formatCheckResults(failed)).toEqual([])
    const skipped = results.filter((result) => result.status === 'skipped').map((result) => result.name)
    expect(skipped).toEqual(['capability.modifiedSince'])
    expect(results).toHaveLength(24)
  })

  it('exercises the server: lists the whole window once across pages and examines every record', async () => {
    const results = await runConformanceChecks(makeAcme(), acmeOptions())
    const byName = new Map(results.map((result) => [result.name, result]))
    expect(byName.get('capability.list')?.notes).toContain('list yielded 45 record(s)')
    expect(byName.get('list.filters')?.notes.join(' ')).toMatch(/status: .*reference: .*campaign: .*channel: /)
    const examined = byName.get('records.invariants')?.notes[0] ?? ''
    expect(Number(examined.split(' ')[0])).toBeGreaterThan(45)
  })

  it('closes the server after the run, even when only some checks are asked for', async () => {
    const closed: string[] = []
    const options = acmeOptions()
    const start = options.server
    const results = await runConformanceChecks(
      makeAcme(),
      {
        ...options,
        server: async () => {
          const server = await (start as NonNullable<typeof start>)()
          return { ...server, close: () => void closed.push('closed') }
        },
      },
      ['capability.get'],
    )
    expect(results.map((result) => [result.name, result.status])).toEqual([['capability.get', 'passed']])
    expect(closed).toEqual(['closed'])
  })
})

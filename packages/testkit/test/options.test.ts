import { describe, expect, it } from 'vitest'
import { type CheckName, runConformanceChecks } from '../src/index.js'
import { makeAcme } from './support/acme-adapter.js'
import { acmeOptions } from './support/acme-options.js'

const SERVER_CHECKS: CheckName[] = ['capability.get', 'capability.getMany', 'capability.list', 'list.filters']

describe('conformance options', () => {
  it('without a server, the checks that need one are skipped (never passed) and the rest still run', async () => {
    const results = await runConformanceChecks(makeAcme(), acmeOptions({ server: undefined }))
    const byName = new Map(results.map((result) => [result.name, result]))
    for (const name of SERVER_CHECKS) {
      expect(byName.get(name)?.status, name).toBe('skipped')
      expect(byName.get(name)?.notes.join(' '), name).toMatch(/no server given/)
    }
    expect(byName.get('list.dates')?.status).toBe('passed')
    expect(results.filter((result) => result.status === 'failed')).toEqual([])
  })

  it('options.skip skips a check with its reason', async () => {
    const results = await runConformanceChecks(
      makeAcme({ unknownIsDelivered: true }),
      acmeOptions({ skip: { 'status.unseen': 'the vendor documents a closed set' } }),
      ['status.unseen'],
    )
    expect(results[0]).toMatchObject({
      status: 'skipped',
      notes: ['skipped by options.skip: the vendor documents a closed set'],
    })
  })

  it('inputs the suite cannot work with fail the checks that need them', async () => {
    const results = await runConformanceChecks(
      makeAcme(),
      acmeOptions({ configs: { valid: [], invalid: [] }, fixtures: [], server: undefined }),
      ['config.valid', 'config.invalid', 'normalize.fixtures', 'status.documented'],
    )
    expect(results.map((result) => [result.name, result.status])).toEqual([
      ['config.valid', 'failed'],
      ['config.invalid', 'failed'],
      ['normalize.fixtures', 'failed'],
      ['status.documented', 'failed'],
    ])
    expect(results[2]?.problems[0]).toMatch(/must hold at least one config|no fixture with expected fields/)
  })

  it('a lying webhooks capability fails capability.webhooks and webhook.fixtures', async () => {
    const sound = makeAcme()
    const results = await runConformanceChecks(
      { ...sound, capabilities: { ...sound.capabilities, webhooks: false } },
      acmeOptions(),
      ['webhook.fixtures', 'capability.webhooks'],
    )
    expect(results.map((result) => result.status)).toEqual(['failed', 'failed'])
    expect(results[1]?.problems).toEqual(['has parseWebhook but declares webhooks: false'])
  })
})

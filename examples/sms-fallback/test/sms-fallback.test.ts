import { type DeliveryStatus, type FailureReason, outcomeOf } from '@rcs-records/core'
import { buildRecord } from '@rcs-records/core/kit'
import { describe, expect, it } from 'vitest'
import { decideFallback } from '../src/decide-fallback.js'
import { main } from '../src/main.js'

const recordOf = (status: DeliveryStatus, reason: FailureReason['code'] | null = null, fallback = false) =>
  buildRecord({
    provider: 'test',
    id: '1',
    status,
    vendorStatus: status,
    raw: {},
    reason: reason === null ? null : { code: reason, permanent: null, vendorCode: null, message: null },
    fallback: fallback ? { channel: 'sms', ids: ['9'], parts: 1 } : null,
  })

describe('decideFallback', () => {
  it.each([
    ['delivered', null, 'none'],
    ['read', null, 'none'],
    ['sent', null, 'wait'],
    ['pending', null, 'wait'],
    ['unknown', null, 'wait'],
    ['undeliverable', 'not_rcs_capable', 'send_sms'],
    ['expired', 'timed_out', 'send_sms'],
    ['undeliverable', 'unreachable', 'send_sms'],
    ['undeliverable', null, 'send_sms'],
    ['rejected', 'invalid_recipient', 'give_up'],
    ['rejected', 'opted_out', 'give_up'],
    ['rejected', 'content_rejected', 'give_up'],
    ['canceled', null, 'none'],
  ] as const)('%s (%s) → %s', (status, reason, action) => {
    expect(decideFallback(recordOf(status, reason)).action).toBe(action)
  })

  it('does not send a second SMS when the vendor already fell back', () => {
    expect(decideFallback(recordOf('undeliverable', 'not_rcs_capable', true))).toEqual({
      action: 'none',
      why: 'vendor already sent sms',
    })
  })
})

describe('main against the simulator', () => {
  it('decides for every RCS message of the three vendors, consistently with the canonical outcome', async () => {
    const printed: string[] = []
    const decided = await main({ print: (line) => printed.push(line), records: 300 })
    expect(new Set(decided.map((d) => d.record.provider))).toEqual(new Set(['partner-gateway', 'bsg', 'spacivox']))
    for (const { record, action } of decided) {
      expect(record.channel).toBe('rcs')
      const outcome = outcomeOf(record.status)
      if (action === 'send_sms' || action === 'give_up') expect(outcome).toBe('failure')
      if (action === 'wait') expect(['in_flight', 'unknown']).toContain(outcome)
      if (outcome === 'success') expect(action).toBe('none')
    }
    const actions = new Set(decided.map((d) => d.action))
    expect(actions).toContain('send_sms')
    expect(actions).toContain('none')
    expect(actions).toContain('wait')
    const sms = decided.filter((d) => d.action === 'send_sms')
    expect(sms.every((d) => d.record.recipient?.startsWith('+'))).toBe(true)
    expect(printed[0]).toMatch(new RegExp(`^${decided.length} RCS messages: `))
  })
})

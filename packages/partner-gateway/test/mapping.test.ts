import { lookupStatus } from '@rcs-records/core/kit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { statusTable, webhookStatusTable } from '../src/index.js'
import { channelOf, nativeStatusesOf, reasonFor, reasonFromDescription, statusOf } from '../src/mapping.js'

describe('status table: the design mapping', () => {
  it.each([
    ['SENT', 'sent'],
    ['RECEIVED', 'sent'],
    ['DELIVERED', 'delivered'],
    ['ERROR', 'undeliverable'],
    ['EXPIRED', 'expired'],
    ['UNKNOWN', 'unknown'],
    // WhatsApp reports READ through the status API (only standard RCS does not).
    ['READ', 'read'],
    ['PENDING_RETRY', 'unknown'],
    ['constructor', 'unknown'],
    ['__proto__', 'unknown'],
    ['delivered', 'unknown'],
  ])('%s → %s', (native, canonical) => {
    expect(lookupStatus(statusTable, native)).toBe(canonical)
  })

  it('statusOf (the normalise hot path) answers what the table answers', () => {
    const natives = [...Object.keys(statusTable), 'PENDING_RETRY', 'constructor', '__proto__', 'toString', 'sent', '']
    for (const native of natives) expect(statusOf(native)).toBe(lookupStatus(statusTable, native))
    fc.assert(fc.property(fc.string(), (native) => statusOf(native) === lookupStatus(statusTable, native)))
  })

  it('maps webhook status codes 3 and 6, nothing else', () => {
    expect(lookupStatus(webhookStatusTable, 3)).toBe('delivered')
    expect(lookupStatus(webhookStatusTable, '6')).toBe('undeliverable')
    expect(lookupStatus(webhookStatusTable, 2)).toBe('unknown')
  })

  it('knows which native statuses a canonical status comes from', () => {
    expect(nativeStatusesOf('sent')).toEqual(['SENT', 'RECEIVED'])
    expect(nativeStatusesOf('undeliverable')).toEqual(['ERROR'])
    expect(nativeStatusesOf('read')).toEqual(['READ'])
    expect(nativeStatusesOf('pending')).toEqual([])
  })
})

describe('failure reasons from ERROR descriptions', () => {
  it.each([
    ['RCS disabled', 'not_rcs_capable', true],
    ['No RCS-capable device', 'not_rcs_capable', true],
    ['the recipient does not have an RCS-capable device or has RCS disabled', 'not_rcs_capable', true],
    ['Recipient not RCS capable', 'not_rcs_capable', true],
    ['rcs not enabled on handset', 'not_rcs_capable', true],
    ['invalid number', 'invalid_recipient', true],
    ['Invalid destination number', 'invalid_recipient', true],
    ['the destination number is invalid', 'invalid_recipient', true],
    ['Carrier rejected', 'blocked', null],
    ['the carrier rejected the message', 'blocked', null],
    ['Message rejected by carrier', 'blocked', null],
    ['Agent not registered', 'provider_error', true],
    ['the agent ID is not properly registered', 'provider_error', true],
    ['Account suspended', 'provider_error', true],
    ['ACCOUNT SUSPENDED', 'provider_error', true],
    ['Message not delivered', 'unknown', null],
    ['Not Delivered', 'unknown', null],
  ])('%j → %s', (description, code, permanent) => {
    const reason = reasonFor('undeliverable', 'ERROR', description)
    expect(reason).toEqual({ code, permanent, vendorCode: 'ERROR', message: description })
  })

  it('gives timed_out for EXPIRED and nothing for non-failures', () => {
    expect(reasonFor('expired', 'EXPIRED', 'Message expired')).toEqual({
      code: 'timed_out',
      permanent: false,
      vendorCode: 'EXPIRED',
      message: 'Message expired',
    })
    expect(reasonFor('delivered', 'DELIVERED', 'RCS disabled')).toBeNull()
    expect(reasonFor('sent', 'SENT')).toBeNull()
  })

  it('is unknown without a description and for very long ones', () => {
    expect(reasonFromDescription(null).code).toBe('unknown')
    expect(reasonFromDescription(`${'x '.repeat(400)} RCS disabled`).code).toBe('unknown')
  })

  it('matches quickly even on adversarial input', () => {
    const started = performance.now()
    for (let i = 0; i < 200; i++) reasonFromDescription(`no ${'rcs '.repeat(70)}`)
    expect(performance.now() - started).toBeLessThan(500)
  })
})

describe('channels', () => {
  it('reads the wire channel case-insensitively, defaults when absent, other when unknown', () => {
    expect(channelOf('WHATSAPP', 'rcs')).toBe('whatsapp')
    expect(channelOf('sms', 'rcs')).toBe('sms')
    expect(channelOf(null, 'sms')).toBe('sms')
    expect(channelOf('TELEGRAM', 'rcs')).toBe('other')
    expect(channelOf(7, 'rcs')).toBe('other')
    expect(channelOf('constructor', 'rcs')).toBe('other')
  })
})

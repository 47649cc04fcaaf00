import { describe, expect, it } from 'vitest'
import { bsgJson, bsgPayload, createBsgModel } from '../src/data/bsg.js'
import { createPartnerGatewayModel, partnerGatewayJson, partnerGatewayPayload } from '../src/data/partner-gateway.js'
import { createSpacivoxModel, spacivoxJson, spacivoxPayload } from '../src/data/spacivox.js'
import { BSG_CANONICAL, generateVendorPage, PARTNER_GATEWAY_CANONICAL, SPACIVOX_CANONICAL } from '../src/index.js'
import { DAY, NOW } from './support.js'

const options = { seed: 3, count: 5000, end: NOW, span: 7 * DAY }

describe('generated data', () => {
  it('uses every documented native status of each vendor (partner-gateway has no READ through the API)', () => {
    const pg = createPartnerGatewayModel(options)
    const bsg = createBsgModel(options)
    const spacivox = createSpacivoxModel(options)
    const seen = (statusAt: (i: number) => string | number) =>
      new Set(Array.from({ length: options.count }, (_, i) => statusAt(i)))
    expect(seen((i) => pg.eventAt(pg.facts(i), NOW).status)).toEqual(new Set(Object.keys(PARTNER_GATEWAY_CANONICAL)))
    expect(seen((i) => bsg.eventAt(bsg.facts(i), NOW).status)).toEqual(new Set(Object.keys(BSG_CANONICAL)))
    expect(seen((i) => spacivox.eventAt(spacivox.facts(i), NOW).status)).toEqual(
      new Set(Object.keys(SPACIVOX_CANONICAL).map(Number)),
    )
  })

  it('builds the same JSON text directly as JSON.stringify of the payload object', () => {
    const pg = createPartnerGatewayModel(options)
    const bsg = createBsgModel(options)
    const spacivox = createSpacivoxModel(options)
    for (let i = 0; i < options.count; i += 7) {
      for (const at of [NOW, NOW - 3 * DAY]) {
        expect(partnerGatewayJson(pg.facts(i), at)).toBe(JSON.stringify(partnerGatewayPayload(pg.facts(i), at)))
        const view = { timeZone: 'Europe/Kyiv' }
        expect(bsgJson(bsg.facts(i), at, view)).toBe(JSON.stringify(bsgPayload(bsg.facts(i), at, view)))
        const content = { includeContent: i % 2 === 0 }
        expect(spacivoxJson(spacivox.facts(i), at, content)).toBe(
          JSON.stringify(spacivoxPayload(spacivox.facts(i), at, content)),
        )
      }
    }
  })

  it('rebuilds a record identically from its index (nothing stored)', () => {
    const a = createBsgModel(options)
    const b = createBsgModel(options)
    expect(JSON.stringify(a.facts(1234))).toBe(JSON.stringify(b.facts(1234)))
    expect(createBsgModel({ ...options, seed: 4 }).facts(1234).phone).not.toBe(a.facts(1234).phone)
  })

  it('evolves statuses with time along each record’s own dated events', () => {
    const bsg = createBsgModel(options)
    const rank = { scheduled: 0, moderation: 0, accepted: 1, sending: 2, sent: 3, delivered: 4, read: 5 } as const
    let read = 0
    for (let i = 0; i < 2000; i++) {
      const facts = bsg.facts(i)
      const times = facts.events.map((e) => e.at)
      expect([...times].sort((x, y) => x - y)).toEqual(times)
      expect(bsg.eventAt(facts, facts.createdAt).status).toBe(facts.events[0]?.status)
      const last = facts.events[facts.events.length - 1]
      if (last?.status === 'read') {
        read++
        const before = bsg.eventAt(facts, last.at - 1).status
        expect(rank[before as keyof typeof rank]).toBeLessThan(rank.read)
      }
    }
    expect(read).toBeGreaterThan(100)
  })

  it('gives BSG RCS fallbacks that point at SMS records created when the RCS message failed', () => {
    const bsg = createBsgModel(options)
    let pairs = 0
    for (let i = 0; i < options.count; i++) {
      const facts = bsg.facts(i)
      if (facts.fallback === null) continue
      pairs++
      const sms = bsg.facts(facts.fallback.index)
      expect(sms.type).toBe('sms')
      expect(String(sms.id)).toBe(bsg.idOf(facts.fallback.index))
      expect(sms.phone).toBe(facts.phone)
      expect(sms.parts).toBe(facts.fallback.parts)
      const failure = facts.events[facts.events.length - 1]
      expect(failure?.at).toBe(sms.createdAt)
      expect(['not_rcs_user', 'undelivered', 'expired']).toContain(failure?.status)
      const before = bsgPayload(facts, (failure?.at as number) - 1, { timeZone: 'UTC' })
      const after = bsgPayload(facts, failure?.at as number, { timeZone: 'UTC' })
      expect(before.alternative_channels).toBeNull()
      expect(after.alternative_channels).toEqual({ sms: { parts: sms.parts, id: [sms.id] } })
    }
    expect(pairs).toBeGreaterThan(100)
  })

  it('writes BSG amounts as 7-place decimal strings, phones as numbers, RCS billed only once delivered', () => {
    const bsg = createBsgModel(options)
    for (let i = 0; i < 1000; i++) {
      const payload = bsgPayload(bsg.facts(i), NOW, { timeZone: 'Europe/Kyiv' })
      const amount = payload.amount as { value: string; currency: string }
      expect(amount.value).toMatch(/^\d+\.\d{7}$/)
      expect(typeof payload.phone).toBe('number')
      expect(String(payload.phone)).toMatch(/^(380|48|77)\d{9}$/)
      expect(payload.created_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
      if (payload.type === 'rcs' && !['delivered', 'read'].includes(payload.status as string)) {
        expect(amount.value).toBe('0.0000000')
      }
    }
  })

  it('generates docs-shaped pages for benchmarks', () => {
    const pg = generateVendorPage('partner-gateway', { seed: 1, count: 10_000, now: NOW })
    const bsg = generateVendorPage('bsg', { seed: 1, count: 10_000, now: NOW })
    const spacivox = generateVendorPage('spacivox', { seed: 1, count: 10_000, now: NOW })
    expect([pg.length, bsg.length, spacivox.length]).toEqual([10_000, 10_000, 10_000])
    expect(pg.every((r) => r.channel === 'RCS' && typeof r.customerMessageId === 'string')).toBe(true)
    expect(new Set(bsg.map((r) => r.id)).size).toBe(10_000)
    expect(Object.keys(spacivox[0] ?? {})).toEqual([
      'campaign',
      'id',
      'job',
      'number',
      'portal',
      'reference',
      'state',
      'team',
      'timestamp',
    ])
    const again = generateVendorPage('bsg', { seed: 1, count: 10_000, now: NOW })
    expect(again).toEqual(bsg)
  })
})

import { normalize as bsgNormalize, parseWebhook as bsgParseWebhook } from '@rcs-records/bsg'
import { mergeRecords, type RcsRecord } from '@rcs-records/core'
import { normalize as pgNormalize, parseWebhook as pgParseWebhook } from '@rcs-records/partner-gateway'
import type { Vendor } from '@rcs-records/simulator'
import { normalize as spacivoxNormalize } from '@rcs-records/spacivox'
import { afterEach, describe, expect, it } from 'vitest'
import { startEchoServer } from './support/echo-server.js'
import { BSG_RECORD, BSG_WEBHOOK, PG_RECORDS, PG_WEBHOOKS, SPACIVOX_RECORD } from './support/fixtures.js'
import { assertNo, pollutionProblem, recordProblem } from './support/result-checks.js'
import { clientFor } from './support/vendors.js'

/** The keys an attacker would use, with payloads that would show up on every object if they reached a prototype. */
const HOSTILE =
  '"__proto__":{"polluted":"yes","toString":"x"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}'

/** Vendor JSON text with the hostile keys at the top and inside every nested object, parsed as a client would. */
const hostile = (payload: unknown): unknown => {
  const text = JSON.stringify(payload).replace(/\{(?=")/g, `{${HOSTILE},`)
  return JSON.parse(text)
}

/** Every object inside a value: plain (Object.prototype or null prototype, or an array), and no functions. */
const plainDataProblem = (value: unknown, path = 'value', seen = new Set<unknown>()): string | null => {
  if (typeof value === 'function') return `${path} is a function`
  if (value === null || typeof value !== 'object' || seen.has(value)) return null
  seen.add(value)
  const proto: unknown = Object.getPrototypeOf(value)
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return `${path} is not a plain object`
  for (const key of Object.keys(value)) {
    const problem = plainDataProblem((value as Record<string, unknown>)[key], `${path}.${key}`, seen)
    if (problem !== null) return problem
  }
  return null
}

const expectSafeRecord = (record: RcsRecord, provider: string) => {
  assertNo(recordProblem(record, provider))
  assertNo(plainDataProblem(record.extra, 'extra'))
  assertNo(plainDataProblem(record.raw, 'raw'))
  // Nothing reaches `extra` through its prototype, and the record survives a structured clone and JSON.
  expect(Object.getPrototypeOf(record.extra)).toBe(Object.prototype)
  expect(Object.hasOwn(record.extra, 'polluted') || !('polluted' in record.extra)).toBe(true)
  expect(() => structuredClone(record)).not.toThrow()
  expect(JSON.parse(JSON.stringify(record)).id).toBe(record.id)
  assertNo(pollutionProblem())
}

interface Subject {
  vendor: Vendor
  records: readonly unknown[]
  normalize: (payload: unknown) => { _tag: 'Left' } | { _tag: 'Right'; right: RcsRecord }
  webhooks: readonly unknown[]
  parseWebhook?: (body: unknown) => { _tag: 'Left' } | { _tag: 'Right'; right: RcsRecord[] }
}

const SUBJECTS: readonly Subject[] = [
  {
    vendor: 'partner-gateway',
    records: PG_RECORDS,
    normalize: pgNormalize,
    webhooks: PG_WEBHOOKS,
    parseWebhook: pgParseWebhook,
  },
  {
    vendor: 'bsg',
    records: [BSG_RECORD],
    normalize: bsgNormalize,
    webhooks: [BSG_WEBHOOK],
    parseWebhook: bsgParseWebhook,
  },
  { vendor: 'spacivox', records: [SPACIVOX_RECORD], normalize: spacivoxNormalize, webhooks: [] },
]

afterEach(() => {
  assertNo(pollutionProblem())
})

describe.each(SUBJECTS)('$vendor: vendor JSON with __proto__ / constructor / prototype keys', (subject) => {
  it('normalises the documented records to plain data and pollutes nothing (merge included)', () => {
    for (const record of subject.records) {
      const payload = hostile(record)
      expect(Object.hasOwn(payload as object, '__proto__')).toBe(true)
      const result = subject.normalize(payload)
      if (result._tag === 'Left') throw new Error(`${subject.vendor}: a documented record with extra keys was refused`)
      expectSafeRecord(result.right, subject.vendor)
      expect(result.right.raw).toBe(payload)
      const again = subject.normalize(hostile(record))
      if (again._tag === 'Left') throw new Error('the same payload was refused the second time')
      expectSafeRecord(mergeRecords(result.right, again.right), subject.vendor)
    }
  })

  it('parses the documented callbacks to plain data and pollutes nothing', () => {
    for (const body of subject.webhooks) {
      const result = subject.parseWebhook?.(hostile(body))
      if (result === undefined || result._tag === 'Left')
        throw new Error(`${subject.vendor}: a documented callback was refused`)
      for (const record of result.right) expectSafeRecord(record, subject.vendor)
    }
  })
})

describe('through list(): a vendor page whose records carry __proto__ keys', () => {
  it.each(SUBJECTS)('$vendor: records arrive as plain data, prototypes untouched', async (subject) => {
    const server = await startEchoServer((request) => {
      if (request.path === '/api/auth/login') return { status: 200, body: { bearer: 'eyJ.proto-test-token.sig' } }
      const item =
        subject.vendor === 'partner-gateway'
          ? { ...(PG_RECORDS[0] as object), sendDate: '2026-01-01T01:00:00Z' }
          : subject.vendor === 'bsg'
            ? { ...BSG_RECORD, created_at: '2026-01-01 01:00:00' }
            : { ...SPACIVOX_RECORD, timestamp: '2026-01-01T01:00:00.000Z' }
      const page =
        subject.vendor === 'bsg' ? { data: [item], meta: { page: { total: 1, offset: 0, limit: 500 } } } : [item]
      return { status: 200, body: JSON.stringify(page).replace(/\{(?=")/g, `{${HOSTILE},`) }
    })
    try {
      const client = clientFor(subject.vendor, {
        config: {
          baseUrl: subject.vendor === 'partner-gateway' ? `${server.url}/api` : server.url,
          ...(subject.vendor === 'spacivox' ? { token: 'tok-proto-test' } : { apiKey: 'live_proto-test' }),
        },
      })
      const records: RcsRecord[] = []
      for await (const record of client.list({ from: '2026-01-01T00:00:00Z', to: '2026-01-01T06:00:00Z' })) {
        records.push(record)
      }
      expect(records).toHaveLength(1)
      for (const record of records) expectSafeRecord(record, subject.vendor)
    } finally {
      await server.close()
    }
  })
})

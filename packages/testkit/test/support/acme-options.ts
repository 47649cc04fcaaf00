import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toEpochMs } from '@rcs-records/core/kit'
import type { ConformanceOptions } from '../../src/index.js'
import { type AcmePayload, datasets, seedAcme } from './acme-adapter.js'

/**
 * acme's listing endpoint on loopback: `GET /acme/messages?dataset&from&to&offset&limit` → `{ items, total }`, the
 * dataset's messages with `at` in `[from, to)`, oldest first.
 */
const startAcmeServer = async (): Promise<{ baseUrl: string; close(): Promise<void> }> => {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== '/acme/messages') {
      res.writeHead(404).end()
      return
    }
    const q = (name: string) => url.searchParams.get(name) ?? ''
    const from = Date.parse(q('from'))
    const to = Date.parse(q('to'))
    const offset = Number(q('offset'))
    const limit = Number(q('limit'))
    const inWindow = (datasets.get(q('dataset')) ?? [])
      .filter((payload) => {
        const at = Date.parse(payload.at ?? '')
        return at >= from && at < to
      })
      .sort((a, b) => Date.parse(a.at ?? '') - Date.parse(b.at ?? ''))
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ items: inWindow.slice(offset, offset + limit), total: inWindow.length }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/acme`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The acme token used by the sound adapter's runs. */
export const ACME_SECRET = 'acme-conformance-secret-0001'

/** acme's documented example (verbatim from its imaginary docs). */
export const ACME_EXAMPLE: AcmePayload = {
  ref: 4711,
  state: 'delivered',
  to: '+380661234567',
  at: '2025-03-01T10:21:14.243Z',
  campaign: 'spring',
  tag: 'order-4711',
}

let datasetCounter = 0

/** Conformance options for acme; `overrides` replace top-level fields. */
export const acmeOptions = (overrides: Partial<ConformanceOptions> = {}): ConformanceOptions => ({
  configs: {
    valid: [{ token: ACME_SECRET }, { token: ACME_SECRET, region: 'us', dataset: 'x' }],
    invalid: [
      { config: {}, fields: ['token'] },
      { config: { token: 'short', region: 'mars' }, fields: ['token', 'region'] },
    ],
  },
  fixtures: [
    {
      name: 'documented example',
      payload: ACME_EXAMPLE,
      expected: {
        provider: 'acme',
        id: '4711',
        status: 'delivered',
        final: true,
        vendorStatus: 'delivered',
        recipient: '+380661234567',
        campaign: 'spring',
        reference: 'order-4711',
        sentAt: '2025-03-01T10:21:14.243Z',
        extra: { tag: 'order-4711' },
      },
    },
    {
      name: 'unusable phone and date',
      payload: { ref: 'a1', state: 'sent', to: 'call me', at: 'yesterday' },
      expected: { recipient: null, sentAt: null, status: 'sent' },
    },
    { name: 'no state', payload: { ref: 5 }, decodeError: { paths: ['state'] } },
  ],
  webhookFixtures: [
    {
      name: 'two events',
      body: { events: [ACME_EXAMPLE, { ...ACME_EXAMPLE, ref: 4712, state: 'seen' }] },
      expected: [
        { id: '4711', status: 'delivered' },
        { id: '4712', status: 'read' },
      ],
    },
    { name: 'no events', body: { events: [] }, expected: [] },
  ],
  statuses: {
    documented: [
      ['queued', 'pending'],
      ['sent', 'sent'],
      ['delivered', 'delivered'],
      ['seen', 'read'],
      ['failed', 'rejected'],
      ['bounced', 'undeliverable'],
      ['expired', 'expired'],
    ],
    payloadWith: (state) => ({ ...ACME_EXAMPLE, state }),
  },
  secrets: { fields: ['token'], values: [ACME_SECRET] },
  server: async () => {
    datasetCounter++
    const name = `conformance-${datasetCounter}`
    const seeded = seedAcme(57)
    datasets.set(name, seeded)
    const http = await startAcmeServer()
    return {
      config: { token: ACME_SECRET, dataset: name, baseUrl: http.baseUrl },
      window: { from: '2025-03-01T00:05:00Z', to: '2025-03-01T00:50:00Z' },
      unknownId: '999999',
      pageSize: 10,
      expectedIds: (window) => {
        const from = toEpochMs(window.from) ?? 0
        const to = toEpochMs(window.to) ?? 0
        return seeded
          .filter((payload) => {
            const at = Date.parse(payload.at ?? '')
            return at >= from && at < to
          })
          .map((payload) => String(payload.ref))
      },
      close: async () => {
        datasets.delete(name)
        await http.close()
      },
    }
  },
  numRuns: 300,
  seed: 42,
  ...overrides,
})

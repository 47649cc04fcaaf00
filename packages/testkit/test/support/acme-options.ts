import { toEpochMs } from '@rcs-records/core'
import type { ConformanceOptions } from '../../src/index.js'
import { type AcmePayload, datasets, seedAcme } from './acme-adapter.js'

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
    return {
      config: { token: ACME_SECRET, dataset: name },
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
      close: () => {
        datasets.delete(name)
      },
    }
  },
  numRuns: 300,
  seed: 42,
  ...overrides,
})

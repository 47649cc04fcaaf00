import { startSimulator } from '@rcs-records/simulator'
import { describeAdapterConformance } from '@rcs-records/testkit'
import { adapter } from '../src/index.js'
import {
  STATUS_DELIVERED,
  STATUS_ITALIAN,
  WEBHOOK_DELIVERY_RCS,
  WEBHOOK_DELIVERY_SMS,
  WEBHOOK_NOT_DELIVERED_PART,
  WEBHOOK_READ,
  WRAPPED_HISTORY,
} from './fixtures.js'

const API_KEY = 'conformance-api-key-0001'
const PASSWORD = 'conformance-password-0001'

describeAdapterConformance(adapter, {
  configs: {
    valid: [
      { apiKey: API_KEY },
      { username: 'acme', password: PASSWORD, baseUrl: 'http://127.0.0.1:9/api', channel: 'sms', currency: 'USD' },
    ],
    invalid: [
      { config: {}, fields: ['apiKey'] },
      { config: { apiKey: API_KEY, username: 'acme', password: PASSWORD }, fields: ['apiKey'] },
      { config: { username: 'acme' }, fields: ['password'] },
      { config: { apiKey: API_KEY, channel: 'viber', pageSize: 0 }, fields: ['channel', 'pageSize'] },
      { config: { apiKey: API_KEY, baseUrl: 'ftp://example.com', currency: 'euro' }, fields: ['baseUrl', 'currency'] },
    ],
  },
  fixtures: [
    {
      name: 'DeliveryStatusResponse (documented fields)',
      payload: STATUS_DELIVERED,
      expected: {
        provider: 'partner-gateway',
        id: '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f',
        status: 'delivered',
        vendorStatus: 'DELIVERED',
        channel: 'rcs',
        recipient: '+393401234567',
        createdAt: '2025-01-01T09:00:00.000Z',
        deliveredAt: '2025-01-01T09:00:05.000Z',
        cost: { amount: '0.042', currency: 'EUR' },
      },
    },
    {
      name: 'Italian field names',
      payload: STATUS_ITALIAN,
      expected: {
        id: 'order-12345',
        status: 'undeliverable',
        vendorStatus: 'ERROR',
        reason: { code: 'not_rcs_capable', permanent: true, vendorCode: 'ERROR', message: 'RCS disabled' },
      },
    },
    {
      name: 'wrapped history item',
      payload: WRAPPED_HISTORY.messages[0],
      expected: { id: 'e766b2f0-1c3d-4e5f-8a9b-0c1d2e3f4a5b', status: 'delivered', sender: 'AcmeAgent' },
    },
    { name: 'no status', payload: { customerMessageId: 'a' }, decodeError: { paths: ['deliveryStatus'] } },
    { name: 'no id', payload: { deliveryStatus: 'SENT' }, decodeError: { paths: ['customerMessageId'] } },
  ],
  webhookFixtures: [
    {
      name: 'DELIVERY statusCode 3 with customerMessageId',
      body: WEBHOOK_DELIVERY_SMS,
      expected: [{ id: 'order-12345', status: 'delivered', vendorStatus: 3, channel: 'sms' }],
    },
    {
      name: 'READ',
      body: WEBHOOK_READ,
      expected: [{ id: 'e766…', status: 'read', readAt: '2026-04-09T10:31:15.000Z' }],
    },
    {
      name: 'eventDate variant',
      body: WEBHOOK_DELIVERY_RCS,
      expected: [{ id: 'uuid', status: 'delivered', deliveredAt: '2025-10-16T10:42:18.000Z' }],
    },
    {
      name: 'statusCode 6 per-part SMS with price',
      body: WEBHOOK_NOT_DELIVERED_PART,
      expected: [
        {
          id: 'uuid',
          status: 'undeliverable',
          vendorStatus: 6,
          cost: { amount: '0.035', currency: 'EUR' },
          extra: { eventType: 'DELIVERY', messageId: 'uuid', numPart: 1, totalParts: 1 },
        },
      ],
    },
    { name: 'INBOUND is not a status', body: { eventType: 'INBOUND', messageId: 'm1', body: 'hi' }, expected: [] },
  ],
  statuses: {
    documented: [
      ['SENT', 'sent'],
      ['RECEIVED', 'sent'],
      ['DELIVERED', 'delivered'],
      ['ERROR', 'undeliverable'],
      ['EXPIRED', 'expired'],
      ['UNKNOWN', 'unknown'],
    ],
    payloadWith: (status) => ({ ...STATUS_DELIVERED, deliveryStatus: status }),
  },
  secrets: { fields: ['apiKey', 'password'], values: [API_KEY, PASSWORD] },
  numRuns: 300,
  server: async () => {
    const sim = await startSimulator({ seed: 51, records: { 'partner-gateway': 900 } })
    const window = sim.truth.window('partner-gateway')
    return {
      config: sim.config['partner-gateway'],
      window: { from: window.from, to: new Date(sim.clock.now()).toISOString() },
      expectedIds: (w) => sim.truth.ids('partner-gateway', { from: w.from, to: w.to, channel: 'rcs' }),
      unknownId: 'order-999999999',
      pageSize: 50,
      clock: sim.clock,
      close: () => sim.close(),
    }
  },
})

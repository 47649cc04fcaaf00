/**
 * The conformance suite on the three built-in adapters: fixtures are the vendors' documented examples (verbatim from
 * docs/providers/*.md and the seeds), the server is `@rcs-records/simulator`.
 */
import { adapter as bsg } from '@rcs-records/bsg'
import { adapter as partnerGateway } from '@rcs-records/partner-gateway'
import { adapter as spacivox } from '@rcs-records/spacivox'
import { describeAdapterConformance } from '@rcs-records/testkit'
import { simulatorServer } from './builtin/simulator-server.js'

// ---------------------------------------------------------------------------------------------- partner-gateway

/** A `DeliveryStatusResponse` with the documented fields and the likely extra ones. */
const PG_STATUS = {
  customerMessageId: '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f',
  deliveryStatus: 'DELIVERED',
  deliveryStatusDescription: 'Message delivered',
  channel: 'RCS',
  destination: '+393401234567',
  sendDate: '2025-01-01T10:00:00+01:00',
  deliveryDate: '2025-01-01T10:00:05+01:00',
  cost: 0.042,
}

const PG_KEY = 'pg-conformance-key-0001'

describeAdapterConformance(partnerGateway, {
  configs: {
    valid: [{ apiKey: PG_KEY }, { username: 'acme', password: 'pg-conformance-pass-01', channel: 'sms' }],
    invalid: [
      { config: {}, fields: ['apiKey'] },
      { config: { apiKey: PG_KEY, pageSize: 0 }, fields: ['pageSize'] },
      { config: { apiKey: PG_KEY, channel: 'viber', baseUrl: 'not a url' }, fields: ['channel', 'baseUrl'] },
      { config: { username: 'acme' }, fields: ['password'] },
    ],
  },
  fixtures: [
    {
      name: 'DeliveryStatusResponse (documented fields)',
      payload: PG_STATUS,
      expected: {
        provider: 'partner-gateway',
        id: '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f',
        channel: 'rcs',
        recipient: '+393401234567',
        status: 'delivered',
        final: true,
        vendorStatus: 'DELIVERED',
        vendorDescription: 'Message delivered',
        sentAt: '2025-01-01T09:00:00.000Z',
        deliveredAt: '2025-01-01T09:00:05.000Z',
        reason: null,
      },
    },
    {
      name: 'Italian field names, ERROR "RCS disabled"',
      payload: { customerMessageId: 'order-12345', deliveryStato: 'ERROR', deliveryStatoDescription: 'RCS disabled' },
      expected: {
        id: 'order-12345',
        status: 'undeliverable',
        vendorStatus: 'ERROR',
        vendorDescription: 'RCS disabled',
      },
    },
    { name: 'no status at all', payload: { customerMessageId: 'order-1' }, decodeError: { paths: ['deliveryStatus'] } },
  ],
  webhookFixtures: [
    {
      name: 'SMS delivery report (verbatim)',
      body: {
        eventType: 'DELIVERY',
        messageId: 'e766…',
        customerMessageId: 'order-12345',
        destination: '+393401234567',
        statusCode: 3,
        description: 'Message delivered',
        channel: 'SMS',
        timestamp: '2026-04-09T10:30:00Z',
      },
      expected: [{ id: 'order-12345', channel: 'sms', status: 'delivered', recipient: '+393401234567' }],
    },
    {
      name: 'RCS read (verbatim)',
      body: {
        eventType: 'READ',
        messageId: 'e766…',
        destination: '+393401234567',
        channel: 'RCS',
        timestamp: '2026-04-09T10:31:15Z',
      },
      expected: [{ id: 'e766…', channel: 'rcs', status: 'read', readAt: '2026-04-09T10:31:15.000Z' }],
    },
    {
      name: 'RCS delivery with eventDate (verbatim)',
      body: {
        channel: 'RCS',
        eventType: 'DELIVERY',
        messageId: 'uuid',
        destination: '+393401234567',
        statusCode: 3,
        description: 'delivered',
        eventDate: '2025-10-16T10:42:18Z',
      },
      expected: [{ id: 'uuid', status: 'delivered' }],
    },
    {
      name: 'SMS part not delivered (verbatim)',
      body: {
        channel: 'SMS',
        eventType: 'DELIVERY',
        messageId: 'uuid',
        statusCode: 6,
        statusDescription: 'Not Delivered',
        price: 0.035,
        numPart: 1,
        totalParts: 1,
        timestamp: '2024-01-15T10:30:00Z',
      },
      expected: [{ id: 'uuid', status: 'undeliverable', final: true }],
    },
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
    payloadWith: (deliveryStatus) => ({ ...PG_STATUS, deliveryStatus }),
  },
  secrets: { fields: ['apiKey', 'password'], values: [PG_KEY, 'pg-conformance-pass-01'] },
  server: simulatorServer('partner-gateway', {
    unknownId: 'order-that-does-not-exist-404',
    pageSize: 40,
    truth: { channel: 'rcs' },
    callOptions: () => ({ channel: 'rcs' }),
  }),
})

// ---------------------------------------------------------------------------------------------------------- BSG

/** Seed 003's example record, verbatim (placeholder values included). */
const BSG_SEED = JSON.parse(
  '{"id":26130,"campaign_id":1,"reference_id":"string","type":"rcs","source":"web","text":"text","phone":380661234567,"validity":72,"status":"scheduled","amount":{"value":"string","currency":"UAH"},"sender":"sender","created_at":"2021-04-27 19:44:06","sent_at":"2021-04-27 19:44:06","delivered_at":"2021-04-27 19:44:06","rcs_options":{"cards":[{"text":"string","media":{"url":"string"},"suggestions":[{"text":"string","phone":"string"}]}]},"alternative_channels":{"sms":{"parts":0,"id":[0]}}}',
) as Record<string, unknown>

/** The OpenAPI spec's `single` example record, verbatim. */
const BSG_SPEC_SINGLE = {
  id: 4419393338,
  campaign_id: 58982653,
  reference_id: null,
  type: 'sms',
  source: 'web',
  text: 'Test',
  phone: 380981171206,
  validity: 72,
  status: 'delivered',
  amount: { value: '0.0100000', currency: 'UAH' },
  sender: 'testsms',
  created_at: '2025-03-20 05:11:15',
  sent_at: '2025-03-20 05:11:16',
  delivered_at: '2025-03-20 05:11:21',
  country: 'UA',
  parts: 1,
}

const BSG_KEY = 'live_conformance_key_0001'

describeAdapterConformance(bsg, {
  configs: {
    valid: [{ apiKey: BSG_KEY }, { apiKey: 'test_conformance_key_01', timeZone: 'Europe/Kyiv' }],
    invalid: [
      { config: {}, fields: ['apiKey'] },
      { config: { apiKey: BSG_KEY, timeZone: 'Mars/Olympus' }, fields: ['timeZone'] },
      { config: { apiKey: BSG_KEY, baseUrl: 'ftp://one-api.bsg.world', maxPages: 0 }, fields: ['baseUrl', 'maxPages'] },
    ],
  },
  fixtures: [
    {
      name: 'seed 003 example (placeholder amount)',
      payload: BSG_SEED,
      expected: {
        provider: 'bsg',
        id: '26130',
        reference: 'string',
        channel: 'rcs',
        recipient: '+380661234567',
        sender: 'sender',
        campaign: '1',
        status: 'pending',
        final: false,
        vendorStatus: 'scheduled',
        createdAt: '2021-04-27T19:44:06.000Z',
        cost: null,
      },
    },
    {
      name: 'spec example (SMS, delivered, billed)',
      payload: BSG_SPEC_SINGLE,
      expected: {
        id: '4419393338',
        channel: 'sms',
        recipient: '+380981171206',
        status: 'delivered',
        vendorStatus: 'delivered',
        cost: { amount: '0.0100000', currency: 'UAH' },
        deliveredAt: '2025-03-20T05:11:21.000Z',
      },
    },
    { name: 'no id', payload: { ...BSG_SPEC_SINGLE, id: undefined }, decodeError: { paths: ['id'] } },
  ],
  webhookFixtures: [
    {
      name: 'RCS status callback (verbatim)',
      body: {
        error: 0,
        errorDescription: 'No errors',
        id: '3266500452',
        msisdn: '380997087351',
        reference: 'hello',
        time_in: '2024-08-22 11:47:42',
        time_sent: '2024-08-22 11:47:42',
        time_dr: '2024-08-22 11:47:53',
        status: 'delivered',
        price: '1.1000000',
        currency: 'EUR',
      },
      expected: [
        {
          id: '3266500452',
          reference: 'hello',
          recipient: '+380997087351',
          status: 'delivered',
          cost: { amount: '1.1000000', currency: 'EUR' },
        },
      ],
    },
  ],
  statuses: {
    documented: [
      ['scheduled', 'pending'],
      ['moderation', 'pending'],
      ['accepted', 'pending'],
      ['sending', 'pending'],
      ['sent', 'sent'],
      ['delivered', 'delivered'],
      ['read', 'read'],
      ['failed', 'rejected'],
      ['undelivered', 'undeliverable'],
      ['not_service_user', 'undeliverable'],
      ['not_rcs_user', 'undeliverable'],
      ['not_viber_user', 'undeliverable'],
      ['expired', 'expired'],
      ['unknown', 'unknown'],
    ],
    payloadWith: (status) => ({ ...BSG_SPEC_SINGLE, status }),
  },
  // BSG's parseWebhook also accepts a batch (an array of callbacks), so an empty array is a valid, empty batch.
  junk: { webhook: [null, undefined, 42, {}, 'not a callback', true] },
  secrets: { fields: ['apiKey'], values: [BSG_KEY, 'test_conformance_key_01'] },
  server: simulatorServer('bsg', { unknownId: '999999999999', pageSize: 50 }),
})

// ----------------------------------------------------------------------------------------------------- spacivox

/** Seed 004's example record, verbatim. */
const SPACIVOX_SEED = {
  campaign: 1,
  id: 1,
  job: 1,
  number: '+33612345678',
  portal: null,
  reference: '123456',
  state: 0,
  team: 1,
  timestamp: '2015-01-06T10:21:14.243Z',
}

const SPACIVOX_TOKEN = 'spacivox-conformance-token-01'

describeAdapterConformance(spacivox, {
  configs: {
    valid: [
      { baseUrl: 'https://api.spacivox.test', token: SPACIVOX_TOKEN },
      { baseUrl: 'https://api.spacivox.test', token: SPACIVOX_TOKEN, team: 1, sliceHours: 6 },
    ],
    invalid: [
      { config: {}, fields: ['token', 'baseUrl'] },
      { config: { baseUrl: 'https://api.spacivox.test', token: SPACIVOX_TOKEN, team: -1 }, fields: ['team'] },
      { config: { baseUrl: 'mailto:ops@example.com', token: SPACIVOX_TOKEN }, fields: ['baseUrl'] },
    ],
  },
  fixtures: [
    {
      name: 'seed 004 example',
      payload: SPACIVOX_SEED,
      expected: {
        provider: 'spacivox',
        id: '1',
        reference: '123456',
        channel: 'rcs',
        recipient: '+33612345678',
        campaign: '1',
        status: 'sent',
        final: false,
        vendorStatus: 0,
        reason: null,
      },
    },
    { name: 'no state', payload: { ...SPACIVOX_SEED, state: undefined }, decodeError: { paths: ['state'] } },
  ],
  statuses: {
    documented: [
      [0, 'sent'],
      [1, 'delivered'],
      [2, 'undeliverable'],
      [3, 'rejected'],
      [4, 'read'],
    ],
    payloadWith: (state) => ({ ...SPACIVOX_SEED, state }),
  },
  secrets: { fields: ['token'], values: [SPACIVOX_TOKEN] },
  server: simulatorServer('spacivox'),
  // The API selects by the record's one time, `timestamp`, which the adapter reads as `updatedAt`.
  listInstant: 'updatedAt',
})

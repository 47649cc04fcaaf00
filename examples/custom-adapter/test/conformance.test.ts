import { describeAdapterConformance } from '@rcs-records/testkit'
import { adapter } from '../src/index.js'
import {
  DELIVERED_CALLBACK,
  DOCUMENTED_MESSAGE,
  QUEUED_MESSAGE,
  UNDELIVERED_CALLBACK_FORM,
  UNDELIVERED_RCS_MESSAGE,
} from './support/fixtures.js'
import { ACCOUNT_SID, AUTH_TOKEN, seedMessages, startTwilioTestServer } from './support/twilio-server.js'

describeAdapterConformance(adapter, {
  configs: {
    valid: [
      { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
      { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: 'https://api.twilio.com/', pageSize: 1_000 },
    ],
    invalid: [
      { config: {}, fields: ['accountSid', 'authToken'] },
      { config: { accountSid: 'SK123', authToken: AUTH_TOKEN }, fields: ['accountSid'] },
      { config: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, pageSize: 5_000 }, fields: ['pageSize'] },
      { config: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: 'ftp://example.com' }, fields: ['baseUrl'] },
      // Rejected by core's insecure-URL rule; its message names the host rather than the field, so no field is asked.
      { config: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: 'http://api.example.com' }, fields: [] },
    ],
  },
  fixtures: [
    {
      name: 'documented fetch example (sent, error 30007 kept only as description)',
      payload: DOCUMENTED_MESSAGE,
      expected: {
        provider: 'twilio',
        id: 'SMb7c0a2ce80504485a6f653a7110836f5',
        channel: 'sms',
        recipient: '+18182008801',
        sender: '+12019235161',
        status: 'sent',
        final: false,
        reason: null,
        vendorStatus: 'sent',
        vendorDescription: 'Carrier violation',
        createdAt: '2019-05-24T17:18:27.000Z',
        sentAt: '2019-05-24T17:18:28.000Z',
        updatedAt: '2019-05-24T17:18:28.000Z',
        deliveredAt: null,
        cost: { amount: '0.00750', currency: 'USD' },
        extra: {
          direction: 'outbound-api',
          num_segments: '1',
          num_media: '0',
          messaging_service_sid: 'MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
          account_sid: 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
          body: 'testing',
        },
      },
    },
    {
      name: 'documented create example (queued: nothing sent or billed)',
      payload: QUEUED_MESSAGE,
      expected: { status: 'pending', sentAt: null, cost: null, reason: null, createdAt: '2023-08-24T05:01:45.000Z' },
    },
    {
      name: 'undelivered RCS message',
      payload: UNDELIVERED_RCS_MESSAGE,
      expected: {
        channel: 'rcs',
        sender: 'acme_agent',
        status: 'undeliverable',
        final: true,
        reason: {
          code: 'unreachable',
          permanent: false,
          vendorCode: '30003',
          message: 'Unreachable destination handset',
        },
      },
    },
    {
      name: 'unusable dates and price become null',
      payload: { ...DOCUMENTED_MESSAGE, date_sent: '2019-05-24 17:18:28', price: 'free', to: 'nobody' },
      expected: { sentAt: null, cost: null, recipient: null, status: 'sent' },
    },
    { name: 'no sid', payload: { ...DOCUMENTED_MESSAGE, sid: undefined }, decodeError: { paths: ['sid'] } },
    { name: 'numeric status', payload: { ...DOCUMENTED_MESSAGE, status: 3 }, decodeError: { paths: ['status'] } },
  ],
  webhookFixtures: [
    {
      name: 'delivered callback (parsed form)',
      body: DELIVERED_CALLBACK,
      expected: [{ id: 'SMb7c0a2ce80504485a6f653a7110836f5', status: 'delivered', recipient: '+15558675310' }],
    },
    {
      name: 'undelivered RCS callback (raw form body)',
      body: UNDELIVERED_CALLBACK_FORM,
      expected: [{ id: 'SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', channel: 'rcs', status: 'undeliverable' }],
    },
  ],
  statuses: {
    documented: [
      ['queued', 'pending'],
      ['sending', 'pending'],
      ['sent', 'sent'],
      ['delivered', 'delivered'],
      ['undelivered', 'undeliverable'],
      ['failed', 'rejected'],
      ['read', 'read'],
      ['canceled', 'canceled'],
      ['accepted', 'pending'],
      ['scheduled', 'pending'],
      ['receiving', 'pending'],
      ['received', 'delivered'],
    ],
    payloadWith: (status) => ({ ...DOCUMENTED_MESSAGE, status }),
    unseen: ['partially_delivered', 'constructor', '__proto__', 'DELIVERED'],
  },
  junk: { webhook: [null, [], 42, {}, true, 'SmsStatus=sent'] },
  secrets: { fields: ['authToken'], values: [AUTH_TOKEN] },
  server: async () => {
    const messages = seedMessages(140)
    // One message in the window that is not a record (no status): list must skip it and yield the rest.
    const broken = seedMessages(1, Date.parse('2024-06-03T03:00:00Z'))[0]
    if (broken !== undefined) {
      broken.payload.sid = 'SMeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee'
      broken.payload.status = null
      messages.push(broken)
    }
    const server = await startTwilioTestServer({ messages })
    return {
      config: server.config,
      window: { from: '2024-06-03T01:00:00Z', to: '2024-06-03T14:00:00Z' },
      unknownId: 'SM00000000000000000000000000000404',
      pageSize: 20,
      expectedIds: server.expectedIds,
      close: server.close,
    }
  },
  // Twilio can only select messages by DateSent: the adapter's windows are over `sentAt`.
  listInstant: 'sentAt',
})

import { startSimulator } from '@rcs-records/simulator'
import { describeAdapterConformance } from '@rcs-records/testkit'
import { adapter } from '../src/index.js'
import { CALLBACK_EXAMPLE, SEED_EXAMPLE, SPEC_SINGLE } from './fixtures.js'

const KEY = 'live_conformanceKey0001'
const seedItem = SEED_EXAMPLE.data[0]

describeAdapterConformance(adapter, {
  configs: {
    valid: [{ apiKey: KEY }, { apiKey: KEY, timeZone: 'Europe/Kyiv', pageSize: 100, baseUrl: 'http://127.0.0.1:9' }],
    invalid: [
      { config: {}, fields: ['apiKey'] },
      { config: { apiKey: KEY, timeZone: 'Mars/Olympus' }, fields: ['timeZone'] },
      { config: { apiKey: KEY, pageSize: 'big', baseUrl: 'ftp://example.com' }, fields: ['pageSize', 'baseUrl'] },
      { config: { apiKey: KEY, lookbackMonths: 0, concurrency: -1 }, fields: ['lookbackMonths', 'concurrency'] },
    ],
  },
  fixtures: [
    {
      name: 'seed 003 example (verbatim)',
      payload: seedItem,
      expected: {
        id: '26130',
        status: 'pending',
        channel: 'rcs',
        recipient: '+380661234567',
        cost: null,
        createdAt: '2021-04-27T19:44:06.000Z',
        fallback: { channel: 'sms', ids: ['0'], parts: 0 },
      },
    },
    {
      name: 'spec example "single"',
      payload: SPEC_SINGLE.data[0],
      expected: {
        id: '4419393338',
        status: 'delivered',
        channel: 'sms',
        cost: { amount: '0.0100000', currency: 'UAH' },
      },
    },
    { name: 'no status', payload: { id: 1 }, decodeError: { paths: ['status'] } },
    { name: 'no id', payload: { status: 'sent' }, decodeError: { paths: ['id'] } },
  ],
  webhookFixtures: [
    {
      name: 'documented RCS callback',
      body: CALLBACK_EXAMPLE,
      expected: [{ id: '3266500452', status: 'delivered', recipient: '+380997087351', reference: 'hello' }],
    },
  ],
  junk: { webhook: [null, undefined, 42, {}, 'not json', true] },
  statuses: {
    documented: [
      ['scheduled', 'pending'],
      ['moderation', 'pending'],
      ['accepted', 'pending'],
      ['sending', 'pending'],
      ['sent', 'sent'],
      ['delivered', 'delivered'],
      ['read', 'read'],
      ['expired', 'expired'],
      ['failed', 'rejected'],
      ['undelivered', 'undeliverable'],
      ['not_service_user', 'undeliverable'],
      ['not_rcs_user', 'undeliverable'],
      ['not_viber_user', 'undeliverable'],
      ['unknown', 'unknown'],
    ],
    payloadWith: (status) => ({ ...seedItem, status }),
  },
  secrets: { fields: ['apiKey'], values: [KEY] },
  numRuns: 300,
  server: async () => {
    const sim = await startSimulator({ seed: 21, records: { bsg: 400 } })
    const window = sim.truth.window('bsg')
    return {
      config: sim.config.bsg,
      window: { from: window.from, to: new Date(sim.clock.now()).toISOString() },
      unknownId: '999999999',
      expectedIds: (w) => sim.truth.ids('bsg', { from: w.from, to: w.to }),
      callOptions: { from: window.from },
      pageSize: 50,
      close: () => sim.close(),
    }
  },
})

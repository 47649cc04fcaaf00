import { startSimulator } from '@rcs-records/simulator'
import { describeAdapterConformance } from '@rcs-records/testkit'
import { adapter } from '../src/index.js'
import { SEED_RECORD } from './fixtures.js'

const TOKEN = 'conformance-token-0001'
const BASE = 'https://api.spacivox.test'

describeAdapterConformance(adapter, {
  configs: {
    valid: [
      { token: TOKEN, baseUrl: BASE },
      { token: TOKEN, baseUrl: 'http://127.0.0.1:9/', team: 1, sliceHours: 6, includeContent: true, concurrency: 1 },
    ],
    invalid: [
      { config: {}, fields: ['token', 'baseUrl'] },
      { config: { token: TOKEN }, fields: ['baseUrl'] },
      { config: { token: TOKEN, baseUrl: 'ftp://example.com', team: 'one' }, fields: ['baseUrl', 'team'] },
      {
        config: { token: TOKEN, baseUrl: BASE, sliceHours: -1, concurrency: 0 },
        fields: ['sliceHours', 'concurrency'],
      },
    ],
  },
  fixtures: [
    {
      name: 'seed 004 example (verbatim)',
      payload: SEED_RECORD,
      expected: {
        provider: 'spacivox',
        id: '1',
        status: 'sent',
        vendorStatus: 0,
        channel: 'rcs',
        recipient: '+33612345678',
        reference: '123456',
        campaign: '1',
        sentAt: '2015-01-06T10:21:14.243Z',
        updatedAt: '2015-01-06T10:21:14.243Z',
        extra: { job: 1, team: 1, portal: null },
      },
    },
    { name: 'no state', payload: { id: 1 }, decodeError: { paths: ['state'] } },
    { name: 'no id', payload: { state: 0 }, decodeError: { paths: ['id'] } },
  ],
  statuses: {
    documented: [
      [0, 'sent'],
      [1, 'delivered'],
      [2, 'undeliverable'],
      [3, 'rejected'],
      [4, 'read'],
    ],
    payloadWith: (state) => ({ ...SEED_RECORD, state }),
    unseen: [5, 7, -1, 1.5, '1', 'read', 'constructor', '__proto__'],
  },
  secrets: { fields: ['token'], values: [TOKEN] },
  numRuns: 300,
  server: async () => {
    const sim = await startSimulator({ seed: 31, records: { spacivox: 600 } })
    const window = sim.truth.window('spacivox')
    return {
      config: { ...sim.config.spacivox, sliceHours: 12 },
      window: { from: window.from, to: new Date(sim.clock.now()).toISOString() },
      expectedIds: (w) => sim.truth.ids('spacivox', { from: w.from, to: w.to }),
      clock: sim.clock,
      close: () => sim.close(),
    }
  },
})

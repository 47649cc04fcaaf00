import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createClient, RcsError, silentLogger } from '../src/index.js'
import { createHttpTransport } from '../src/kit.js'
import { fakeAdapter, validConfig } from './helpers/fake-adapter.js'
import { fakeClock } from './helpers/fake-clock.js'

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())

describe('an RcsError message names its provider exactly once', () => {
  it('adds `<provider>: ` when the message lacks it', () => {
    expect(new RcsError({ kind: 'auth', provider: 'bsg', message: 'login refused' }).message).toBe('bsg: login refused')
  })

  it('keeps one prefix, and collapses a repeated one, whoever wrapped the message', () => {
    expect(new RcsError({ kind: 'auth', provider: 'bsg', message: 'bsg: login refused' }).message).toBe(
      'bsg: login refused',
    )
    expect(new RcsError({ kind: 'auth', provider: 'bsg', message: 'bsg: bsg: bsg: login refused' }).message).toBe(
      'bsg: login refused',
    )
    const error = new RcsError({ kind: 'provider', provider: 'spacivox', message: 'spacivox: spacivox: GET /j' })
    expect(error.message).toBe('spacivox: GET /j')
    expect(error.stack?.split('\n')[0]).toBe('RcsError: spacivox: GET /j')
    expect(error.toJSON().message).toBe('spacivox: GET /j')
  })

  it('leaves a message without a provider as it is', () => {
    expect(new RcsError({ kind: 'config', message: 'bsg: something' }).message).toBe('bsg: something')
    expect(new RcsError({ kind: 'config', provider: null, message: 'plain' }).message).toBe('plain')
  })

  it('only a whole `<provider>: ` counts as the prefix', () => {
    expect(new RcsError({ kind: 'auth', provider: 'bsg', message: 'bsgx: refused' }).message).toBe('bsg: bsgx: refused')
    expect(new RcsError({ kind: 'auth', provider: 'bsg', message: 'bsg refused' }).message).toBe('bsg: bsg refused')
  })

  it('the transport does not double an adapter message that already names the provider', async () => {
    nock('https://api.example.com').get('/x').reply(403, {})
    const http = createHttpTransport({ provider: 'acme', clock: fakeClock(), retry: { limit: 0 } })
    const result = await http.request({
      url: 'https://api.example.com/x',
      classifyError: () => ({ kind: 'auth', message: 'acme: GET /x answered 403: the token was refused' }),
    })()
    expect(result._tag === 'Left' && result.left.message).toBe('acme: GET /x answered 403: the token was refused')
  })

  it('an adapter bug that throws an error naming the provider is wrapped with the prefix once', async () => {
    const fake = fakeAdapter({
      list: async function* () {
        yield* []
        throw new Error('fake: page 3 exploded')
      },
    })
    const client = createClient({ adapter: fake.definition, config: validConfig(), logger: silentLogger })
    let error: unknown
    try {
      for await (const _ of client.list({ from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' })) {
        // drain
      }
    } catch (caught) {
      error = caught
    }
    expect((error as RcsError).message).toBe('fake: adapter failed unexpectedly: fake: page 3 exploded')
  })
})

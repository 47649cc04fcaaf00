import { RcsError } from '@rcs-records/core'
import { createSecretSet } from '@rcs-records/core/kit'
import { describe, expect, it } from 'vitest'
import { BASE_URL_REQUIRED, ConfigCodec } from '../src/config.js'
import { adapter, default as defaultExport } from '../src/index.js'
import { BASE, makeClient, rejection, TOKEN } from './fixtures.js'

const decode = (config: unknown) => {
  const result = ConfigCodec.decode(config)
  if (result._tag === 'Left') throw new Error('config refused')
  return result.right
}

const configError = (config: Record<string, unknown>): RcsError => {
  try {
    makeClient(config)
  } catch (error) {
    if (RcsError.is(error, 'config')) return error
    throw error
  }
  throw new Error('expected a config error')
}

describe('config', () => {
  it('applies the defaults and drops a trailing slash', () => {
    expect(decode({ token: TOKEN, baseUrl: `${BASE}/` })).toEqual({
      token: TOKEN,
      baseUrl: BASE,
      sliceHours: 24,
      includeContent: false,
      concurrency: 3,
      sliceRecords: 10_000,
    })
    expect(
      decode({ token: TOKEN, baseUrl: BASE, team: 1, sliceHours: 6, includeContent: true, concurrency: 5 }),
    ).toEqual({
      token: TOKEN,
      baseUrl: BASE,
      team: 1,
      sliceHours: 6,
      includeContent: true,
      concurrency: 5,
      sliceRecords: 10_000,
    })
  })

  it('requires baseUrl and says the vendor does not publish its host', () => {
    const error = configError({ baseUrl: undefined })
    expect(error.message).toContain(`baseUrl: missing, expected ${BASE_URL_REQUIRED}`)
    expect(error.message).toContain('the vendor does not publish its host')
  })

  it('refuses a baseUrl that is not an http(s) URL', () => {
    expect(configError({ baseUrl: 'ftp://x' }).message).toContain('baseUrl: expected an http(s) URL')
    expect(configError({ baseUrl: 'https://x/?a=1' }).message).toContain('baseUrl: expected an http(s) URL')
  })

  it('refuses bad fields in one config error that names each and never echoes the token', () => {
    const error = configError({
      token: 'tok_secret_value_1234',
      team: -1,
      sliceHours: 0,
      concurrency: 1.5,
      includeContent: 'yes',
    })
    expect(error.message).toContain('team: expected an integer team id')
    expect(error.message).toContain('sliceHours: expected a positive number of hours')
    expect(error.message).toContain('concurrency: expected an integer ≥ 1')
    expect(error.message).toContain('includeContent: expected boolean')
    expect(JSON.stringify(error)).not.toContain('tok_secret_value_1234')
    expect(configError({ token: '  ' }).message).toContain('token: expected a non-empty string')
    expect(configError({ token: undefined }).message).toContain('token: missing')
  })

  it('declares its name, capabilities and secret fields, as named and default export', () => {
    expect(defaultExport).toBe(adapter)
    expect(adapter.name).toBe('spacivox')
    expect(adapter.capabilities).toEqual({
      get: false,
      getMany: false,
      list: true,
      modifiedSince: true,
      webhooks: false,
    })
    expect(adapter.secretFields).toEqual(['token'])
  })
})

describe('unsupported lookups', () => {
  it('get and getMany fail with unsupported, pointing at list', async () => {
    const client = makeClient()
    const get = await rejection(client.get('1'))
    expect(RcsError.is(get, 'unsupported')).toBe(true)
    expect((get as RcsError).message).toMatch(/list\(\)/)
    expect(RcsError.is(await rejection(client.getMany(['1', '2'])), 'unsupported')).toBe(true)
  })

  it('the adapter itself refuses them too, with a message naming list', async () => {
    const instance = adapter.create(decode({ token: TOKEN, baseUrl: BASE }), {
      http: { request: () => async () => Promise.reject(new Error('no request expected')), secrets: createSecretSet() },
      clock: { now: () => 0, sleep: async () => {} },
      logger: { debug() {}, info() {}, warn() {}, error() {} },
    })
    const get = await instance.get('1')()
    const getMany = await instance.getMany(['1'])()
    expect(get._tag === 'Left' && get.left.kind).toBe('unsupported')
    expect(get._tag === 'Left' && get.left.message).toContain('use list({ from, to })')
    expect(getMany._tag === 'Left' && getMany.left.kind).toBe('unsupported')
    expect(getMany._tag === 'Left' && getMany.left.provider).toBe('spacivox')
  })
})

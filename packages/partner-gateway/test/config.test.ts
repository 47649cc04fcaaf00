import { createClient, RcsError } from '@rcs-records/core'
import { validateConfig } from '@rcs-records/core/kit'
import { describe, expect, it } from 'vitest'
import { ConfigCodec } from '../src/config.js'
import { adapter } from '../src/index.js'
import { API_KEY } from './fixtures.js'

const decode = (config: unknown) => {
  const result = ConfigCodec.decode(config)
  if (result._tag === 'Left') throw new Error('expected a valid config')
  return result.right
}

const configError = (config: unknown) => {
  const result = validateConfig(adapter, config)
  if (result._tag === 'Right') throw new Error('expected a config error')
  return result.left
}

describe('config: defaults', () => {
  it('applies every documented default', () => {
    expect(decode({ apiKey: API_KEY })).toEqual({
      apiKey: API_KEY,
      baseUrl: 'https://lora-api.agiletelecom.com/api',
      channel: 'rcs',
      idsPerRequest: 200,
      maxUrlLength: 4000,
      pageSize: 100,
      maxPages: 10_000,
      currency: 'EUR',
      concurrency: 4,
      listConcurrency: 1,
    })
  })

  it('keeps given values and drops a trailing slash of baseUrl', () => {
    const config = decode({
      username: 'acme',
      password: 'pässword-1',
      baseUrl: 'http://127.0.0.1:8080/api/',
      channel: 'whatsapp',
      idsPerRequest: 50,
      maxUrlLength: 2000,
      pageSize: 20,
      maxPages: 5,
      currency: 'USD',
      concurrency: 2,
      listConcurrency: 3,
    })
    expect(config).toEqual({
      username: 'acme',
      password: 'pässword-1',
      baseUrl: 'http://127.0.0.1:8080/api',
      channel: 'whatsapp',
      idsPerRequest: 50,
      maxUrlLength: 2000,
      pageSize: 20,
      maxPages: 5,
      currency: 'USD',
      concurrency: 2,
      listConcurrency: 3,
    })
    expect(ConfigCodec.is(config)).toBe(true)
  })
})

describe('config: exactly one auth method', () => {
  it('rejects a config with none, naming apiKey', () => {
    const error = configError({})
    expect(error.kind).toBe('config')
    expect(error.message).toContain('apiKey: missing, expected exactly one auth method')
  })

  it('rejects apiKey together with username/password', () => {
    const error = configError({ apiKey: API_KEY, username: 'acme', password: 'secret-password' })
    expect(error.message).toContain(
      'apiKey: expected exactly one auth method: apiKey, or username + password (not both)',
    )
    expect(error.message).not.toContain(API_KEY)
    expect(error.message).not.toContain('secret-password')
  })

  it('needs both halves of Basic auth', () => {
    expect(configError({ username: 'acme' }).message).toContain('password: missing')
    expect(configError({ password: 'secret-password' }).message).toContain('username: missing')
  })

  it('rejects empty credentials', () => {
    expect(configError({ apiKey: '  ' }).message).toContain('apiKey: expected a non-empty string')
  })
})

describe('config: ranges, with every failing field in one error', () => {
  it('names each bad field and what was expected, never the values', () => {
    const error = configError({
      apiKey: API_KEY,
      baseUrl: 'ftp://example.com',
      channel: 'viber',
      idsPerRequest: 0,
      maxUrlLength: 100,
      pageSize: 5000,
      maxPages: 0,
      currency: 'euro',
      concurrency: 1.5,
    })
    const paths = (error.details as { fields: Array<{ path: string }> }).fields.map((field) => field.path)
    expect(paths.sort()).toEqual(
      ['baseUrl', 'channel', 'concurrency', 'currency', 'idsPerRequest', 'maxPages', 'maxUrlLength', 'pageSize'].sort(),
    )
    expect(error.message).toContain('currency: expected an ISO 4217 currency code such as EUR')
    expect(error.message).not.toContain('euro')
    expect(error.message).not.toContain(API_KEY)
  })

  it('rejects a config that is not an object', () => {
    expect(configError('apiKey=x').kind).toBe('config')
    expect(configError(null).kind).toBe('config')
  })
})

describe('config: through createClient', () => {
  it('throws one config RcsError', () => {
    // @ts-expect-error: no auth method is a compile error too; this test is about the run-time check
    expect(() => createClient({ adapter, config: { channel: 'rcs' } })).toThrow(RcsError)
  })

  it('refuses plain http to a non-loopback host', () => {
    expect(() => createClient({ adapter, config: { apiKey: API_KEY, baseUrl: 'http://example.com/api' } })).toThrow(
      /http/,
    )
  })

  it('declares apiKey and password as secret fields and the lead-decided capabilities', () => {
    expect(adapter.secretFields).toEqual(['apiKey', 'password'])
    expect(adapter.capabilities).toEqual({
      get: true,
      getMany: 'native',
      list: true,
      modifiedSince: false,
      webhooks: true,
    })
    expect(adapter.name).toBe('partner-gateway')
  })
})

import { RcsError } from '@rcs-records/core'
import { describe, expect, it } from 'vitest'
import { ConfigCodec } from '../src/config.js'
import { adapter } from '../src/index.js'
import { API_KEY, makeClient } from './fixtures.js'

const decode = (config: unknown) => {
  const result = ConfigCodec.decode(config)
  if (result._tag === 'Left') throw new Error('config refused')
  return result.right
}

describe('config', () => {
  it('applies the defaults', () => {
    expect(decode({ apiKey: API_KEY })).toEqual({
      apiKey: API_KEY,
      baseUrl: 'https://one-api.bsg.world',
      timeZone: 'UTC',
      pageSize: 500,
      maxPages: 100_000,
      refreshAheadMs: 300_000,
      lookbackMonths: 3,
      concurrency: 4,
      listConcurrency: 1,
    })
  })

  it('clamps pageSize to 15–500 and drops a trailing slash of baseUrl', () => {
    expect(decode({ apiKey: API_KEY, pageSize: 1000 }).pageSize).toBe(500)
    expect(decode({ apiKey: API_KEY, pageSize: 3 }).pageSize).toBe(15)
    expect(decode({ apiKey: API_KEY, baseUrl: 'http://127.0.0.1:8080/' }).baseUrl).toBe('http://127.0.0.1:8080')
  })

  it('refuses bad fields in one config error that names each and never echoes the key', () => {
    let caught: unknown
    try {
      makeClient({ apiKey: 'live_secret_value_1234', timeZone: 'Mars/Olympus', pageSize: 'big', baseUrl: 'ftp://x' })
    } catch (error) {
      caught = error
    }
    expect(RcsError.is(caught, 'config')).toBe(true)
    const error = caught as RcsError
    expect(error.message).toContain('timeZone: expected an IANA time zone')
    expect(error.message).toContain('pageSize: expected an integer')
    expect(error.message).toContain('baseUrl: expected an https URL')
    expect(JSON.stringify(error)).not.toContain('live_secret_value_1234')
  })

  it('requires the api key', () => {
    expect(() => makeClient({ apiKey: undefined })).toThrow(/apiKey: missing/)
    expect(() => makeClient({ apiKey: '  ' })).toThrow(/apiKey: expected a non-empty string/)
  })

  it('declares its capabilities and secret fields', () => {
    expect(adapter.name).toBe('bsg')
    expect(adapter.capabilities).toEqual({
      get: true,
      getMany: 'emulated',
      list: true,
      modifiedSince: false,
      webhooks: true,
    })
    expect(adapter.secretFields).toEqual(['apiKey'])
  })
})

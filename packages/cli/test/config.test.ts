import { describe, expect, it } from 'vitest'
import { CliError } from '../src/cli-error.js'
import { parseConfigText } from '../src/config/config-file.js'
import { envConfigFor } from '../src/config/env-config.js'
import { resolveConfigs } from '../src/config/resolve-config.js'

const CANARY = 'canary-secret-9f3b1c7d'

const configError = (run: () => unknown): CliError => {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(CliError)
    return error as CliError
  }
  throw new Error('expected a CliError')
}

describe('parseConfigText', () => {
  it('reads a single-provider file', () => {
    expect(parseConfigText('{"provider":"bsg","apiKey":"k","timeZone":"Europe/Kyiv"}', 'f.json')).toEqual({
      providers: { bsg: { apiKey: 'k', timeZone: 'Europe/Kyiv' } },
      defaultProvider: 'bsg',
    })
  })

  it('reads a file keyed by provider (what simulate prints)', () => {
    expect(
      parseConfigText('{"bsg":{"apiKey":"k"},"spacivox":{"token":"t","baseUrl":"http://127.0.0.1:1"}}', 'f'),
    ).toEqual({
      providers: { bsg: { apiKey: 'k' }, spacivox: { token: 't', baseUrl: 'http://127.0.0.1:1' } },
    })
  })

  it('reports invalid JSON with a position but never the content (which may hold secrets)', () => {
    const error = configError(() => parseConfigText(`{\n  "apiKey": "${CANARY}",\n}`, 'creds.json'))
    expect(error.exitCode).toBe(3)
    expect(error.message).toMatch(/^config file creds\.json is not valid JSON at line 3, column \d+$/)
    expect(error.message).not.toContain(CANARY)
  })

  it.each([
    ['[1]', /must hold a JSON object/],
    ['{"provider":42}', /"provider" must be a provider name/],
    [`{"bsg":"${CANARY}"}`, /the value of "bsg" is not an object/],
  ])('rejects %s as a config error without echoing values', (text, pattern) => {
    const error = configError(() => parseConfigText(text, 'f.json'))
    expect(error.exitCode).toBe(3)
    expect(error.message).toMatch(pattern)
    expect(error.message).not.toContain(CANARY)
  })
})

describe('resolveConfigs', () => {
  const env = {
    RCS_BSG_API_KEY: 'env-key',
    RCS_BSG_BASE_URL: 'http://127.0.0.1:9/env',
    RCS_SPACIVOX_TOKEN: 'env-token',
  }

  it('maps the documented environment variables to config fields', () => {
    expect(
      envConfigFor('partner-gateway', {
        RCS_PG_API_KEY: 'a',
        RCS_PG_USERNAME: 'u',
        RCS_PG_PASSWORD: 'p',
        RCS_PG_BASE_URL: 'b',
      }),
    ).toEqual({ apiKey: 'a', username: 'u', password: 'p', baseUrl: 'b' })
    expect(envConfigFor('spacivox', { RCS_SPACIVOX_TOKEN: '', RCS_SPACIVOX_BASE_URL: 'b' })).toEqual({ baseUrl: 'b' })
  })

  it('applies flags over the file over the environment', () => {
    const file = { providers: { bsg: { apiKey: 'file-key', baseUrl: 'http://127.0.0.1:9/file', timeZone: 'UTC' } } }
    expect(resolveConfigs({ flags: { provider: 'bsg' }, env }, { many: false })).toEqual([
      { provider: 'bsg', config: { apiKey: 'env-key', baseUrl: 'http://127.0.0.1:9/env' } },
    ])
    expect(resolveConfigs({ flags: { provider: 'bsg' }, file, env }, { many: false })).toEqual([
      { provider: 'bsg', config: { apiKey: 'file-key', baseUrl: 'http://127.0.0.1:9/file', timeZone: 'UTC' } },
    ])
    expect(
      resolveConfigs({ flags: { provider: 'bsg', baseUrl: 'http://127.0.0.1:9/flag' }, file, env }, { many: false }),
    ).toEqual([
      { provider: 'bsg', config: { apiKey: 'file-key', baseUrl: 'http://127.0.0.1:9/flag', timeZone: 'UTC' } },
    ])
  })

  it('takes the provider from the flag, then the file, then RCS_PROVIDER, then the only provider in the env', () => {
    const file = { providers: { spacivox: { token: 't' } }, defaultProvider: 'spacivox' }
    expect(resolveConfigs({ flags: {}, file, env }, { many: false })[0]?.provider).toBe('spacivox')
    expect(resolveConfigs({ flags: {}, env: { ...env, RCS_PROVIDER: 'bsg' } }, { many: false })[0]?.provider).toBe(
      'bsg',
    )
    expect(resolveConfigs({ flags: {}, env: { RCS_SPACIVOX_TOKEN: 't' } }, { many: false })[0]?.provider).toBe(
      'spacivox',
    )
    const error = configError(() => resolveConfigs({ flags: {}, env: {} }, { many: false }))
    expect(error.exitCode).toBe(3)
    expect(error.message).toMatch(/^no provider: pass --provider/)
  })

  it('allows several providers only where the command can take them', () => {
    const file = { providers: { bsg: { apiKey: 'k' }, spacivox: { token: 't' } } }
    expect(resolveConfigs({ flags: {}, file, env: {} }, { many: true }).map((c) => c.provider)).toEqual([
      'bsg',
      'spacivox',
    ])
    expect(resolveConfigs({ flags: { provider: 'all' }, file, env: {} }, { many: true })).toHaveLength(2)
    expect(
      configError(() => resolveConfigs({ flags: {}, file, filePath: 'f.json', env: {} }, { many: false })).message,
    ).toBe('f.json holds several providers (bsg, spacivox); choose one with --provider')
    expect(
      configError(() => resolveConfigs({ flags: { provider: 'bsg,spacivox' }, env: {} }, { many: false })).exitCode,
    ).toBe(2)
  })
})

describe('HTTP settings', () => {
  const env = { RCS_BSG_API_KEY: 'live_abc' }
  it('come from the file (top level, then per provider) and the flags, and leave the adapter config alone', () => {
    const file = parseConfigText(
      JSON.stringify({
        http: { timeoutMs: 5_000, retry: { limit: 1, baseDelayMs: 100 } },
        bsg: { apiKey: 'k', http: { concurrency: 2, retries: 3 } },
        spacivox: { token: 't', baseUrl: 'https://x.example' },
      }),
      'rcs.json',
    )
    const [bsg, spacivox] = resolveConfigs(
      { flags: { provider: 'bsg,spacivox', http: { timeoutMs: 9_000 } }, file, filePath: 'rcs.json', env },
      { many: true },
    )
    expect(bsg).toEqual({
      provider: 'bsg',
      config: { apiKey: 'k' },
      http: { timeoutMs: 9_000, concurrency: 2, retry: { limit: 3, baseDelayMs: 100 } },
    })
    expect(spacivox?.http).toEqual({ timeoutMs: 9_000, retry: { limit: 1, baseDelayMs: 100 } })
  })

  it('a bad field is a config error naming it, never showing the value', () => {
    const file = parseConfigText(
      JSON.stringify({ provider: 'bsg', apiKey: 'k', http: { retrys: 'secret-ish' } }),
      'rcs.json',
    )
    expect(() => resolveConfigs({ flags: {}, file, filePath: 'rcs.json', env }, { many: false })).toThrow(
      /^rcs\.json: http\.retrys: unknown \(expected timeoutMs/,
    )
    const typed = parseConfigText(JSON.stringify({ provider: 'bsg', http: { allowInsecureHttp: 'yes' } }), 'rcs.json')
    expect(() => resolveConfigs({ flags: {}, file: typed, filePath: 'rcs.json', env }, { many: false })).toThrow(
      /http\.allowInsecureHttp: expected true or false$/,
    )
  })
})

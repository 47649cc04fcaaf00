import { loadClient, RcsError } from '@rcs-records/core'
import type { Vendor } from '@rcs-records/simulator'
import { describe, expect, it } from 'vitest'
import { type Canaries, errorTexts, leaksIn, makeCanaries } from './support/canary.js'
import { captureLogger } from './support/logger.js'
import { clientFor } from './support/vendors.js'

/** A config with a canary in the wrong place, and the config fields the error must name. */
interface BadConfig {
  name: string
  vendor: Vendor
  config: (c: Canaries) => Record<string, unknown>
  fields: readonly string[]
}

const BASE = 'https://api.example.com'
/** Adapter packages resolve from this package (pnpm keeps them out of core's reach). */
const importModule = (name: string): Promise<unknown> => import(name)

const BAD_CONFIGS: readonly BadConfig[] = [
  {
    name: 'API key as an object',
    vendor: 'partner-gateway',
    config: (c) => ({ apiKey: { value: c.apiKey } }),
    fields: ['apiKey'],
  },
  {
    name: 'API key in an array',
    vendor: 'partner-gateway',
    config: (c) => ({ apiKey: [c.apiKey] }),
    fields: ['apiKey'],
  },
  {
    name: 'password as a number-like object, username fine',
    vendor: 'partner-gateway',
    config: (c) => ({ username: c.username, password: { secret: c.password } }),
    fields: ['password'],
  },
  {
    name: 'API key pasted into channel',
    vendor: 'partner-gateway',
    config: (c) => ({ apiKey: 42, channel: c.apiKey }),
    fields: ['apiKey', 'channel'],
  },
  {
    name: 'API key pasted into currency',
    vendor: 'partner-gateway',
    config: (c) => ({ apiKey: c.apiKey, currency: c.apiKey }),
    fields: ['currency'],
  },
  {
    name: 'password pasted into baseUrl',
    vendor: 'partner-gateway',
    config: (c) => ({ apiKey: 7, baseUrl: c.password }),
    fields: ['apiKey', 'baseUrl'],
  },
  { name: 'API key as an object', vendor: 'bsg', config: (c) => ({ apiKey: { key: c.apiKey } }), fields: ['apiKey'] },
  {
    name: 'API key pasted into timeZone',
    vendor: 'bsg',
    config: (c) => ({ apiKey: 12, timeZone: c.apiKey }),
    fields: ['apiKey', 'timeZone'],
  },
  {
    name: 'API key pasted into baseUrl',
    vendor: 'bsg',
    config: (c) => ({ apiKey: c.apiKey, baseUrl: c.apiKey }),
    fields: ['baseUrl'],
  },
  {
    name: 'API key pasted into pageSize',
    vendor: 'bsg',
    config: (c) => ({ apiKey: true, pageSize: c.apiKey }),
    fields: ['apiKey', 'pageSize'],
  },
  {
    name: 'token as an object',
    vendor: 'spacivox',
    config: (c) => ({ token: { bearer: c.token }, baseUrl: BASE }),
    fields: ['token'],
  },
  {
    name: 'token pasted into baseUrl',
    vendor: 'spacivox',
    config: (c) => ({ token: 1, baseUrl: c.token }),
    fields: ['token', 'baseUrl'],
  },
  {
    name: 'token pasted into sliceHours',
    vendor: 'spacivox',
    config: (c) => ({ token: c.token, baseUrl: BASE, sliceHours: c.token }),
    fields: ['sliceHours'],
  },
]

const expectConfigError = (error: unknown, canaries: Canaries, fields: readonly string[]) => {
  expect(error).toBeInstanceOf(RcsError)
  expect((error as RcsError).kind).toBe('config')
  const named = ((error as RcsError).details as { fields: { path: string }[] }).fields.map((field) => field.path)
  for (const field of fields) expect(named).toContain(field)
  expect(leaksIn(errorTexts(error), canaries)).toEqual([])
}

describe('invalid config: a secret in a wrong-typed or wrong field is never echoed', () => {
  it.each(BAD_CONFIGS)('$vendor: $name → a config error naming the fields, without the secret', (bad) => {
    const canaries = makeCanaries()
    const captured = captureLogger()
    let error: unknown = null
    try {
      clientFor(bad.vendor, { config: bad.config(canaries), logger: captured.logger })
    } catch (caught) {
      error = caught
    }
    expectConfigError(error, canaries, bad.fields)
    expect(leaksIn(captured.text(), canaries)).toEqual([])
  })

  it.each(BAD_CONFIGS)('loadClient, $vendor: $name → the same config error', async (bad) => {
    const canaries = makeCanaries()
    const error = await loadClient({ provider: bad.vendor, ...bad.config(canaries) }, { importModule }).then(
      () => null,
      (caught: unknown) => caught,
    )
    expectConfigError(error, canaries, bad.fields)
  })
})

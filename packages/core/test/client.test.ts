import { isLeft, left, right } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROVIDERS, createClient, loadClient, type RcsClient, RcsError, silentLogger } from '../src/index.js'
import { type FakeBehaviour, fakeAdapter, record, validConfig } from './helpers/fake-adapter.js'
import { fakeClock } from './helpers/fake-clock.js'

const notFound = (id: string) => new RcsError({ kind: 'not_found', provider: 'fake', message: `no ${id}` })

const client = (behaviour: FakeBehaviour = {}, extra: { concurrency?: number } = {}) => {
  const fake = fakeAdapter(behaviour)
  const instance = createClient({
    adapter: fake.definition,
    config: validConfig(),
    logger: silentLogger,
    ...(extra.concurrency === undefined ? {} : { http: { concurrency: extra.concurrency } }),
  })
  return { client: instance, ...fake }
}

/** The RcsError a promise rejects with. */
const failure = async (promise: Promise<unknown>): Promise<RcsError> => {
  try {
    await promise
  } catch (error) {
    if (error instanceof RcsError) return error
    throw error
  }
  throw new Error('expected a rejection')
}

const thrown = (fn: () => unknown): RcsError => {
  try {
    fn()
  } catch (error) {
    if (error instanceof RcsError) return error
    throw error
  }
  throw new Error('expected a throw')
}

describe('createClient: config', () => {
  it('creates the adapter with the decoded config and a context (transport, clock, logger)', () => {
    const clock = fakeClock()
    const { definition, created } = fakeAdapter()
    const c = createClient({ adapter: definition, config: validConfig(), clock, logger: silentLogger })
    expect(c.provider).toBe('fake')
    expect(c.capabilities).toBe(definition.capabilities)
    expect(created).toHaveLength(1)
    expect(created[0]?.config).toMatchObject({ apiKey: 'fake-api-key-0123456789', limits: { pageSize: 100 } })
    expect(created[0]?.ctx.clock).toBe(clock)
    expect(typeof created[0]?.ctx.http.request).toBe('function')
  })

  it("hands the adapter the caller's logger behind the client's redaction", () => {
    const lines: unknown[] = []
    const push = (message: string, fields?: Record<string, unknown>) => lines.push([message, fields])
    const { definition, created } = fakeAdapter()
    createClient({
      adapter: definition,
      config: validConfig(),
      logger: { debug: push, info: push, warn: push, error: push },
    })
    const logger = created[0]?.ctx.logger
    logger?.warn('key fake-api-key-0123456789 refused', { key: 'fake-api-key-0123456789', n: 1 })
    logger?.debug('plain', { n: 2 })
    expect(lines).toEqual([
      ['key [REDACTED] refused', { key: '[REDACTED]', n: 1 }],
      ['plain', { n: 2 }],
    ])
  })

  it('reports every missing field in one config error', () => {
    const error = thrown(() => createClient({ adapter: fakeAdapter().definition, config: {} }))
    expect(error.kind).toBe('config')
    expect(error.provider).toBe('fake')
    expect(error.message).toBe(
      'fake: invalid config: apiKey: missing, expected string; baseUrl: missing, expected string; limits: missing, expected { pageSize: number }',
    )
    expect((error.details as { fields: Array<{ path: string }> }).fields.map((f) => f.path)).toEqual([
      'apiKey',
      'baseUrl',
      'limits',
    ])
  })

  it('reports every invalid field with its path and what was expected, never the values', () => {
    const config = {
      apiKey: 424242424242,
      baseUrl: ['https://x'],
      limits: { pageSize: 'hundred-and-one' },
      timeZone: 7,
    }
    const error = thrown(() => createClient({ adapter: fakeAdapter().definition, config }))
    expect(error.message).toBe(
      'fake: invalid config: apiKey: expected string; baseUrl: expected string; limits.pageSize: expected number; timeZone: expected string or undefined',
    )
    for (const value of ['424242424242', 'https://x', 'hundred-and-one']) {
      expect(error.message).not.toContain(value)
      expect(JSON.stringify(error)).not.toContain(value)
    }
  })

  it('reports a config that is not an object at all', () => {
    expect(thrown(() => createClient({ adapter: fakeAdapter().definition, config: null })).message).toMatch(
      /^fake: invalid config: \(config\): expected/,
    )
  })

  it('refuses plain http:// to a non-loopback host unless http.allowInsecureHttp', () => {
    const { definition, created } = fakeAdapter()
    const error = thrown(() =>
      createClient({ adapter: definition, config: validConfig({ baseUrl: 'http://api.fake.example' }) }),
    )
    expect(error.kind).toBe('config')
    expect(error.message).toMatch(/allowInsecureHttp/)
    expect(created).toHaveLength(0)
    createClient({
      adapter: definition,
      config: validConfig({ baseUrl: 'http://api.fake.example' }),
      http: { allowInsecureHttp: true },
    })
    createClient({ adapter: definition, config: validConfig({ baseUrl: 'http://127.0.0.1:8787' }) })
    expect(created).toHaveLength(2)
  })

  it('registers the configured credentials, so an adapter error that echoes them is redacted', async () => {
    const { client: c } = client({
      get: () => async () => left(new RcsError({ kind: 'auth', message: 'key fake-api-key-0123456789 refused' })),
    })
    const error = await failure(c.get('1'))
    expect(error.message).toBe('key [REDACTED] refused')
  })
})

describe('createClient: calls', () => {
  const good = record('1', 'delivered')

  it('get resolves the record or throws the RcsError; te.get returns the Either', async () => {
    const { client: c } = client({
      get: (id) => async () => (id === '1' ? right(good) : left(notFound(id))),
    })
    expect(await c.get('1')).toBe(good)
    await expect(c.get('2')).rejects.toMatchObject({ kind: 'not_found' })
    expect(await c.te.get('1')()).toEqual(right(good))
    expect((await c.te.get('2')())._tag).toBe('Left')
  })

  it('get refuses an empty id as bad_request without calling the adapter', async () => {
    let calls = 0
    const { client: c } = client({
      get: () => async () => {
        calls++
        return right(good)
      },
    })
    await expect(c.get('')).rejects.toMatchObject({ kind: 'bad_request' })
    await expect(c.get('  ')).rejects.toMatchObject({ kind: 'bad_request' })
    expect(calls).toBe(0)
  })

  it('an adapter whose task rejects with a foreign error still gives an RcsError / a Left', async () => {
    const { client: c } = client({
      get: () => async () => {
        throw new TypeError('adapter bug')
      },
    })
    const error = await c.get('1').catch((e: unknown) => e)
    expect(RcsError.is(error, 'provider')).toBe(true)
    expect((error as RcsError).message).toMatch(/adapter bug/)
    expect(isLeft(await c.te.get('1')())).toBe(true)
  })

  it('normalize / parseWebhook return or throw; te versions return Either; foreign throws become RcsError', () => {
    const decodeFailure = new RcsError({ kind: 'decode', message: 'bad' })
    const { client: c } = client({
      normalize: (payload) => (payload === 'bad' ? left(decodeFailure) : right(good)),
      parseWebhook: (body) => {
        if (body === 'boom') throw new Error('parser bug')
        return right([good, good])
      },
    })
    expect(c.normalize({})).toBe(good)
    expect(thrown(() => c.normalize('bad'))).toBe(decodeFailure)
    expect(c.te.normalize('bad')).toEqual(left(decodeFailure))
    expect(c.parseWebhook({})).toEqual([good, good])
    expect(thrown(() => c.parseWebhook('boom')).kind).toBe('provider')
    expect(isLeft(c.te.parseWebhook('boom'))).toBe(true)
  })

  it('list streams the adapter records, requires `from`, and turns foreign errors into RcsErrors', async () => {
    const { client: c } = client({
      list: async function* (query) {
        yield record('1', 'sent')
        if (query.campaign === 'fail') throw new Error('list bug')
        yield record('2', 'read')
      },
    })
    const ids: string[] = []
    for await (const r of c.list({ from: '2026-01-01T00:00:00Z' })) ids.push(r.id)
    expect(ids).toEqual(['1', '2'])
    const collect = async (query: Parameters<RcsClient['list']>[0]) => {
      for await (const _ of c.list(query)) {
        // drain
      }
    }
    await expect(collect({ from: '2026-01-01', campaign: 'fail' })).rejects.toMatchObject({ kind: 'provider' })
    await expect(collect({} as never)).rejects.toMatchObject({ kind: 'bad_request' })
  })

  it('unsupported capabilities fail with kind unsupported', async () => {
    const { client: c } = client({ capabilities: { get: false, getMany: false, list: false, webhooks: false } })
    await expect(c.get('1')).rejects.toMatchObject({ kind: 'unsupported' })
    await expect(c.getMany(['1'])).rejects.toMatchObject({ kind: 'unsupported' })
    expect(isLeft(await c.te.get('1')())).toBe(true)
    await expect(
      (async () => {
        for await (const _ of c.list({ from: '2026-01-01' })) {
          // drain
        }
      })(),
    ).rejects.toMatchObject({ kind: 'unsupported' })
    expect(thrown(() => c.parseWebhook({})).kind).toBe('unsupported')
    expect(isLeft(c.te.parseWebhook({}))).toBe(true)
  })

  it('native getMany goes to the adapter as is', async () => {
    const asked: string[][] = []
    const { client: c } = client({
      capabilities: { getMany: 'native' },
      getMany: (ids) => async () => {
        asked.push([...ids])
        return right({ records: [good], missing: ['x'] })
      },
    })
    expect(await c.getMany(['1', 'x'])).toEqual({ records: [good], missing: ['x'] })
    expect(asked).toEqual([['1', 'x']])
  })
})

describe('getMany emulated by core (an adapter with get only)', () => {
  const slowGet =
    (state: { inFlight: number; peak: number; asked: string[] }, fail?: (id: string) => RcsError | null) =>
    (id: string) =>
    async () => {
      state.asked.push(id)
      state.inFlight++
      state.peak = Math.max(state.peak, state.inFlight)
      await new Promise((resolve) => setTimeout(resolve, 5))
      state.inFlight--
      const failure = fail?.(id) ?? null
      return failure === null ? right(record(id, 'sent')) : left(failure)
    }

  it('runs at most `concurrency` gets at once, keeps input order, asks each id once, reports not_found as missing', async () => {
    const state = { inFlight: 0, peak: 0, asked: [] as string[] }
    const ids = ['5', '3', 'gone-1', '9', '3', '1', 'gone-2', '7', '5', '2']
    const { client: c } = client(
      {
        capabilities: { getMany: false },
        get: slowGet(state, (id) => (id.startsWith('gone') ? notFound(id) : null)),
      },
      { concurrency: 3 },
    )
    const result = await c.getMany(ids)
    expect(result.records.map((r) => r.id)).toEqual(['5', '3', '9', '1', '7', '2'])
    expect(result.missing).toEqual(['gone-1', 'gone-2'])
    expect(state.peak).toBe(3)
    expect([...state.asked].sort()).toEqual(['1', '2', '3', '5', '7', '9', 'gone-1', 'gone-2'].sort())
  })

  it('an adapter declaring getMany "emulated" runs its own (its own concurrency, e.g. BSG `concurrency`)', async () => {
    const asked: string[][] = []
    const { client: c } = client(
      {
        capabilities: { getMany: 'emulated' },
        get: () => async () => left(notFound('x')),
        getMany: (ids) => async () => {
          asked.push([...ids])
          return right({ records: [record('a', 'sent')], missing: [] })
        },
      },
      { concurrency: 3 },
    )
    expect((await c.getMany(['a'])).records.map((r) => r.id)).toEqual(['a'])
    expect(asked).toEqual([['a']])
  })

  it('fails as a whole on any other error, and stops starting new gets', async () => {
    const state = { inFlight: 0, peak: 0, asked: [] as string[] }
    const ids = Array.from({ length: 20 }, (_, i) => String(i))
    const { client: c } = client(
      {
        capabilities: { getMany: false },
        get: slowGet(state, (id) =>
          id === '1' ? new RcsError({ kind: 'auth', provider: 'fake', message: 'token expired' }) : null,
        ),
      },
      { concurrency: 2 },
    )
    await expect(c.getMany(ids)).rejects.toMatchObject({ kind: 'auth', message: 'fake: token expired' })
    expect(state.asked.length).toBeLessThan(ids.length)
    const te = await c.te.getMany(ids)()
    expect(te._tag).toBe('Left')
  })

  it('refuses an empty id in the batch', async () => {
    const { client: c } = client({ get: () => async () => right(record('1', 'sent')) })
    await expect(c.getMany(['1', ''])).rejects.toMatchObject({ kind: 'bad_request' })
  })

  it('returns empty results for no ids', async () => {
    const { client: c } = client({
      capabilities: { getMany: false },
      get: () => async () => right(record('1', 'sent')),
    })
    expect(await c.getMany([])).toEqual({ records: [], missing: [] })
  })
})

describe('loadClient', () => {
  const moduleWith = (exports: Record<string, unknown>) => {
    const asked: string[] = []
    return {
      asked,
      importModule: async (name: string) => {
        asked.push(name)
        return exports
      },
    }
  }

  it.each(Object.entries(BUILT_IN_PROVIDERS))('maps the built-in name %s to %s', async (name, pkg) => {
    const { definition } = fakeAdapter()
    const { asked, importModule } = moduleWith({ adapter: definition })
    const c = await loadClient({ provider: name, ...validConfig() }, { importModule, logger: silentLogger })
    expect(asked).toEqual([pkg])
    expect(c.provider).toBe('fake')
  })

  it('treats any other name as a package name, even names like constructor', async () => {
    const { definition } = fakeAdapter()
    for (const name of ['@acme/rcs-adapter', 'constructor']) {
      const { asked, importModule } = moduleWith({ default: definition })
      await loadClient({ provider: name, ...validConfig() }, { importModule })
      expect(asked).toEqual([name])
    }
  })

  it('passes the config without `provider` to the adapter, and the client options through', async () => {
    const { definition, created } = fakeAdapter()
    const clock = fakeClock()
    // A built-in name with the fake adapter's config: typed as a plain string (bsg's own config type does not apply).
    const provider: string = 'bsg'
    await loadClient({ provider, ...validConfig() }, { importModule: async () => ({ adapter: definition }), clock })
    expect(created[0]?.config).not.toHaveProperty('provider')
    expect(created[0]?.ctx.clock).toBe(clock)
  })

  it('an unknown package is a config error with an install hint', async () => {
    const importModule = async (name: string) => {
      throw Object.assign(new Error(`Cannot find package '${name}' imported from /app`), {
        code: 'ERR_MODULE_NOT_FOUND',
      })
    }
    const error = await failure(loadClient({ provider: 'rcs-nope' }, { importModule }))
    expect(error).toMatchObject({ kind: 'config', provider: 'rcs-nope' })
    expect(error.message).toMatch(/install it \(npm install rcs-nope\)/)
    expect(error.message).toContain('built-in providers: partner-gateway, bsg, spacivox')
    // The caller's importModule did the resolving: nothing about core's folder.
    expect(error.message).not.toMatch(/core's folder|importModule/)
  })

  it('a package the default import cannot find: says importModule resolves it from your code, lists the built-ins', async () => {
    const error = await failure(loadClient({ provider: '@rcs-records/definitely-not-installed' }))
    expect(error.message).toMatch(/install it \(npm install @rcs-records\/definitely-not-installed\)/)
    expect(error.message).toMatch(/from @rcs-records\/core's folder/)
    expect(error.message).toContain('{ importModule: (name) => import(name) }')
    expect(error.message).toContain('built-in providers: partner-gateway, bsg, spacivox')
  })

  it('a package that fails to load for another reason says why', async () => {
    const importModule = async () => {
      throw new SyntaxError('Unexpected token')
    }
    const error = await failure(loadClient({ provider: 'broken-pkg' }, { importModule }))
    expect(error.kind).toBe('config')
    expect(error.message).toMatch(/cannot load the adapter package broken-pkg: Unexpected token/)
  })

  it('the default import reports a package that is not installed as a config error', async () => {
    const error = await failure(loadClient({ provider: '@rcs-records/definitely-not-installed' }))
    expect(RcsError.is(error, 'config')).toBe(true)
  })

  it('a module without an adapter definition is a config error', async () => {
    for (const exports of [{}, { adapter: { name: 'x' } }, { default: 42 }]) {
      const error = await failure(loadClient({ provider: 'x' }, { importModule: async () => exports }))
      expect(error.kind).toBe('config')
      expect(error.message).toMatch(/does not export an adapter definition/)
    }
  })

  it('a missing provider is a config error', async () => {
    const error = await failure(loadClient({} as never))
    expect(error.kind).toBe('config')
    expect(error.message).toMatch(/provider: expected one of partner-gateway, bsg, spacivox/)
  })

  it('config errors of the adapter propagate', async () => {
    const { definition } = fakeAdapter()
    // Typed as a plain string: this config is meant to be wrong, which bsg's config type would reject at compile time.
    const provider: string = 'bsg'
    const error = await failure(
      loadClient({ provider, apiKey: 5 }, { importModule: async () => ({ adapter: definition }) }),
    )
    expect(error.kind).toBe('config')
    expect(error.message).toMatch(/^fake: invalid config: apiKey: expected string; baseUrl: missing/)
  })
})

describe('loadClient never echoes a provider that is not a package name', () => {
  it('names the field and hides the value', async () => {
    const secret = 'live_Zq8!canary+secret/value=='
    const error = await loadClient({ provider: secret }).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'config' })
    expect(String((error as Error).message)).toContain('provider')
    expect(String((error as Error).message)).not.toContain(secret)
  })
})

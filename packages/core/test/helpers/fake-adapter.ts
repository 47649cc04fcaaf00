import type { Either } from 'fp-ts/lib/Either.js'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import * as t from 'io-ts'
import type {
  Adapter,
  AdapterDefinition,
  CallOptions,
  Capabilities,
  DeliveryStatus,
  ListQuery,
  RcsError,
  RcsRecord,
} from '../../src/index.js'
import { type AdapterContext, buildRecord } from '../../src/kit.js'

export const FakeConfig = t.type({
  apiKey: t.string,
  baseUrl: t.string,
  limits: t.type({ pageSize: t.number }),
  timeZone: t.union([t.string, t.undefined]),
})
export type FakeConfig = t.TypeOf<typeof FakeConfig>

export const validConfig = (overrides: Partial<Record<keyof FakeConfig, unknown>> = {}): Record<string, unknown> => ({
  apiKey: 'fake-api-key-0123456789',
  baseUrl: 'https://api.fake.example',
  limits: { pageSize: 100 },
  ...overrides,
})

export const record = (id: string, status: DeliveryStatus, extra: Partial<RcsRecord> = {}): RcsRecord =>
  buildRecord({ provider: 'fake', id, status, vendorStatus: status, raw: { id, status }, ...extra })

/** What a test plugs into the fake adapter; anything left out behaves as "not implemented". */
export interface FakeBehaviour {
  capabilities?: Partial<Capabilities>
  get?: (id: string, opts?: CallOptions) => TaskEither<RcsError, RcsRecord>
  getMany?: (
    ids: readonly string[],
    opts?: CallOptions,
  ) => TaskEither<RcsError, { records: RcsRecord[]; missing: string[] }>
  list?: (query: ListQuery) => AsyncIterable<RcsRecord>
  normalize?: (payload: unknown) => Either<RcsError, RcsRecord>
  parseWebhook?: (body: unknown) => Either<RcsError, RcsRecord[]>
}

/** A tiny adapter definition for client tests, recording how core created it. */
export const fakeAdapter = (behaviour: FakeBehaviour = {}) => {
  const created: Array<{ config: FakeConfig; ctx: AdapterContext }> = []
  const notImplemented = (what: string) => {
    throw new Error(`fake adapter: ${what} not implemented in this test`)
  }
  const definition: AdapterDefinition<FakeConfig> = {
    name: 'fake',
    configCodec: FakeConfig,
    secretFields: ['apiKey'],
    capabilities: {
      get: true,
      getMany: 'emulated',
      list: true,
      modifiedSince: false,
      webhooks: true,
      ...behaviour.capabilities,
    },
    create: (config, ctx) => {
      created.push({ config, ctx })
      const adapter: Adapter = {
        get: (id, opts) => behaviour.get?.(id, opts) ?? notImplemented('get'),
        getMany: (ids, opts) => behaviour.getMany?.(ids, opts) ?? notImplemented('getMany'),
        list: (query) => behaviour.list?.(query) ?? notImplemented('list'),
        normalize: (payload) => behaviour.normalize?.(payload) ?? notImplemented('normalize'),
      }
      if (behaviour.parseWebhook !== undefined) adapter.parseWebhook = behaviour.parseWebhook
      return adapter
    },
  }
  return { definition, created }
}

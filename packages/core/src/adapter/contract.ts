import type { Either } from 'fp-ts/lib/Either.js'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import type * as t from 'io-ts'
import type { RcsError } from '../errors/rcs-error.js'
import type { HttpTransport } from '../http/types.js'
import type { Channel } from '../model/channel.js'
import type { RcsRecord } from '../model/record.js'
import type { DeliveryStatus } from '../model/status.js'
import type { Clock } from '../runtime/clock.js'
import type { Logger } from '../runtime/logger.js'

/**
 * What an adapter can do. `getMany` is `'native'` when the vendor has a batch lookup, `'emulated'` when core runs
 * bounded concurrent `get`s, `false` when there is no id lookup at all.
 *
 * @example
 * import type { Capabilities } from '@rcs-records/core'
 * const caps: Capabilities = { get: true, getMany: 'native', list: true, modifiedSince: false, webhooks: true }
 */
export interface Capabilities {
  get: boolean
  getMany: 'native' | 'emulated' | false
  list: boolean
  modifiedSince: boolean
  webhooks: boolean
}

/**
 * Options of one lookup.
 *
 * @example
 * import type { CallOptions } from '@rcs-records/core'
 * const options: CallOptions = { channel: 'rcs', from: '2026-01-01T00:00:00Z' }
 */
export interface CallOptions {
  channel?: Channel
  /** How far back a lookup searches. */
  from?: Date | string
  signal?: AbortSignal
}

/**
 * A time-window listing. Filters a vendor cannot apply server-side are applied client-side.
 *
 * @example
 * import type { ListQuery } from '@rcs-records/core'
 * const query: ListQuery = { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z', status: ['undeliverable', 'expired'] }
 */
export interface ListQuery {
  from: Date | string
  to?: Date | string
  status?: DeliveryStatus | DeliveryStatus[]
  channel?: Channel
  campaign?: string
  reference?: string
  modifiedSince?: Date | string
  pageSize?: number
  signal?: AbortSignal
  /** A record in a page that fails to decode: skipped and reported here (default: a logger warning). */
  onInvalid?: (error: RcsError) => void
  /** When true, the list throws that decode error instead of skipping the record. */
  strict?: boolean
}

/**
 * What core hands an adapter when it is created.
 *
 * @example
 * import type { Adapter } from '@rcs-records/core'
 * import type { AdapterContext, HttpTransport } from '@rcs-records/core/kit'
 * declare const makeAdapter: (config: { apiKey: string }, http: HttpTransport, now: () => number) => Adapter
 * const create = (config: { apiKey: string }, ctx: AdapterContext) => makeAdapter(config, ctx.http, ctx.clock.now)
 */
export interface AdapterContext {
  http: HttpTransport
  clock: Clock
  logger: Logger
}

/**
 * One vendor, seen through the canonical model.
 *
 * @example
 * import type { Adapter } from '@rcs-records/core'
 * const statusOf = async (adapter: Adapter, id: string) => (await adapter.get(id)())
 */
export interface Adapter {
  get(id: string, opts?: CallOptions): TaskEither<RcsError, RcsRecord>
  getMany(ids: readonly string[], opts?: CallOptions): TaskEither<RcsError, { records: RcsRecord[]; missing: string[] }>
  /** Pages or slices internally; throws RcsError. */
  list(query: ListQuery): AsyncIterable<RcsRecord>
  /** Pure: one vendor record. */
  normalize(payload: unknown): Either<RcsError, RcsRecord>
  /** Pure: one callback body, possibly batched. */
  parseWebhook?(body: unknown): Either<RcsError, RcsRecord[]>
}

/**
 * An adapter package's default export. `C` is the config the adapter works with (defaults applied); `I` is the config
 * users write, which `createClient` type-checks (misspelt keys and wrong types are compile errors). The codec still
 * validates any value at run time (a `config` RcsError listing every problem): `I` is a compile-time promise only, so
 * a definition without one (`AdapterDefinition<C>`, `I = unknown`) accepts any config at compile time.
 *
 * @example
 * import { createClient, type AdapterDefinition } from '@rcs-records/core'
 * declare const adapter: AdapterDefinition<{ token: string; pageSize: number }, { token: string; pageSize?: number }>
 * const client = createClient({ adapter, config: { token: '…' } })
 */
export interface AdapterDefinition<C, I = unknown> {
  name: string
  /**
   * Validates user config and gives clear errors. It decodes any value (`unknown`); being also a decoder of `I` is
   * what carries the input type to `createClient`.
   */
  configCodec: t.Type<C, unknown, unknown> & t.Decoder<I, C>
  capabilities: Capabilities
  create(config: C, ctx: AdapterContext): Adapter
  /** Config keys whose values are credentials: never echoed in errors. */
  secretFields?: readonly string[]
}

import type { Either } from 'fp-ts/lib/Either.js'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import type { AdapterDefinition, CallOptions, Capabilities, ListQuery } from '../adapter/contract.js'
import type { RcsError } from '../errors/rcs-error.js'
import type { HttpOptions } from '../http/types.js'
import type { RcsRecord } from '../model/record.js'
import type { Clock } from '../runtime/clock.js'
import type { Logger } from '../runtime/logger.js'

/**
 * The result of a batch lookup: records in the order of the ids asked, and the ids the vendor does not know.
 *
 * @example
 * import type { GetManyResult } from '@rcs-records/core'
 * const report = (r: GetManyResult) => `${r.records.length} found, ${r.missing.length} missing`
 */
export interface GetManyResult {
  records: RcsRecord[]
  missing: string[]
}

/**
 * Options of {@link RcsClient.watch}.
 *
 * @example
 * import type { WatchOptions } from '@rcs-records/core'
 * const options: WatchOptions = { intervalMs: 2_000, timeoutMs: 10 * 60_000 }
 */
export interface WatchOptions extends CallOptions {
  /** First pause between polls. Default 5,000 ms. */
  intervalMs?: number
  /** The pause grows by `backoff` after each poll that changed nothing, up to this. Default 60,000 ms. */
  maxIntervalMs?: number
  /** Growth factor of the pause. Default 1.5. */
  backoff?: number
  /** Stop after this long. */
  timeoutMs?: number
  /** Stop at this instant. */
  deadline?: Date | string | number
}

/**
 * What users call. Methods throw {@link RcsError}; `te` has the same operations as fp-ts TaskEither/Either.
 *
 * @example
 * import { createClient } from '@rcs-records/core'
 * import bsg from '@rcs-records/bsg'
 * const client = createClient({ adapter: bsg, config: { apiKey: process.env.BSG_API_KEY } })
 * const record = await client.get('26130')
 */
export interface RcsClient {
  provider: string
  capabilities: Capabilities
  /** One message's record. */
  get(id: string, opts?: CallOptions): Promise<RcsRecord>
  /** Many messages: chunked, bounded concurrency; unknown ids come back in `missing`. */
  getMany(ids: readonly string[], opts?: CallOptions): Promise<GetManyResult>
  /** Every record in a time window, streamed; each once. */
  list(query: ListQuery): AsyncIterable<RcsRecord>
  /** Polls until every id is final, a deadline passes or the signal aborts; yields each change (merged). */
  watch(ids: readonly string[], opts?: WatchOptions): AsyncIterable<RcsRecord>
  /** Pure: one vendor record → RcsRecord. */
  normalize(payload: unknown): RcsRecord
  /** Pure: one callback body → records (none for events that are not statuses). */
  parseWebhook(body: unknown): RcsRecord[]
  te: {
    get(id: string, opts?: CallOptions): TaskEither<RcsError, RcsRecord>
    getMany(ids: readonly string[], opts?: CallOptions): TaskEither<RcsError, GetManyResult>
    normalize(payload: unknown): Either<RcsError, RcsRecord>
    parseWebhook(body: unknown): Either<RcsError, RcsRecord[]>
  }
}

/**
 * Options of `createClient`. `config` has the adapter's config input type `I` (for the built-in adapters, their
 * `ConfigInput`), so a misspelt key or a wrong type is a compile error; it is validated again at run time.
 *
 * @example
 * import type { ClientOptions } from '@rcs-records/core'
 * import { adapter, type Config, type ConfigInput } from '@rcs-records/bsg'
 * const options: ClientOptions<Config, ConfigInput> = { adapter, config: { apiKey: 'live_…' }, http: { timeoutMs: 5_000 } }
 */
export interface ClientOptions<C, I = unknown> {
  adapter: AdapterDefinition<C, I>
  /**
   * Validated by the adapter's `configCodec`; a `config` RcsError lists every problem. Its type comes from `adapter`
   * alone (`NoInfer`), so excess-property checks apply to an object literal.
   */
  config: NoInfer<I>
  http?: HttpOptions
  logger?: Logger
  clock?: Clock
}

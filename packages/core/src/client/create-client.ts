import type { Either } from 'fp-ts/lib/Either.js'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import { type Clock, systemClock } from '../adapter/clock.js'
import type { AdapterContext, CallOptions, ListQuery } from '../adapter/contract.js'
import { consoleLogger, type Logger } from '../adapter/logger.js'
import { RcsError } from '../errors/rcs-error.js'
import { looksLikeCredentialName, registerSecret } from '../errors/secrets.js'
import { unexpectedError } from '../errors/unexpected.js'
import { left } from '../fp/either.js'
import { checkBaseUrl } from '../http/secure-url.js'
import { createHttpTransport, type TransportOptions } from '../http/transport.js'
import type { HttpOptions } from '../http/types.js'
import type { RcsRecord } from '../model/record.js'
import { emulateGetMany } from './emulate-get-many.js'
import type { ClientOptions, GetManyResult, RcsClient } from './types.js'
import { validateConfig } from './validate-config.js'
import { watchRecords } from './watch.js'

/** Registers every credential in a config: the adapter's `secretFields`, and any string field named like one. */
const registerConfigSecrets = (config: unknown, secretFields: readonly string[]): void => {
  if (config === null || typeof config !== 'object') return
  const record = config as Record<string, unknown>
  for (const field of secretFields) {
    const value = record[field]
    if (typeof value === 'string') registerSecret(value)
  }
  for (const field of Object.keys(record)) {
    const value = record[field]
    if (typeof value === 'string' && looksLikeCredentialName(field)) registerSecret(value)
  }
}

const orThrow = async <A>(task: TaskEither<RcsError, A>): Promise<A> => {
  const result = await task()
  if (result._tag === 'Left') throw result.left
  return result.right
}

const valueOrThrow = <A>(result: Either<RcsError, A>): A => {
  if (result._tag === 'Left') throw result.left
  return result.right
}

const transportOptions = (http: HttpOptions | undefined, provider: string, clock: Clock, logger: Logger) => {
  const options: TransportOptions = { provider, clock, logger }
  if (http !== undefined) Object.assign(options, http, { provider, clock, logger })
  return options
}

/** An adapter's TaskEither that rejects (a bug in the adapter) still resolves to a Left. */
const settled =
  <A>(provider: string, task: TaskEither<RcsError, A>): TaskEither<RcsError, A> =>
  async () => {
    try {
      return await task()
    } catch (error) {
      return left(unexpectedError(provider, error))
    }
  }

/**
 * Creates a client for one vendor from a statically imported adapter. Validates the config with the adapter's
 * codec (one `config` RcsError listing every problem, never echoing secrets) and refuses plain `http://` base URLs to
 * non-loopback hosts unless `http.allowInsecureHttp` is set.
 *
 * @example
 * import { createClient } from '@rcs-records/core'
 * import { adapter } from '@rcs-records/partner-gateway'
 * const client = createClient({ adapter, config: { apiKey: process.env.PG_API_KEY } })
 * for await (const record of client.list({ from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' })) {
 *   if (record.reason?.code === 'not_rcs_capable') sendSms(record.recipient)
 * }
 */
export const createClient = <C, I>(options: ClientOptions<C, I>): RcsClient => {
  const definition = options.adapter
  const provider = definition.name
  registerConfigSecrets(options.config, definition.secretFields ?? [])
  const config = valueOrThrow(validateConfig(definition, options.config))
  const baseUrl = (config as { baseUrl?: unknown }).baseUrl
  if (typeof baseUrl === 'string') {
    const insecure = checkBaseUrl(baseUrl, provider, options.http?.allowInsecureHttp ?? false)
    if (insecure !== null) throw insecure
  }
  const clock = options.clock ?? systemClock
  const logger = options.logger ?? consoleLogger
  const http = createHttpTransport(transportOptions(options.http, provider, clock, logger))
  const ctx: AdapterContext = { http, clock, logger }
  const adapter = definition.create(config, ctx)
  const capabilities = definition.capabilities

  const unsupported = (what: string, hint: string) =>
    new RcsError({
      kind: 'unsupported',
      provider,
      message: `${provider}: ${what} is not supported by this vendor; ${hint}`,
    })

  const badId = (id: unknown) =>
    new RcsError({
      kind: 'bad_request',
      provider,
      message: `${provider}: a message id must be a non-empty string (got ${typeof id})`,
    })

  const teGet = (id: string, opts?: CallOptions): TaskEither<RcsError, RcsRecord> => {
    if (typeof id !== 'string' || id.trim() === '') return async () => left(badId(id))
    if (!capabilities.get) return async () => left(unsupported('get', 'use list() over a time window'))
    return settled(provider, () => adapter.get(id, opts)())
  }

  const teGetMany = (ids: readonly string[], opts?: CallOptions): TaskEither<RcsError, GetManyResult> => {
    const bad = ids.find((id) => typeof id !== 'string' || id.trim() === '')
    if (bad !== undefined) return async () => left(badId(bad))
    if (capabilities.getMany === 'native') return settled(provider, () => adapter.getMany(ids, opts)())
    if (capabilities.getMany === 'emulated' || capabilities.get) {
      const emulation: { concurrency: number; callOptions?: CallOptions } = {
        concurrency: options.http?.concurrency ?? 4,
      }
      if (opts !== undefined) emulation.callOptions = opts
      return settled(
        provider,
        emulateGetMany((id, callOptions) => adapter.get(id, callOptions), ids, emulation),
      )
    }
    return async () => left(unsupported('getMany', 'use list() over a time window'))
  }

  const teNormalize = (payload: unknown) => {
    try {
      return adapter.normalize(payload)
    } catch (error) {
      return left(unexpectedError(provider, error))
    }
  }

  const teParseWebhook = (body: unknown): Either<RcsError, RcsRecord[]> => {
    if (adapter.parseWebhook === undefined) return left(unsupported('parseWebhook', 'this vendor sends no callbacks'))
    try {
      return adapter.parseWebhook(body)
    } catch (error) {
      return left(unexpectedError(provider, error))
    }
  }

  async function* list(query: ListQuery): AsyncGenerator<RcsRecord> {
    if (!capabilities.list) throw unsupported('list', 'look records up by id with get()/getMany()')
    if (query === null || typeof query !== 'object' || query.from === undefined) {
      throw new RcsError({
        kind: 'bad_request',
        provider,
        message: `${provider}: list needs a query with at least \`from\``,
      })
    }
    try {
      yield* adapter.list(query)
    } catch (error) {
      throw unexpectedError(provider, error)
    }
  }

  const getMany = (ids: readonly string[], opts?: CallOptions) => orThrow(teGetMany(ids, opts))

  return {
    provider,
    capabilities,
    get: (id, opts) => orThrow(teGet(id, opts)),
    getMany,
    list,
    watch: (ids, opts) =>
      watchRecords(
        {
          adapter,
          capabilities,
          provider,
          clock,
          logger,
          getMany: (pending, signal) => getMany(pending, signal === undefined ? opts : { ...opts, signal }),
        },
        ids,
        opts,
      ),
    normalize: (payload) => valueOrThrow(teNormalize(payload)),
    parseWebhook: (body) => valueOrThrow(teParseWebhook(body)),
    te: { get: teGet, getMany: teGetMany, normalize: teNormalize, parseWebhook: teParseWebhook },
  }
}

import type { Either } from 'fp-ts/lib/Either.js'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import type { AdapterContext, CallOptions, ListQuery } from '../adapter/contract.js'
import { RcsError } from '../errors/rcs-error.js'
import { scrubError } from '../errors/scrub-error.js'
import { MIN_SECRET_LENGTH } from '../errors/secret-forms.js'
import { createSecretSet, looksLikeCredentialName, type SecretSet } from '../errors/secrets.js'
import { unexpectedError } from '../errors/unexpected.js'
import { left } from '../fp/either.js'
import { checkBaseUrl } from '../http/secure-url.js'
import { createHttpTransport, type TransportOptions } from '../http/transport.js'
import type { HttpOptions } from '../http/types.js'
import { checkListQuery } from '../list/check-query.js'
import type { RcsRecord } from '../model/record.js'
import { type Clock, systemClock } from '../runtime/clock.js'
import { consoleLogger, type Logger } from '../runtime/logger.js'
import { emulateGetMany } from './emulate-get-many.js'
import { forwardingIterable } from './forwarding-iterable.js'
import type { ClientOptions, GetManyResult, RcsClient } from './types.js'
import { validateConfig } from './validate-config.js'
import { watchRecords } from './watch.js'

/** Adds every credential in a config to the client's set: the adapter's `secretFields`, and any string field named like one. */
const registerConfigSecrets = (secrets: SecretSet, config: unknown, secretFields: readonly string[]): void => {
  if (config === null || typeof config !== 'object') return
  const record = config as Record<string, unknown>
  for (const field of secretFields) secrets.add(record[field])
  for (const field of Object.keys(record)) if (looksLikeCredentialName(field)) secrets.add(record[field])
}

/**
 * A `config` error for the declared secret fields holding a string too short to be redacted (see
 * `MIN_SECRET_LENGTH`): no vendor issues one, and one that short could not be kept out of error messages. Names the
 * fields, never the values.
 */
const shortSecrets = (provider: string, config: unknown, secretFields: readonly string[]): RcsError | null => {
  if (config === null || typeof config !== 'object') return null
  const record = config as Record<string, unknown>
  const short = secretFields.filter((field) => {
    const value = record[field]
    return typeof value === 'string' && value.length > 0 && value.length < MIN_SECRET_LENGTH
  })
  if (short.length === 0) return null
  const expected = `a credential of at least ${MIN_SECRET_LENGTH} characters`
  return new RcsError({
    kind: 'config',
    provider,
    message: `${provider}: invalid config: ${short.map((field) => `${field}: expected ${expected}`).join('; ')} (no vendor issues a shorter one, and a shorter one could not be kept out of error messages; check the value)`,
    details: { fields: short.map((path) => ({ path, expected, missing: false })) },
  })
}

/** A logger that redacts the client's secrets from every line: message and fields (copied only when one appears). */
const redactingLogger = (logger: Logger, secrets: SecretSet): Logger => {
  const at =
    (write: Logger['warn']): Logger['warn'] =>
    (message, fields) => {
      const safe = secrets.redact(message)
      if (fields === undefined) write(safe)
      else write(safe, secrets.contains(fields) ? (secrets.redactDeep(fields) as Record<string, unknown>) : fields)
    }
  return {
    debug: at((message, fields) => logger.debug(message, fields)),
    info: at((message, fields) => logger.info(message, fields)),
    warn: at((message, fields) => logger.warn(message, fields)),
    error: at((message, fields) => logger.error(message, fields)),
  }
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
 * non-loopback hosts unless `http.allowInsecureHttp` is set. `list` checks its query before any request, the same
 * way for every adapter (see `checkListQuery`), and hands the adapter the query with `from` and `to` as Dates.
 *
 * @example
 * import { createClient } from '@rcs-records/core'
 * import { adapter } from '@rcs-records/partner-gateway'
 * declare const sendSms: (to: string | null) => void
 * const client = createClient({ adapter, config: { apiKey: process.env.PG_API_KEY } })
 * for await (const record of client.list({ from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' })) {
 *   if (record.reason?.code === 'not_rcs_capable') sendSms(record.recipient)
 * }
 */
export const createClient = <C, I>(options: ClientOptions<C, I>): RcsClient => {
  const definition = options.adapter
  const provider = definition.name
  const secretFields = definition.secretFields ?? []
  // The client's own credentials: everything it reports goes through this set (errors, hook events, log lines).
  const secrets = createSecretSet()
  registerConfigSecrets(secrets, options.config, secretFields)
  const scrub = <E>(error: E): E => scrubError(secrets, error)
  const orThrow = async <A>(task: TaskEither<RcsError, A>): Promise<A> => {
    const result = await task()
    if (result._tag === 'Left') throw scrub(result.left)
    return result.right
  }
  const valueOrThrow = <A>(result: Either<RcsError, A>): A => {
    if (result._tag === 'Left') throw scrub(result.left)
    return result.right
  }
  const scrubbed =
    <A>(task: TaskEither<RcsError, A>): TaskEither<RcsError, A> =>
    async () => {
      const result = await task()
      return result._tag === 'Left' ? left(scrub(result.left)) : result
    }
  const scrubbedEither = <A>(result: Either<RcsError, A>): Either<RcsError, A> =>
    result._tag === 'Left' ? left(scrub(result.left)) : result
  const config = valueOrThrow(validateConfig(definition, options.config))
  const short = shortSecrets(provider, config, secretFields)
  if (short !== null) throw short
  const baseUrl = (config as { baseUrl?: unknown }).baseUrl
  if (typeof baseUrl === 'string') {
    const insecure = checkBaseUrl(baseUrl, provider, options.http?.allowInsecureHttp ?? false)
    if (insecure !== null) throw insecure
  }
  const clock = options.clock ?? systemClock
  const logger = redactingLogger(options.logger ?? consoleLogger, secrets)
  const http = createHttpTransport({ ...transportOptions(options.http, provider, clock, logger), secrets })
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
    // 'emulated' too: the adapter runs its bounded concurrent gets itself (core's emulateGetMany, with the adapter's
    // own concurrency, e.g. BSG's `concurrency`); the transport's `http.concurrency` still bounds every request.
    if (capabilities.getMany !== false) return settled(provider, () => adapter.getMany(ids, opts)())
    if (capabilities.get) {
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

  // On the first `next()`, as an async generator would be: the checks, then the adapter's listing forwarded record by
  // record (not through a `yield*` layer, which costs every record several promises), its failures scrubbed.
  const list = (query: ListQuery): AsyncIterable<RcsRecord> =>
    forwardingIterable(
      () => {
        if (!capabilities.list) throw unsupported('list', 'look records up by id with get()/getMany()')
        // One contract for every adapter, before any request: a bad query is a `bad_request` naming the field.
        const checked = checkListQuery(query, provider, clock.now())
        if (checked.empty) return null
        // Errors reach the caller through the client's secrets, whether thrown or reported.
        const onInvalid = checked.query.onInvalid
        const reported =
          onInvalid === undefined
            ? checked.query
            : { ...checked.query, onInvalid: (error: RcsError) => onInvalid(scrub(error)) }
        return () => adapter.list(reported)
      },
      (error) => scrub(unexpectedError(provider, error)),
    )

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
    te: {
      get: (id, opts) => scrubbed(teGet(id, opts)),
      getMany: (ids, opts) => scrubbed(teGetMany(ids, opts)),
      normalize: (payload) => scrubbedEither(teNormalize(payload)),
      parseWebhook: (body) => scrubbedEither(teParseWebhook(body)),
    },
  }
}

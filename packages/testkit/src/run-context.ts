import {
  type Adapter,
  type AdapterDefinition,
  createClient,
  type HttpOptions,
  type Logger,
  type RcsClient,
  type RcsRecord,
  silentLogger,
  systemClock,
} from '@rcs-records/core'
import { createHttpTransport, validateConfig } from '@rcs-records/core/kit'
import type { ConformanceOptions, ConformanceServer } from './types.js'

const MAX_EVIDENCE_RECORDS = 10_000
const MAX_EVIDENCE_ERRORS = 2_000
const MAX_LISTED = 200_000

/** A problem with the suite's inputs (not with the adapter); reported as a failed check. */
export class ConformanceSetupError extends Error {
  override readonly name = 'ConformanceSetupError'
}

/** A record some check saw, and where. */
export interface SeenRecord {
  record: RcsRecord
  source: string
  /** The payload it was normalised from, when `raw` must be that payload. */
  payload?: { value: unknown }
}

/** Records and errors the checks saw, for the run-wide checks (`records.invariants`, `errors.secrets`). */
export interface Evidence {
  records: SeenRecord[]
  errors: Array<{ error: unknown; source: string }>
}

/**
 * An adapter created with the network disabled: every request fails at once and is counted. `client` is a core
 * client on the same disabled network (for what core checks before the adapter is asked, such as the ListQuery).
 */
export interface OfflineAdapter {
  adapter: Adapter
  client: RcsClient
  requests(): number
}

/** A started server with a client on it. */
export interface Connection {
  server: ConformanceServer
  client: RcsClient
  warnings(): number
}

/** What `list` over the server's window gave (computed once, shared by the checks). */
export interface ListedWindow {
  records: RcsRecord[]
  duplicates: string[]
  error: unknown
}

/**
 * The state one conformance run shares between checks: the adapter created offline, the server (started on first
 * use, closed at the end), the window listing, and the evidence.
 */
export interface ConformanceRun<C> {
  readonly definition: AdapterDefinition<C>
  readonly options: ConformanceOptions
  readonly evidence: Evidence
  /** Every secret value the run guards: the options' values plus valid configs' values at secret fields. */
  readonly secretValues: readonly string[]
  offline(): OfflineAdapter
  connect(): Promise<Connection | null>
  /**
   * Another client on the started server (null without one), with its own logger and optionally its own `fetch`
   * (wrapping the one the options give, else the global one).
   */
  clientOn(overrides: { fetch?: (base: typeof fetch) => typeof fetch; logger?: Logger }): Promise<RcsClient | null>
  listed(): Promise<ListedWindow | null>
  noteRecord(seen: SeenRecord): void
  noteError(error: unknown, source: string): void
  close(): Promise<void>
}

const DEFAULT_HTTP: HttpOptions = { timeoutMs: 10_000, retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 50 } }

const collectSecretValues = <C>(definition: AdapterDefinition<C>, options: ConformanceOptions): string[] => {
  const values = new Set(options.secrets?.values ?? [])
  const fields = new Set([...(definition.secretFields ?? []), ...(options.secrets?.fields ?? [])])
  for (const config of options.configs.valid) {
    for (const field of fields) {
      const value = (config as Record<string, unknown> | null)?.[field]
      if (typeof value === 'string' && value.length >= 6) values.add(value)
    }
  }
  return [...values]
}

const countingLogger = (): { logger: Logger; warnings(): number } => {
  let warnings = 0
  const count = () => {
    warnings++
  }
  return { logger: { ...silentLogger, warn: count, error: count }, warnings: () => warnings }
}

/**
 * Creates the shared state of one run.
 */
export const createConformanceRun = <C>(
  definition: AdapterDefinition<C>,
  options: ConformanceOptions,
): ConformanceRun<C> => {
  const evidence: Evidence = { records: [], errors: [] }
  const http = { ...DEFAULT_HTTP, ...options.http }
  let offline: OfflineAdapter | null = null
  let connecting: Promise<Connection | null> | null = null
  let listing: Promise<ListedWindow | null> | null = null
  let started: ConformanceServer | null = null

  const createOffline = (): OfflineAdapter => {
    const config = options.configs.valid[0]
    if (config === undefined) throw new ConformanceSetupError('options.configs.valid must hold at least one config')
    const validated = validateConfig(definition, config)
    if (validated._tag === 'Left') {
      throw new ConformanceSetupError(`options.configs.valid[0] is rejected: ${validated.left.message}`)
    }
    let requests = 0
    const disabledFetch: typeof fetch = async () => {
      requests++
      throw new TypeError('fetch failed: the conformance suite disabled the network for this adapter')
    }
    const transport = createHttpTransport({
      provider: definition.name,
      fetch: disabledFetch,
      retry: { limit: 0 },
      timeoutMs: 2_000,
      clock: systemClock,
      logger: silentLogger,
    })
    const adapter = definition.create(validated.right, { http: transport, clock: systemClock, logger: silentLogger })
    const client = createClient({
      adapter: definition,
      config,
      http: { fetch: disabledFetch, retry: { limit: 0 }, timeoutMs: 2_000 },
      clock: systemClock,
      logger: silentLogger,
    })
    return { adapter, client, requests: () => requests }
  }

  const startServer = async (): Promise<Connection | null> => {
    if (options.server === undefined) return null
    const server = await options.server()
    started = server
    const logging = countingLogger()
    const client = createClient({
      adapter: definition,
      config: server.config,
      http,
      logger: logging.logger,
      ...(server.clock === undefined ? {} : { clock: server.clock }),
    })
    return { server, client, warnings: logging.warnings }
  }

  const listWindow = async (): Promise<ListedWindow | null> => {
    const connection = await run.connect()
    if (connection === null || !definition.capabilities.list) return null
    const { server, client } = connection
    const seen = new Set<string>()
    const duplicates: string[] = []
    const records: RcsRecord[] = []
    let error: unknown = null
    try {
      const query = {
        from: server.window.from,
        to: server.window.to,
        ...(server.pageSize ? { pageSize: server.pageSize } : {}),
      }
      for await (const record of client.list(query)) {
        records.push(record)
        const id = (record as { id?: unknown } | null)?.id
        if (typeof id === 'string') {
          if (seen.has(id)) duplicates.push(id)
          else seen.add(id)
        }
        if (records.length > MAX_LISTED) {
          throw new ConformanceSetupError(`list yielded more than ${MAX_LISTED} records; use a smaller window`)
        }
      }
    } catch (caught) {
      error = caught
      run.noteError(caught, 'list over the server window')
    }
    for (const record of records) run.noteRecord({ record, source: 'list over the server window' })
    return { records, duplicates, error }
  }

  const clientOn: ConformanceRun<C>['clientOn'] = async (overrides) => {
    const connection = await run.connect()
    if (connection === null) return null
    const server = connection.server
    const base: typeof fetch = http.fetch ?? ((input, init) => globalThis.fetch(input, init))
    return createClient({
      adapter: definition,
      config: server.config,
      http: overrides.fetch === undefined ? http : { ...http, fetch: overrides.fetch(base) },
      logger: overrides.logger ?? silentLogger,
      ...(server.clock === undefined ? {} : { clock: server.clock }),
    })
  }

  const run: ConformanceRun<C> = {
    definition,
    options,
    evidence,
    secretValues: collectSecretValues(definition, options),
    offline: () => {
      offline ??= createOffline()
      return offline
    },
    connect: () => {
      connecting ??= startServer()
      return connecting
    },
    clientOn,
    listed: () => {
      listing ??= listWindow()
      return listing
    },
    noteRecord: (seen) => {
      if (evidence.records.length < MAX_EVIDENCE_RECORDS) evidence.records.push(seen)
    },
    noteError: (error, source) => {
      if (evidence.errors.length < MAX_EVIDENCE_ERRORS) evidence.errors.push({ error, source })
    },
    close: async () => {
      const server = started
      started = null
      connecting = null
      listing = null
      if (server !== null) await server.close()
    },
  }
  return run
}

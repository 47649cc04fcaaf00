import type { Channel, DeliveryStatus } from '@rcs-records/core'
import type { HttpFlags } from '../config/http-options.js'
import type { OutputFormat } from '../output/format.js'

/**
 * Options every command that talks to a vendor shares: where the config comes from and how output looks.
 */
export interface CommonOptions {
  /** `--provider`: one provider, a comma-separated list, or `all` (list and report only). */
  provider?: string
  /** `--config FILE`. */
  config?: string
  /** `--base-url URL`: overrides the provider's base URL. */
  baseUrl?: string
  /** `--format`; undefined means the default (see `defaultFormat`). */
  format?: OutputFormat
  /** `--out FILE`. */
  out?: string
  /** `--raw`: keep each record's vendor payload in json/ndjson output. */
  raw: boolean
  /** False with `--no-color`. */
  color: boolean
  /** False with `--no-progress`. */
  progress: boolean
  /** `--verbose`: library info and debug messages on stderr. */
  verbose: boolean
  /** `--timeout`/`--request-timeout`, `--retries`, `--concurrency`, `--allow-insecure-http`. */
  http: HttpFlags
}

/**
 * Options of a lookup by id (`get`, `get-many`, `watch`).
 */
export interface LookupOptions {
  channel?: Channel
  /** How far back the lookup searches. */
  from?: string
}

/**
 * The filters of `list` and `report`.
 */
export interface ListFilters {
  from: string
  to: string
  status?: DeliveryStatus[]
  channel?: Channel
  campaign?: string
  reference?: string
  modifiedSince?: string
  pageSize?: number
  strict?: boolean
}

/**
 * The filters of `query` and `report --store`, on the records kept in a store (`@rcs-records/store`'s `StoreQuery`):
 * `from`/`to` are the half-open range of the records' creation time.
 */
export interface StoreFilters {
  provider?: string[]
  status?: DeliveryStatus[]
  final?: boolean
  channel?: Channel
  campaign?: string
  from?: string
  to?: string
}

/**
 * A parsed command line.
 *
 * @example
 * import { parseCommandLine } from '@rcs-records/cli'
 * const command = parseCommandLine(['get', '26130', '--provider', 'bsg'], Date.now())
 * if (command.name === 'get') console.log(command.id)
 */
export type Command =
  | { name: 'help'; topic?: string }
  | { name: 'version' }
  | { name: 'get'; common: CommonOptions; id: string; lookup: LookupOptions }
  | { name: 'get-many'; common: CommonOptions; ids: string[] | 'stdin'; lookup: LookupOptions }
  | { name: 'list'; common: CommonOptions; filters: ListFilters }
  | {
      name: 'watch'
      common: CommonOptions
      ids: string[]
      lookup: LookupOptions
      intervalMs?: number
      timeoutMs?: number
    }
  | { name: 'report'; common: CommonOptions; filters: ListFilters; top: number; store?: undefined }
  | { name: 'report'; common: CommonOptions; store: string; query: StoreFilters; top: number }
  | {
      name: 'sync'
      common: CommonOptions
      /** `--store`; undefined: `RCS_STORE`, else `./rcs-records-data`. */
      store?: string
      from?: string
      to?: string
      channel?: Channel
      follow: boolean
      intervalMs?: number
    }
  | { name: 'query'; common: CommonOptions; store?: string; query: StoreFilters; limit?: number }
  | { name: 'simulate'; common: CommonOptions; port?: number; seed?: number; records?: number }
  | { name: 'demo'; common: CommonOptions; seed?: number; records?: number; rows: number }
  | { name: 'serve'; common: CommonOptions; store: string; port?: number; host?: string }

/**
 * The name of a command.
 */
export type CommandName = Command['name']

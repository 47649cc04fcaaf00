import type { CallOptions, Clock, DeliveryStatus, HttpOptions, RcsRecord } from '@rcs-records/core'
import type { ListInstant } from '@rcs-records/core/kit'

/**
 * The name of one conformance check. Stable: tests and reports refer to checks by these names.
 *
 * @example
 * import type { CheckName } from '@rcs-records/testkit'
 * const skipped: CheckName = 'capability.modifiedSince'
 */
export type CheckName =
  | 'definition.shape'
  | 'config.valid'
  | 'config.invalid'
  | 'normalize.fixtures'
  | 'webhook.fixtures'
  | 'status.documented'
  | 'status.unseen'
  | 'normalize.junk'
  | 'normalize.arbitrary'
  | 'webhook.junk'
  | 'webhook.arbitrary'
  | 'capability.webhooks'
  | 'capability.get'
  | 'capability.getMany'
  | 'capability.list'
  | 'capability.modifiedSince'
  | 'list.filters'
  | 'list.dates'
  | 'list.query'
  | 'list.range'
  | 'list.invalid'
  | 'records.mergeable'
  | 'records.invariants'
  | 'errors.secrets'

/**
 * The outcome of one check: `problems` say what is wrong (empty when passed), `notes` what was not exercised and why.
 *
 * @example
 * import type { CheckResult } from '@rcs-records/testkit'
 * const failed = (results: CheckResult[]) => results.filter((r) => r.status === 'failed').map((r) => r.name)
 */
export interface CheckResult {
  name: CheckName
  status: 'passed' | 'failed' | 'skipped'
  problems: string[]
  notes: string[]
  durationMs: number
}

/**
 * The record fields a fixture must normalise to. Each field given must deep-equal the record's; fields left out are
 * not compared (`raw` is never compared: the suite checks that it is the payload itself).
 *
 * @example
 * import type { ExpectedFields } from '@rcs-records/testkit'
 * const expected: ExpectedFields = { id: '26130', status: 'pending', recipient: '+380661234567' }
 */
export type ExpectedFields = Partial<Omit<RcsRecord, 'raw'>>

/**
 * One vendor payload and what `normalize` must make of it: the record fields (`expected`), or a `decode` error
 * naming the given paths (`decodeError`).
 *
 * @example
 * import type { NormalizeFixture } from '@rcs-records/testkit'
 * const fixtures: NormalizeFixture[] = [
 *   { name: 'documented example', payload: { id: 1, state: 0 }, expected: { id: '1', status: 'sent' } },
 *   { name: 'no id', payload: { state: 0 }, decodeError: { paths: ['id'] } },
 * ]
 */
export type NormalizeFixture =
  | { name: string; payload: unknown; expected: ExpectedFields; decodeError?: never }
  | { name: string; payload: unknown; decodeError: { paths: readonly string[] }; expected?: never }

/**
 * One callback body and the records `parseWebhook` must return, in order (`[]` for events that are not statuses).
 *
 * @example
 * import type { WebhookFixture } from '@rcs-records/testkit'
 * const fixture: WebhookFixture = {
 *   name: 'delivered callback',
 *   body: { MessageSid: 'SM1', MessageStatus: 'delivered' },
 *   expected: [{ id: 'SM1', status: 'delivered' }],
 * }
 */
export interface WebhookFixture {
  name: string
  body: unknown
  expected: readonly ExpectedFields[]
}

/**
 * An invalid config and the fields the `config` error must name (paths as core reports them, e.g. `baseUrl`).
 *
 * @example
 * import type { InvalidConfig } from '@rcs-records/testkit'
 * const missingKey: InvalidConfig = { config: {}, fields: ['apiKey'] }
 */
export interface InvalidConfig {
  config: unknown
  fields: readonly string[]
}

/**
 * The vendor's documented native statuses and how to put one into a payload.
 *
 * @example
 * import type { StatusOptions } from '@rcs-records/testkit'
 * const statuses: StatusOptions = {
 *   documented: [[0, 'sent'], [1, 'delivered'], [2, 'undeliverable'], [3, 'rejected'], [4, 'read']],
 *   payloadWith: (state) => ({ id: 1, number: '+33612345678', state, timestamp: '2015-01-06T10:21:14.243Z' }),
 * }
 */
export interface StatusOptions {
  /**
   * Every native status the vendor documents, with the canonical status it must become. Copy them from the vendor's
   * documentation rather than from your own table, or the check proves nothing. Pairs keep numeric statuses numeric.
   */
  documented: ReadonlyArray<readonly [string | number, DeliveryStatus]> | Readonly<Record<string, DeliveryStatus>>
  /** A valid payload (usually a fixture) with its status field set to `vendorStatus`. */
  payloadWith: (vendorStatus: string | number) => unknown
  /**
   * Status values the adapter cannot know; each must normalise to `unknown` with `vendorStatus` kept. Default: a few
   * made-up values of the documented values' type, including `constructor` and `__proto__` for string statuses.
   */
  unseen?: readonly (string | number)[]
}

/**
 * Credentials the suite makes sure are never echoed: `fields` must be declared in the definition's `secretFields`,
 * and no error seen during the run may contain any of `values` (message, details, cause, stack, `util.inspect`).
 *
 * @example
 * import type { SecretOptions } from '@rcs-records/testkit'
 * const secrets: SecretOptions = { fields: ['authToken'], values: ['conformance-auth-token-1234'] }
 */
export interface SecretOptions {
  fields?: readonly string[]
  values: readonly string[]
}

/**
 * A time window `[from, to)`.
 *
 * @example
 * import type { ConformanceWindow } from '@rcs-records/testkit'
 * const day: ConformanceWindow = { from: '2025-01-06T00:00:00Z', to: '2025-01-07T00:00:00Z' }
 */
export interface ConformanceWindow {
  from: Date | string
  to: Date | string
}

/**
 * A running vendor API (the simulator, or a test server you run) and what the suite may expect from it.
 *
 * @example
 * import type { ConformanceServer } from '@rcs-records/testkit'
 * const describeServer = (url: string, close: () => Promise<void>): ConformanceServer => ({
 *   config: { baseUrl: url, apiKey: 'conformance-api-key-1234' },
 *   window: { from: '2025-01-06T00:00:00Z', to: '2025-01-07T00:00:00Z' },
 *   knownId: '1',
 *   unknownId: '999999',
 *   close,
 * })
 */
export interface ConformanceServer {
  /** A config that reaches this server, given to core's `createClient`. */
  config: unknown
  /** The window `list` is exercised over. Pick one that spans several pages or slices. */
  window: ConformanceWindow
  /** An id the server knows (default: the first id `list` yields). */
  knownId?: string
  /** An id the server does not know; `get` must fail with `not_found`. Without it that part is not exercised. */
  unknownId?: string
  /** The ids `list` must yield over `window`, each exactly once. Without it only duplicates are checked. */
  expectedIds?: (window: ConformanceWindow) => Iterable<string> | Promise<Iterable<string>>
  /** Options for `get`/`getMany` (e.g. the channel, or how far back a lookup searches). */
  callOptions?: CallOptions
  /** Page size for `list`; small values make the check cross page boundaries. */
  pageSize?: number
  /**
   * The clock of the client the suite creates for this server (default: the system clock). Give the server's own
   * clock when it runs on one (the simulator started with a fixed `now`), so "now", `to` defaults and
   * `modifiedSince` limits agree. `capability.modifiedSince` asks for records modified in the last 24 hours of it.
   */
  clock?: Clock
  close(): Promise<void> | void
}

/**
 * What {@link describeAdapterConformance} and {@link runConformanceChecks} need to know about an adapter.
 *
 * @example
 * import type { ConformanceOptions } from '@rcs-records/testkit'
 * const options: ConformanceOptions = {
 *   configs: { valid: [{ token: 'conformance-token-1234' }], invalid: [{ config: {}, fields: ['token'] }] },
 *   fixtures: [{ name: 'documented example', payload: { id: 1, state: 0 }, expected: { id: '1', status: 'sent' } }],
 *   statuses: { documented: [[0, 'sent'], [1, 'delivered']], payloadWith: (state) => ({ id: 1, state }) },
 *   secrets: { fields: ['token'], values: ['conformance-token-1234'] },
 * }
 */
export interface ConformanceOptions {
  /** Configs `createClient` must accept, and configs it must reject naming the given fields. */
  configs: { valid: readonly unknown[]; invalid: readonly InvalidConfig[] }
  /** Vendor payloads (use the vendor's documented examples verbatim) and what they normalise to. */
  fixtures: readonly NormalizeFixture[]
  /** Callback bodies and the records they give; required when the adapter declares `webhooks: true`. */
  webhookFixtures?: readonly WebhookFixture[]
  statuses: StatusOptions
  secrets?: SecretOptions
  /** Starts a server to exercise `get`, `getMany` and `list` against; checks that need one are skipped without it. */
  server?: () => Promise<ConformanceServer>
  /** Payloads that are not records at all; each must give a `decode` error with a path. */
  junk?: { normalize?: readonly unknown[]; webhook?: readonly unknown[] }
  /** fast-check runs per property. Default 1000. */
  numRuns?: number
  /** fast-check seed, to replay a failure. */
  seed?: number
  /** HTTP options of the clients the suite creates (default: 2 quick retries, 10 s timeout). */
  http?: HttpOptions
  /** Checks not to run, each with the reason (shown as a skipped test). */
  skip?: Partial<Record<CheckName, string>>
  /** Per-check time limit. Default 60,000 ms. */
  checkTimeoutMs?: number
  /**
   * The record time `list` selects its `[from, to)` window on. Default `createdAt` (the contract); say so when the
   * vendor can only select by another time (spacivox's one `timestamp`, normalised as `updatedAt`; Twilio's
   * `DateSent`). `list.range` checks every record's time lies in the window that yielded it.
   */
  listInstant?: ListInstant
}

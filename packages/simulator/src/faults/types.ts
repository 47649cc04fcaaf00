import type { DriftKind } from '../data/model.js'
import type { Vendor } from '../vendors.js'

/**
 * A named endpoint of one vendor, as faults and statistics see it.
 * partner-gateway: `status`, `batch`, `history`; BSG: `login`, `refresh`, `messages`; spacivox: `records`.
 *
 * @example
 * import type { RouteName } from '@rcs-records/simulator'
 * const route: RouteName = 'history'
 */
export type RouteName = 'status' | 'batch' | 'history' | 'login' | 'refresh' | 'messages' | 'records' | 'other'

/**
 * What a fault does.
 * - `rate-limit`: 429 with a retry hint (partner-gateway: body `retryAfter` and `X-RateLimit-*`; others: `Retry-After`).
 * - `error`: a 5xx (`status`, default 503; 502 comes as a proxy's HTML page).
 * - `latency`: answers `delayMs` late (then normally, unless another fault fires): the answer is built when the request
 *   arrives and sent `delayMs` later, as a slow network would deliver it.
 * - `hang`: never answers; the socket stays open until the client gives up.
 * - `reset`: destroys the connection without an answer (the client sees a network error).
 * - `malformed`: a 200 whose body is not valid JSON (a stray comma after the opening bracket).
 * - `truncated`: a 200 whose body is cut in the middle (a complete HTTP message, an incomplete JSON document).
 * - `drift`: schema drift in the records of a 200 (`drift`: unknown status value, missing optional fields, extra
 *   fields, BSG `phone` as a string, partner-gateway's wrapped history or Italian field names).
 * - `token-expiry`: BSG invalidates every token issued so far (the request then gets 401).
 * - `insert`: `count` new records appear inside the requested window before the page is built (head of a
 *   newest-first listing).
 *
 * @example
 * import type { FaultKind } from '@rcs-records/simulator'
 * const kind: FaultKind = 'truncated'
 */
export type FaultKind =
  | 'rate-limit'
  | 'error'
  | 'latency'
  | 'hang'
  | 'reset'
  | 'malformed'
  | 'truncated'
  | 'drift'
  | 'token-expiry'
  | 'insert'

/**
 * One fault rule. Which requests it hits: those of its `routes` (default: every route of the vendor; `insert`
 * defaults to the listing route, `token-expiry` to BSG `messages`), counted 1, 2, 3… per rule; then `on` (those
 * request numbers), else `every` (every n-th), else `rate` (a seeded, reproducible probability), else all of them;
 * never before `after` requests and never more than `times` times.
 *
 * @example
 * import type { FaultSpec } from '@rcs-records/simulator'
 * const flaky: FaultSpec = { kind: 'error', status: 503, rate: 0.1 }
 * const secondPageFails: FaultSpec = { kind: 'reset', routes: ['messages'], on: 2 }
 */
export interface FaultSpec {
  kind: FaultKind
  routes?: readonly RouteName[]
  /** The matching request numbers (1-based) to hit. */
  on?: number | readonly number[]
  /** Hit every n-th matching request. */
  every?: number
  /** Probability per matching request (seeded: the same run hits the same requests). */
  rate?: number
  /** Skip the first `after` matching requests. */
  after?: number
  /** Stop after this many hits. */
  times?: number
  /** `error`: the HTTP status (500, 502, 503…). Default 503. */
  status?: number
  /** `rate-limit` (and `error` when set): the retry hint in seconds. Default 1 for rate limits. */
  retryAfterSeconds?: number
  /** `latency`: the delay. Default 1,000 ms. */
  delayMs?: number
  /** `drift`: which drift (one or several). Default `unknown-status`. */
  drift?: DriftKind | readonly DriftKind[]
  /** `drift`: the share of records affected, chosen per record from the seed. Default 1 (all). */
  records?: number
  /** `insert`: records inserted per hit. Default 1. */
  count?: number
}

/**
 * A fault rule as the simulator tracks it.
 *
 * @example
 * import type { FaultState } from '@rcs-records/simulator'
 * const hits = (state: FaultState) => state.injected
 */
export interface FaultState {
  id: number
  vendor: Vendor
  spec: FaultSpec
  /** Matching requests seen. */
  matched: number
  /** Times it fired. */
  injected: number
}

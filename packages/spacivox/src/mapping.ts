import type { DeliveryStatus, FailureReason, StatusTable } from '@rcs-records/core'
import { failureReason } from '@rcs-records/core/kit'
import type { SpacivoxState } from './payload.js'

/**
 * `/j/rcs_records` `state` → canonical status. Anything else (another integer, a string such as `"1"`, a fraction)
 * is `unknown`, with the raw value kept in `vendorStatus`.
 *
 * | state | vendor meaning | canonical |
 * |---|---|---|
 * | 0 | sent | sent |
 * | 1 | delivered | delivered |
 * | 2 | failed | undeliverable |
 * | 3 | rejected | rejected |
 * | 4 | read | read |
 * | anything else | — | unknown |
 *
 * @example
 * import { lookupStatus } from '@rcs-records/core/kit'
 * import { statusTable } from '@rcs-records/spacivox'
 * lookupStatus(statusTable, 2) // 'undeliverable'
 */
export const statusTable: StatusTable<SpacivoxState> = {
  0: 'sent',
  1: 'delivered',
  2: 'undeliverable',
  3: 'rejected',
  4: 'read',
}

/**
 * The vendor's own word for each documented state (what `vendorDescription` carries).
 */
export const stateDescriptions: Readonly<Record<SpacivoxState, string>> = {
  0: 'sent',
  1: 'delivered',
  2: 'failed',
  3: 'rejected',
  4: 'read',
}

/**
 * True for a documented state: an integer 0–4 sent as a JSON number (a string `"1"` is not one).
 */
export const isDocumentedState = (state: unknown): state is SpacivoxState =>
  state === 0 || state === 1 || state === 2 || state === 3 || state === 4

/**
 * The canonical status of a raw `state`: only integers sent as numbers are looked up, so `"1"` and `1.5` are
 * `unknown` rather than a guess.
 */
export const statusOf = (state: unknown): DeliveryStatus =>
  isDocumentedState(state) ? (statusTable[state] ?? 'unknown') : 'unknown'

/**
 * The failure reason of a record, with every adapter's signature `reasonFor(status, vendorStatus)`. The API says only
 * "failed" (state 2, `undeliverable`) or "rejected" (3, `rejected`) — never why — so both are `unknown` (permanence
 * unknown), with the state as `vendorCode` and the vendor's word as `message`. Null for every other status.
 */
export const reasonFor = (status: DeliveryStatus, vendorStatus: unknown): FailureReason | null =>
  (status === 'undeliverable' || status === 'rejected') && (vendorStatus === 2 || vendorStatus === 3)
    ? failureReason('unknown', { vendorCode: String(vendorStatus), message: stateDescriptions[vendorStatus] })
    : null

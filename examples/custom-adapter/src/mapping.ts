import {
  type Channel,
  type DeliveryStatus,
  type FailureReason,
  isFailure,
  type ReasonCode,
  type StatusTable,
} from '@rcs-records/core'
import { failureReason } from '@rcs-records/core/kit'

/**
 * Twilio message status → canonical status. Inbound messages (`receiving`, `received`) map to in-flight and delivered:
 * Twilio is then the receiving end. `partially_delivered` (group MMS) is deliberately absent and becomes `unknown`.
 *
 * @example
 * import { TWILIO_STATUSES } from '@rcs-records/example-custom-adapter'
 * TWILIO_STATUSES.undelivered // 'undeliverable'
 */
export const TWILIO_STATUSES: StatusTable<string> = {
  accepted: 'pending',
  scheduled: 'pending',
  queued: 'pending',
  sending: 'pending',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'rejected',
  undelivered: 'undeliverable',
  canceled: 'canceled',
  receiving: 'pending',
  received: 'delivered',
}

/** Twilio error codes with a clear canonical reason; every other code is `unknown` with the code kept. */
const REASONS: Readonly<Record<string, ReasonCode>> = {
  '21211': 'invalid_recipient',
  '21408': 'blocked',
  '21610': 'opted_out',
  '21614': 'invalid_recipient',
  '30001': 'rate_limited',
  '30002': 'blocked',
  '30003': 'unreachable',
  '30004': 'blocked',
  '30005': 'invalid_recipient',
  '30006': 'invalid_recipient',
  '30007': 'content_rejected',
  '30008': 'unknown',
  '30034': 'blocked',
}

/**
 * The failure reason of a message, with every adapter's signature `reasonFor(status, vendorStatus, message?, vendorCode?)`: from
 * its `error_code` (a failure without a known code has reason `unknown`, `vendorCode` the code or null) and
 * `error_message`; null when the status is not a failure.
 */
export const reasonFor = (
  status: DeliveryStatus,
  _vendorStatus: string,
  message: string | null = null,
  vendorCode: string | null = null,
): FailureReason | null => {
  if (!isFailure(status)) return null
  const code =
    vendorCode !== null && Object.hasOwn(REASONS, vendorCode) ? (REASONS[vendorCode] as ReasonCode) : 'unknown'
  return failureReason(code, { vendorCode, message })
}

const CHANNEL_PREFIXES: ReadonlyArray<readonly [string, Channel]> = [
  ['rcs:', 'rcs'],
  ['whatsapp:', 'whatsapp'],
  ['messenger:', 'other'],
]

/**
 * The channel of a message from its addresses: `rcs:` and `whatsapp:` prefixes name it, other prefixed addresses
 * are `other`, plain numbers and short codes are SMS/MMS (`sms`).
 */
export const channelOf = (from: string | null, to: string | null): Channel => {
  for (const address of [from, to]) {
    if (address === null) continue
    for (const [prefix, channel] of CHANNEL_PREFIXES) if (address.startsWith(prefix)) return channel
  }
  return 'sms'
}

/**
 * An address without its channel prefix (`whatsapp:+1555…` → `+1555…`).
 */
export const bareAddress = (address: string): string => {
  const colon = address.indexOf(':')
  return colon > 0 && colon < 16 ? address.slice(colon + 1) : address
}

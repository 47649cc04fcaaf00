import type { DecodeIssue, DeliveryStatus, RcsError, RcsRecord } from '@rcs-records/core'
import {
  buildRecord,
  decodeError,
  describeValue,
  left,
  lookupStatus,
  MAX_DECODE_ISSUES,
  parseJsonBody,
  right,
  toE164,
} from '@rcs-records/core/kit'
import type { Either } from 'fp-ts/lib/Either.js'
import { notAnObject, readCost, readId, readText, readTimestamp } from './fields.js'
import { channelOf, reasonFor, statusOf, webhookStatusTable } from './mapping.js'
import { checkOptions, ID_KEYS, type NormalizeOptions } from './normalize.js'
import { PROVIDER } from './provider.js'

const ID_EXPECTED = 'a non-empty string id (customerMessageId or messageId)'
const CODE_EXPECTED = 'a status code (number or digit string) on a DELIVERY event, or a status'

/**
 * What one callback is: a status report (with its native status and where it came from: a `READ` event, a
 * `statusCode`, the webhook guide's `status`, or an undocumented event type), or an event that is not a status.
 */
type Event =
  | { kind: 'status'; vendorStatus: string | number; source: 'read' | 'code' | 'status' | 'event' }
  | { kind: 'ignored' }

const readCode = (value: unknown): string | number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string') return /^-?\d{1,9}$/.test(value) ? value : null
  return null
}

/**
 * Classifies one callback object; null when it is not a readable event (an issue is then reported).
 * `READ` → read; `INBOUND` (a user reply) → ignored; `DELIVERY`, an absent or an unknown event type with a
 * `statusCode` → that code; else a `status` (the webhook guide's shape: a `deliveryStatus` value such as
 * `DELIVERED`) → that status; an unknown event type with neither → `unknown`, the event type kept as `vendorStatus`.
 */
const classify = (c: Record<string, unknown>): Event | null => {
  const eventType = typeof c.eventType === 'string' ? c.eventType.toUpperCase() : null
  if (eventType === 'INBOUND') return { kind: 'ignored' }
  if (eventType === 'READ') return { kind: 'status', vendorStatus: c.eventType as string, source: 'read' }
  const code = readCode(c.statusCode)
  if (code !== null) return { kind: 'status', vendorStatus: code, source: 'code' }
  if (c.statusCode === undefined && typeof c.status === 'string' && c.status !== '') {
    return { kind: 'status', vendorStatus: c.status, source: 'status' }
  }
  if (eventType !== null && eventType !== 'DELIVERY' && c.statusCode === undefined) {
    return { kind: 'status', vendorStatus: c.eventType as string, source: 'event' }
  }
  return null
}

/** The canonical status of a status report. */
const statusOfEvent = (event: Extract<Event, { kind: 'status' }>): DeliveryStatus => {
  if (event.source === 'read') return 'read'
  if (event.source === 'status') return statusOf(event.vendorStatus as string)
  return lookupStatus(webhookStatusTable, event.vendorStatus)
}

/**
 * The webhook guide's `error` as a description: the text itself, or an object's `message`/`description`; null for
 * anything else (a bare code, `null`, the raw keeps it).
 */
const errorText = (error: unknown): string | null => {
  if (typeof error === 'string') return readText(error)
  if (error === null || typeof error !== 'object' || Array.isArray(error)) return null
  const object = error as Record<string, unknown>
  return readText(object.message) ?? readText(object.description)
}

const issuesOf = (item: unknown, prefix: string): DecodeIssue[] => {
  const shape = notAnObject(item, prefix)
  if (shape.length > 0) return shape
  const c = item as Record<string, unknown>
  const issues: DecodeIssue[] = []
  const event = classify(c)
  if (event?.kind === 'ignored') return issues
  if (readId(c.customerMessageId) === null && readId(c.messageId) === null) {
    const at = c.customerMessageId !== undefined ? 'customerMessageId' : 'messageId'
    issues.push({ path: `${prefix}${at}`, expected: ID_EXPECTED, actual: describeValue(c[at]) })
  }
  if (event === null) {
    const at = c.eventType !== undefined && typeof c.eventType !== 'string' ? 'eventType' : 'statusCode'
    const expected = at === 'statusCode' ? CODE_EXPECTED : 'DELIVERY, READ or INBOUND'
    issues.push({ path: `${prefix}${at}`, expected, actual: describeValue(c[at]) })
  }
  return issues
}

const buildExtra = (c: Record<string, unknown>, id: string): Record<string, unknown> => {
  const extra: Record<string, unknown> = {}
  if (typeof c.eventType === 'string') extra.eventType = c.eventType
  // Keyed by `messageId` alone (READ carries no customerMessageId): `extra.messageId === id` says so.
  if (readId(c.customerMessageId) === null) extra.messageId = id
  else if (typeof c.messageId === 'string' && c.messageId !== id) extra.messageId = c.messageId
  if (typeof c.numPart === 'number') extra.numPart = c.numPart
  if (typeof c.totalParts === 'number') extra.totalParts = c.totalParts
  return extra
}

const callbackToRecord = (
  c: Record<string, unknown>,
  event: Extract<Event, { kind: 'status' }>,
  currency: string,
  channel: NonNullable<NormalizeOptions['channel']>,
  defaultCountry: string | undefined,
): RcsRecord => {
  const id = (readId(c.customerMessageId) ?? readId(c.messageId)) as string
  const status = statusOfEvent(event)
  const description = readText(c.description) ?? readText(c.statusDescription) ?? errorText(c.error)
  const at = readTimestamp(c.timestamp) ?? readTimestamp(c.eventDate)
  return buildRecord({
    provider: PROVIDER,
    id,
    channel: channelOf(c.channel, channel),
    recipient: toE164(c.destination ?? c.phoneNumber, defaultCountry),
    status,
    reason: reasonFor(status, String(event.vendorStatus), description),
    vendorStatus: event.vendorStatus,
    vendorDescription: description,
    deliveredAt: status === 'delivered' ? at : null,
    readAt: status === 'read' ? at : null,
    updatedAt: at,
    cost: readCost(c.price, currency),
    extra: buildExtra(c, id),
    raw: c,
  })
}

/**
 * Pure: one partner-gateway delivery-report callback body → records. Accepts every documented variant — `DELIVERY`
 * with `statusCode` 3 (delivered), 6 (undeliverable) or another code (`unknown`, the code kept as `vendorStatus`),
 * `READ` (read, `readAt`), `timestamp` or `eventDate`, `description` or `statusDescription`, and the webhook guide's
 * `{messageId, customerMessageId, phoneNumber, status, timestamp, channel, error}` (status from `status` by
 * `statusTable`, recipient from `phoneNumber`, description from `error`) — as an object, an array of them, or the
 * body as a JSON string. `INBOUND` events (user replies) are not delivery reports: no record, no error.
 * The id is `customerMessageId ?? messageId`; `extra.messageId` is the `messageId` — when it differs from the id,
 * or when it is the id (no `customerMessageId`, as on READ), so a store can tell the two ids apart; multipart SMS send one
 * callback per part, each a record for the same id with `extra.numPart`/`extra.totalParts` (merge them with core's
 * `mergeRecords`); `price` → `cost` in `options.currency` (default EUR). Never throws; an item without an id, or a
 * `DELIVERY` without a usable `statusCode`, is a `decode` error naming the path (`1.statusCode` in an array).
 *
 * @example
 * import { parseWebhook } from '@rcs-records/partner-gateway'
 * const result = parseWebhook({
 *   eventType: 'READ', messageId: 'e766…', destination: '+393401234567', channel: 'RCS', timestamp: '2026-04-09T10:31:15Z',
 * })
 * if (result._tag === 'Right') result.right[0]?.readAt // '2026-04-09T10:31:15.000Z'
 */
export const parseWebhook = (body: unknown, options?: NormalizeOptions): Either<RcsError, RcsRecord[]> => {
  const currency = options?.currency ?? 'EUR'
  const channel = options?.channel ?? 'rcs'
  const defaultCountry = options?.defaultCountry
  const invalid = checkOptions(currency, channel, defaultCountry)
  if (invalid !== null) return left(invalid)
  const parsed = parseJsonBody(PROVIDER, body)
  if (parsed._tag === 'Left') return parsed
  const payload = parsed.right
  const batched = Array.isArray(payload)
  const items: readonly unknown[] = batched ? payload : [payload]
  if (items.length === 0) {
    const issue = { path: '(root)', expected: 'a callback object or a non-empty array of them', actual: 'array(0)' }
    return left(decodeError(PROVIDER, payload, [issue], ID_KEYS))
  }
  const issues: DecodeIssue[] = []
  for (let index = 0; index < items.length && issues.length < MAX_DECODE_ISSUES; index++) {
    issues.push(...issuesOf(items[index], batched ? `${index}.` : ''))
  }
  if (issues.length > 0) return left(decodeError(PROVIDER, payload, issues, ID_KEYS))
  const records: RcsRecord[] = []
  for (const item of items) {
    const c = item as Record<string, unknown>
    const event = classify(c) as Event
    if (event.kind === 'status') records.push(callbackToRecord(c, event, currency, channel, defaultCountry))
  }
  return right(records)
}

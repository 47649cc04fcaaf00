import { type DecodeIssue, isFinal, RcsError, type RcsRecord } from '@rcs-records/core'
import {
  decodeError,
  describeValue,
  isPhoneCountry,
  isValidTimeZone,
  left,
  parseIsoTimestamp,
  readIntegerId,
  readTextOrNumber,
  reasonOnFailure,
  right,
  toE164,
} from '@rcs-records/core/kit'
import type { Either } from 'fp-ts/lib/Either.js'
import { readAmount, readCampaignId, readFallback } from './fields.js'
import { channelOf, reasonFor, statusOf } from './mapping.js'
import { PROVIDER } from './provider.js'

/**
 * Options of {@link normalize} and `parseWebhook`.
 *
 * @example
 * import type { NormalizeOptions } from '@rcs-records/bsg'
 * const options: NormalizeOptions = { timeZone: 'Europe/Kyiv' }
 */
export interface NormalizeOptions {
  /** IANA zone of BSG's zone-less timestamps. Default `UTC`. */
  timeZone?: string
  /**
   * ISO 3166-1 alpha-2 country of phone numbers written without their country code. Default none: such numbers give
   * `recipient: null` unless they are a valid international number.
   */
  defaultCountry?: string
}

const ID_EXPECTED = 'a non-negative integer id (number or digit string)'

/**
 * Checks the parts of a payload every record needs (an object with an integer `id` and a string `status`); the
 * issues name the failing paths, prefixed with `prefix` (e.g. `data.3.`).
 */
export const requiredIssues = (payload: unknown, prefix: string): DecodeIssue[] => {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return [
      { path: prefix === '' ? '(root)' : prefix.slice(0, -1), expected: 'object', actual: describeValue(payload) },
    ]
  }
  const record = payload as Record<string, unknown>
  const issues: DecodeIssue[] = []
  if (readIntegerId(record.id) === null)
    issues.push({ path: `${prefix}id`, expected: ID_EXPECTED, actual: describeValue(record.id) })
  if (typeof record.status !== 'string') {
    issues.push({ path: `${prefix}status`, expected: 'string', actual: describeValue(record.status) })
  }
  return issues
}

/**
 * A `config` error for an unusable `defaultCountry` option (normalising must not throw on it).
 */
export const badDefaultCountry = (country: unknown): RcsError =>
  new RcsError({
    kind: 'config',
    provider: PROVIDER,
    message: `${PROVIDER}: defaultCountry must be an ISO 3166-1 alpha-2 country code such as UA (got ${describeValue(country)})`,
  })

/**
 * A `config` error for an unusable time zone option (normalising must not throw on it).
 */
export const badTimeZone = (timeZone: string): RcsError =>
  new RcsError({
    kind: 'config',
    provider: PROVIDER,
    message: `${PROVIDER}: timeZone must be an IANA time zone such as UTC or Europe/Kyiv (got ${describeValue(timeZone)})`,
  })

const buildExtra = (m: Record<string, unknown>): Record<string, unknown> => {
  const extra: Record<string, unknown> = {}
  if (m.type !== undefined) extra.type = m.type
  if (m.source !== undefined) extra.source = m.source
  if (m.validity !== undefined) extra.validity = m.validity
  if (m.country !== undefined) extra.country = m.country
  if (m.parts !== undefined) extra.parts = m.parts
  if (m.text !== undefined || m.rcs_options !== undefined) {
    const content: Record<string, unknown> = {}
    if (m.text !== undefined) content.text = m.text
    if (m.rcs_options !== undefined) content.rcs_options = m.rcs_options
    extra.content = content
  }
  return extra
}

const toRecord = (
  m: Record<string, unknown>,
  id: string,
  vendorStatus: string,
  readTimestamp: (value: unknown) => string | null,
  defaultCountry: string | undefined,
): RcsRecord => {
  const status = statusOf(vendorStatus)
  const reportedAt = readTimestamp(m.delivered_at)
  const succeeded = status === 'delivered' || status === 'read'
  // The record literal in buildRecord's field order, without its init object (see buildRecord).
  return {
    provider: PROVIDER,
    id,
    reference: readTextOrNumber(m.reference_id),
    channel: channelOf(m.type),
    recipient: toE164(m.phone, defaultCountry),
    sender: readTextOrNumber(m.sender),
    campaign: readCampaignId(m.campaign_id),
    status,
    final: isFinal(status),
    reason: reasonOnFailure(status, reasonFor(status, vendorStatus)),
    vendorStatus,
    vendorDescription: null,
    createdAt: readTimestamp(m.created_at),
    sentAt: readTimestamp(m.sent_at ?? m.send_at),
    // `delivered_at` is when BSG received the delivery report: a delivery time only when the message was delivered;
    // for other statuses it is when BSG last changed the status.
    deliveredAt: succeeded ? reportedAt : null,
    readAt: null,
    updatedAt: status === 'read' ? null : reportedAt,
    cost: readAmount(m.amount ?? m.amont),
    fallback: readFallback(m.alternative_channels),
    extra: buildExtra(m),
    raw: m,
  }
}

/**
 * Builds a normaliser for one time zone and default phone country (validated once): a `/api/messages` item →
 * {@link RcsRecord}.
 *
 * @example
 * import { createNormalizer } from '@rcs-records/bsg'
 * const normalizeKyiv = createNormalizer('Europe/Kyiv', 'UA')
 * const result = normalizeKyiv({ id: 1, status: 'sent', created_at: '2024-07-01 12:00:00', phone: '0661234567' })
 * if (result._tag === 'Right') [result.right.createdAt, result.right.recipient] // ['2024-07-01T09:00:00.000Z', '+380661234567']
 */
export const createNormalizer = (
  timeZone = 'UTC',
  defaultCountry?: string,
): ((payload: unknown) => Either<RcsError, RcsRecord>) => {
  if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) {
    const error = badTimeZone(String(timeZone))
    return () => left(error)
  }
  if (defaultCountry !== undefined && !isPhoneCountry(defaultCountry)) {
    const error = badDefaultCountry(defaultCountry)
    return () => left(error)
  }
  const readTimestamp = (value: unknown) => parseIsoTimestamp(value, timeZone)
  return (payload) => {
    if (payload !== null && typeof payload === 'object' && !Array.isArray(payload)) {
      const m = payload as Record<string, unknown>
      // `requiredIssues` checks with `readIntegerId` too: no issue array for a good payload.
      const id = readIntegerId(m.id)
      const vendorStatus = m.status
      if (id !== null && typeof vendorStatus === 'string') {
        return right(toRecord(m, id, vendorStatus, readTimestamp, defaultCountry))
      }
    }
    return left(decodeError(PROVIDER, payload, requiredIssues(payload, '')))
  }
}

const normalizers = new Map<string, (payload: unknown) => Either<RcsError, RcsRecord>>()

/**
 * Pure: one BSG `/api/messages` item → {@link RcsRecord}. Never throws. A payload that is not an object with an
 * integer `id` and a string `status` is a `decode` error naming the paths; unusable fields (a non-decimal amount, a
 * bad date or phone) become null and stay in `raw`. Timestamps are read in `options.timeZone` (default UTC); `phone`
 * becomes E.164 only when it is a valid international number, or a valid national one of `options.defaultCountry`
 * (never a guessed country).
 *
 * @example
 * import { normalize } from '@rcs-records/bsg'
 * const result = normalize({ id: 26130, status: 'delivered', phone: 380661234567 }, { timeZone: 'Europe/Kyiv' })
 * if (result._tag === 'Right') result.right.recipient // '+380661234567'
 */
export const normalize = (payload: unknown, options?: NormalizeOptions): Either<RcsError, RcsRecord> => {
  const timeZone = options?.timeZone ?? 'UTC'
  const defaultCountry = options?.defaultCountry
  const key = defaultCountry === undefined ? timeZone : `${timeZone}|${String(defaultCountry)}`
  let normalizer = normalizers.get(key)
  if (normalizer === undefined) {
    normalizer = createNormalizer(timeZone, defaultCountry)
    if (normalizers.size < 64) normalizers.set(key, normalizer)
  }
  return normalizer(payload)
}

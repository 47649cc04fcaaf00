import { type Channel, ChannelCodec, type DecodeIssue, isFinal, RcsError, type RcsRecord } from '@rcs-records/core'
import { decodeError, describeValue, isPhoneCountry, left, reasonOnFailure, right, toE164 } from '@rcs-records/core/kit'
import type { Either } from 'fp-ts/lib/Either.js'
import type { PartnerChannel } from './config.js'
import { notAnObject, readCost, readId, readText, readTimestamp } from './fields.js'
import { channelOf, reasonFor, statusOf } from './mapping.js'
import { PROVIDER } from './provider.js'

/**
 * Options of {@link normalize} and `parseWebhook`.
 *
 * @example
 * import type { NormalizeOptions } from '@rcs-records/partner-gateway'
 * const options: NormalizeOptions = { currency: 'EUR', channel: 'sms' }
 */
export interface NormalizeOptions {
  /** Currency of `cost` (the payloads carry a bare number). Default `EUR`, what Agile Telecom bills in. */
  currency?: string
  /** Channel of a payload without a `channel` field (the lookup was scoped to it). Default `rcs`. */
  channel?: Channel
  /**
   * ISO 3166-1 alpha-2 country of phone numbers written without their country code. Default none: such numbers give
   * `recipient: null` unless they are a valid international number.
   */
  defaultCountry?: string
}

/**
 * Keys a decode error reads the record's id from.
 */
export const ID_KEYS: readonly string[] = ['customerMessageId', 'messageId']

const ID_EXPECTED = 'a non-empty string id (customerMessageId, or messageId in the wrapped history shape)'
const STATUS_EXPECTED = 'string (deliveryStatus, deliveryStato, or status in the wrapped history shape)'
const CURRENCY = /^[A-Z]{3}$/

/**
 * A `config` error for unusable normalize options (normalising must not throw on them).
 */
export const badOption = (name: string, expected: string, value: unknown): RcsError =>
  new RcsError({
    kind: 'config',
    provider: PROVIDER,
    message: `${PROVIDER}: ${name} must be ${expected} (got ${describeValue(value)})`,
  })

/**
 * Checks options once; the error for unusable ones.
 */
export const checkOptions = (currency: unknown, channel: unknown, defaultCountry?: unknown): RcsError | null => {
  if (typeof currency !== 'string' || !CURRENCY.test(currency)) {
    return badOption('currency', 'an ISO 4217 code such as EUR', currency)
  }
  if (!ChannelCodec.is(channel)) return badOption('channel', 'rcs, sms, whatsapp, viber or other', channel)
  if (defaultCountry !== undefined && !isPhoneCountry(defaultCountry)) {
    return badOption('defaultCountry', 'an ISO 3166-1 alpha-2 country code such as IT', defaultCountry)
  }
  return null
}

/** The first of `values` that is a string. */
const firstString = (a: unknown, b: unknown, c: unknown): string | null => {
  if (typeof a === 'string') return a
  if (typeof b === 'string') return b
  if (typeof c === 'string') return c
  return null
}

/** The first of the keys present in `m` (the one a decode issue points at); the first key when none is. */
const presentKey = (m: Record<string, unknown>, a: string, b: string, c: string): string => {
  if (m[a] !== undefined) return a
  if (m[b] !== undefined) return b
  if (m[c] !== undefined) return c
  return a
}

/** A JSON primitive, or undefined (objects are never copied from the payload into `extra`). */
const primitive = (value: unknown): string | number | boolean | null | undefined =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : undefined

const buildExtra = (m: Record<string, unknown>, id: string): Record<string, unknown> => {
  const extra: Record<string, unknown> = {}
  const messageId = primitive(m.messageId)
  // Keyed by `messageId` alone: `extra.messageId === id` says so (the store joins it to its customerMessageId).
  // (Not an answer that names no id at all, which is the record of the customerMessageId asked for.)
  if (readId(m.customerMessageId) === null && readId(m.messageId) === id) extra.messageId = id
  else if (messageId !== undefined && messageId !== id) extra.messageId = messageId
  const direction = primitive(m.direction)
  if (direction !== undefined) extra.direction = direction
  const body = primitive(m.body)
  if (body !== undefined) extra.body = body
  const parts = primitive(m.parts)
  if (parts !== undefined) extra.parts = parts
  return extra
}

const toRecord = (
  m: Record<string, unknown>,
  id: string,
  vendorStatus: string,
  currency: string,
  channel: Channel,
  defaultCountry: string | undefined,
): RcsRecord => {
  const status = statusOf(vendorStatus)
  const description = readText(m.deliveryStatusDescription) ?? readText(m.deliveryStatoDescription)
  const sendDate = readTimestamp(m.sendDate)
  const reportedAt = readTimestamp(m.deliveryDate)
  // The record literal in buildRecord's field order, without its init object (see buildRecord).
  return {
    provider: PROVIDER,
    id,
    reference: null,
    channel: channelOf(m.channel, channel),
    recipient: toE164(m.destination, defaultCountry),
    sender: readText(m.sender),
    campaign: null,
    status,
    final: isFinal(status),
    reason: reasonOnFailure(status, reasonFor(status, vendorStatus, description)),
    vendorStatus,
    vendorDescription: description,
    // `sendDate` is when the message was sent through the API: its creation and its send time on this platform.
    createdAt: sendDate,
    sentAt: sendDate,
    // `deliveryDate` is a delivery time only for DELIVERED; for other statuses, when the status last changed.
    deliveredAt: status === 'delivered' ? reportedAt : null,
    readAt: null,
    updatedAt: reportedAt,
    cost: readCost(m.cost, currency),
    fallback: null,
    extra: buildExtra(m, id),
    raw: m,
  }
}

/**
 * Builds a normaliser for one currency and default channel (checked once): a `DeliveryStatusResponse` (either
 * spelling) or a wrapped-history item → {@link RcsRecord}.
 *
 * @example
 * import { createNormalizer } from '@rcs-records/partner-gateway'
 * const normalizeSms = createNormalizer({ channel: 'sms' })
 * normalizeSms({ customerMessageId: 'order-12345', deliveryStatus: 'DELIVERED' }) // right(record with channel 'sms')
 */
export const createNormalizer = (
  options: NormalizeOptions = {},
): ((payload: unknown) => Either<RcsError, RcsRecord>) => {
  const currency = options.currency ?? 'EUR'
  const channel = options.channel ?? 'rcs'
  const { defaultCountry } = options
  const invalid = checkOptions(currency, channel, defaultCountry)
  if (invalid !== null) return () => left(invalid)
  return (payload) => normalizeWith(payload, currency, channel, defaultCountry, undefined)
}

/**
 * The id a status answer names (`customerMessageId`, else `messageId`), or null when it names none usable.
 */
export const answeredId = (payload: unknown): string | null => {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return null
  const m = payload as Record<string, unknown>
  return readId(m.customerMessageId) ?? readId(m.messageId)
}

/**
 * Normalises the answer of a lookup of `askedId` (the single-status endpoint): like {@link normalize}, except that
 * an answer that names no id at all (the overview shows the body `{deliveryStatus}`) is the record of `askedId`.
 * Whether an answer naming another id may stand is the caller's decision (see {@link answeredId}); this never
 * replaces an id the answer names.
 */
export const normalizeLookupAnswer = (
  payload: unknown,
  askedId: string,
  options: NormalizeOptions = {},
): Either<RcsError, RcsRecord> => {
  const currency = options.currency ?? 'EUR'
  const channel = options.channel ?? 'rcs'
  const { defaultCountry } = options
  const invalid = checkOptions(currency, channel, defaultCountry)
  return invalid === null ? normalizeWith(payload, currency, channel, defaultCountry, askedId) : left(invalid)
}

/** Absent: undefined or null (a present but unusable id is never replaced). */
const absent = (value: unknown): boolean => value === undefined || value === null

const normalizeWith = (
  payload: unknown,
  currency: string,
  channel: Channel,
  defaultCountry: string | undefined,
  askedId: string | undefined,
): Either<RcsError, RcsRecord> => {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return left(decodeError(PROVIDER, payload, notAnObject(payload, ''), ID_KEYS))
  }
  const m = payload as Record<string, unknown>
  let id = readId(m.customerMessageId) ?? readId(m.messageId)
  if (id === null && askedId !== undefined && absent(m.customerMessageId) && absent(m.messageId)) id = askedId
  const vendorStatus = firstString(m.deliveryStatus, m.deliveryStato, m.status)
  if (id === null || vendorStatus === null) {
    const issues: DecodeIssue[] = []
    if (id === null) {
      const at = presentKey(m, 'customerMessageId', 'messageId', 'customerMessageId')
      issues.push({ path: at, expected: ID_EXPECTED, actual: describeValue(m[at]) })
    }
    if (vendorStatus === null) {
      const at = presentKey(m, 'deliveryStatus', 'deliveryStato', 'status')
      issues.push({ path: at, expected: STATUS_EXPECTED, actual: describeValue(m[at]) })
    }
    return left(decodeError(PROVIDER, payload, issues, ID_KEYS))
  }
  return right(toRecord(m, id, vendorStatus, currency, channel, defaultCountry))
}

const normalizers = new Map<string, (payload: unknown) => Either<RcsError, RcsRecord>>()
const normalizeDefault = createNormalizer()

/**
 * Pure: one partner-gateway `DeliveryStatusResponse` (single status, batch or history item, with either the
 * `deliveryStatus…` or the `deliveryStato…` spelling) or one item of the wrapped history shape → {@link RcsRecord}.
 * Never throws. A payload that is not an object with an id and a status is a `decode` error naming the paths;
 * unusable fields (a bad date, phone or amount) become null and stay in `raw`. `cost` is in `options.currency`
 * (default EUR); a payload without `channel` is on `options.channel` (default `rcs`); `destination` is E.164 as
 * sent, or digits that are a valid international number, or a valid national one of `options.defaultCountry`.
 *
 * @example
 * import { normalize } from '@rcs-records/partner-gateway'
 * const result = normalize({
 *   customerMessageId: 'order-12345', deliveryStatus: 'ERROR', deliveryStatusDescription: 'RCS disabled',
 * })
 * if (result._tag === 'Right') result.right.reason?.code // 'not_rcs_capable'
 */
export const normalize = (payload: unknown, options?: NormalizeOptions): Either<RcsError, RcsRecord> => {
  if (options === undefined) return normalizeDefault(payload)
  const currency = options?.currency ?? 'EUR'
  const channel = options?.channel ?? 'rcs'
  const defaultCountry = options?.defaultCountry
  if (
    typeof currency !== 'string' ||
    typeof channel !== 'string' ||
    (defaultCountry !== undefined && typeof defaultCountry !== 'string')
  ) {
    return createNormalizer(options)(payload)
  }
  const key = `${currency}|${channel}|${defaultCountry ?? ''}`
  let normalizer = normalizers.get(key)
  if (normalizer === undefined) {
    normalizer = createNormalizer(options)
    if (normalizers.size < 64) normalizers.set(key, normalizer)
  }
  return normalizer(payload)
}

/**
 * A normaliser bound to a currency and a default channel.
 */
export type Normalizer = (payload: unknown) => Either<RcsError, RcsRecord>

/**
 * One normaliser per channel, all in the config's currency (and default phone country): a payload without a
 * `channel` field is on the channel its lookup or listing was scoped to.
 */
export const normalizersByChannel = (
  currency: string,
  defaultCountry?: string,
): ((channel: PartnerChannel) => Normalizer) => {
  const options = defaultCountry === undefined ? { currency } : { currency, defaultCountry }
  const byChannel: Record<PartnerChannel, Normalizer> = {
    rcs: createNormalizer({ ...options, channel: 'rcs' }),
    sms: createNormalizer({ ...options, channel: 'sms' }),
    whatsapp: createNormalizer({ ...options, channel: 'whatsapp' }),
  }
  return (channel) => byChannel[channel]
}

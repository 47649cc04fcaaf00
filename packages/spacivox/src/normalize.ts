import { type DecodeIssue, isFinal, RcsError, type RcsRecord } from '@rcs-records/core'
import {
  decodeError,
  describeValue,
  isPhoneCountry,
  left,
  parseIsoTimestamp,
  readIntegerId,
  readTextOrNumber,
  reasonOnFailure,
  right,
  toE164,
} from '@rcs-records/core/kit'
import type { Either } from 'fp-ts/lib/Either.js'
import { isDocumentedState, reasonFor, stateDescriptions, statusOf } from './mapping.js'
import { PROVIDER } from './provider.js'

const ID_EXPECTED = 'a non-negative integer id'
const STATE_EXPECTED = 'an integer state (0 sent, 1 delivered, 2 failed, 3 rejected, 4 read)'

/**
 * What makes a payload not a record at all: not an object, no usable `id`, or no `state` (a `state` that is a
 * number or a string is a record whose state may be unknown, not a decode failure).
 */
export const recordIssues = (payload: unknown): DecodeIssue[] => {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return [{ path: '(root)', expected: 'object (one /j/rcs_records item)', actual: describeValue(payload) }]
  }
  const record = payload as Record<string, unknown>
  const issues: DecodeIssue[] = []
  if (readIntegerId(record.id) === null)
    issues.push({ path: 'id', expected: ID_EXPECTED, actual: describeValue(record.id) })
  const state = record.state
  if (typeof state !== 'number' && typeof state !== 'string') {
    issues.push({ path: 'state', expected: STATE_EXPECTED, actual: describeValue(state) })
  }
  return issues
}

const notARecord = (payload: unknown): RcsError => decodeError(PROVIDER, payload, recordIssues(payload))

/** Vendor fields with no canonical home, from known keys only (never a copy of the payload). */
const buildExtra = (m: Record<string, unknown>): Record<string, unknown> => {
  const extra: Record<string, unknown> = {}
  if (m.job !== undefined) extra.job = m.job
  if (m.team !== undefined) extra.team = m.team
  if (m.portal !== undefined) extra.portal = m.portal
  if (m.content_message !== undefined) extra.content = m.content_message
  return extra
}

const normalizeWith = (payload: unknown, defaultCountry: string | undefined): Either<RcsError, RcsRecord> => {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return left(notARecord(payload))
  const m = payload as Record<string, unknown>
  const id = readIntegerId(m.id)
  const state = m.state
  if (id === null || (typeof state !== 'number' && typeof state !== 'string')) return left(notARecord(payload))
  // The documented form `2015-01-06T10:21:14.243Z` is returned as is on core's fast path; a zone-less time is UTC.
  const at = parseIsoTimestamp(m.timestamp)
  const status = statusOf(state)
  // The record literal in buildRecord's field order, without its init object (see buildRecord).
  const record: RcsRecord = {
    provider: PROVIDER,
    id,
    reference: readTextOrNumber(m.reference),
    channel: 'rcs',
    recipient: toE164(m.number, defaultCountry),
    sender: null,
    campaign: readTextOrNumber(m.campaign),
    status,
    final: isFinal(status),
    reason: reasonOnFailure(status, reasonFor(status, state)),
    vendorStatus: state,
    vendorDescription: isDocumentedState(state) ? stateDescriptions[state] : null,
    createdAt: null,
    sentAt: state === 0 ? at : null,
    deliveredAt: state === 1 ? at : null,
    readAt: state === 4 ? at : null,
    updatedAt: at,
    cost: null,
    fallback: null,
    extra: buildExtra(m),
    raw: payload,
  }
  return right(record)
}

/**
 * Options of {@link normalize} and {@link createNormalizer}.
 *
 * @example
 * import type { NormalizeOptions } from '@rcs-records/spacivox'
 * const options: NormalizeOptions = { defaultCountry: 'FR' }
 */
export interface NormalizeOptions {
  /**
   * ISO 3166-1 alpha-2 country of phone numbers written without their country code. Default none: such numbers give
   * `recipient: null` unless they are a valid international number (the documented form is `+33612345678`).
   */
  defaultCountry?: string
}

/**
 * Builds a normaliser for one default phone country (checked once; an unusable one makes every call a `config`
 * error).
 *
 * @example
 * import { createNormalizer } from '@rcs-records/spacivox'
 * const normalizeFr = createNormalizer({ defaultCountry: 'FR' })
 * normalizeFr({ id: 1, state: 1, number: '0612345678' }) // right(record with recipient '+33612345678')
 */
export const createNormalizer = (
  options: NormalizeOptions = {},
): ((payload: unknown) => Either<RcsError, RcsRecord>) => {
  const { defaultCountry } = options
  if (defaultCountry !== undefined && !isPhoneCountry(defaultCountry)) {
    const error = new RcsError({
      kind: 'config',
      provider: PROVIDER,
      message: `${PROVIDER}: defaultCountry must be an ISO 3166-1 alpha-2 country code such as FR (got ${describeValue(defaultCountry)})`,
    })
    return () => left(error)
  }
  return (payload) => normalizeWith(payload, defaultCountry)
}

const normalizers = new Map<string, (payload: unknown) => Either<RcsError, RcsRecord>>()

/**
 * Pure: one `/j/rcs_records` item → {@link RcsRecord}. Never throws.
 *
 * - `state` 0 sent, 1 delivered, 2 undeliverable (the vendor's "failed"), 3 rejected, 4 read; any other value —
 *   another integer, a string such as `"1"`, a fraction — is `unknown`, with the raw value in `vendorStatus`.
 *   Failures carry reason `unknown` (the API never says why), `vendorCode` the state.
 * - `timestamp` is read as the moment of the record's current state: it is `updatedAt`, and also `sentAt` (state 0),
 *   `deliveredAt` (1) or `readAt` (4). A read record's `deliveredAt` stays null here; core's `mergeRecords` fills
 *   it from `readAt`.
 * - `number` → `recipient`: E.164 as sent, or digits that are a valid international number, or a valid national one
 *   of `options.defaultCountry` — else null (never a guessed country); `id` and `campaign` → strings; `job`, `team`, `portal` and
 *   `content_message` (as `content`) → `extra`; `channel` is always `rcs`.
 *
 * A payload without an integer `id` or without a `state` is a `decode` error naming the paths; unusable fields (a
 * bad date or phone) become null and stay in `raw`.
 *
 * @example
 * import { normalize } from '@rcs-records/spacivox'
 * const result = normalize({ campaign: 1, id: 1, job: 1, number: '+33612345678', portal: null, reference: '123456',
 *   state: 0, team: 1, timestamp: '2015-01-06T10:21:14.243Z' })
 * if (result._tag === 'Right') result.right.status // 'sent'
 */
export const normalize = (payload: unknown, options?: NormalizeOptions): Either<RcsError, RcsRecord> => {
  const defaultCountry = options?.defaultCountry
  if (defaultCountry === undefined) return normalizeWith(payload, undefined)
  let normalizer = normalizers.get(String(defaultCountry))
  if (normalizer === undefined) {
    normalizer = createNormalizer(options)
    if (normalizers.size < 64) normalizers.set(String(defaultCountry), normalizer)
  }
  return normalizer(payload)
}

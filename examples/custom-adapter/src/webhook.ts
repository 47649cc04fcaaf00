import type { DecodeIssue, RcsError, RcsRecord } from '@rcs-records/core'
import { buildRecord, decodeError, lookupStatus, toE164 } from '@rcs-records/core/kit'
import { type Either, left, right } from 'fp-ts/lib/Either.js'
import { bareAddress, channelOf, reasonFor, TWILIO_STATUSES } from './mapping.js'
import { PROVIDER } from './provider.js'

const FIELDS = ['MessageSid', 'SmsSid', 'MessageStatus', 'SmsStatus', 'To', 'From', 'ErrorCode', 'AccountSid'] as const
type CallbackField = (typeof FIELDS)[number]

/** The known fields of a callback, from a parsed form object or a raw `application/x-www-form-urlencoded` string. */
const fieldsOf = (body: unknown): Partial<Record<CallbackField, string>> | null => {
  const out: Partial<Record<CallbackField, string>> = {}
  if (typeof body === 'string') {
    const params = new URLSearchParams(body)
    for (const field of FIELDS) {
      const value = params.get(field)
      if (value !== null) out[field] = value
    }
    return out
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null
  for (const field of FIELDS) {
    const value = (body as Record<string, unknown>)[field]
    if (typeof value === 'string') out[field] = value
  }
  return out
}

/**
 * Parses one Twilio status callback (the form Twilio POSTs to your `StatusCallback` URL) into one record. Accepts
 * the body as your framework parsed it (an object of strings) or as the raw form-encoded string. Twilio sends no
 * timestamp with a callback, so the record's times are null; merge it into what you polled with core's
 * `mergeRecords`. A body without `MessageSid` and `MessageStatus` is a `decode` error naming the field.
 *
 * @example
 * import { parseWebhook } from '@rcs-records/example-custom-adapter'
 * parseWebhook('MessageSid=SM1&MessageStatus=read&To=%2B15558675310') // right([{ id: 'SM1', status: 'read', … }])
 */
export const parseWebhook = (body: unknown): Either<RcsError, RcsRecord[]> => {
  const fields = fieldsOf(body)
  if (fields === null) {
    const actual = body === null ? 'null' : Array.isArray(body) ? 'array' : typeof body
    return left(decodeError(PROVIDER, body, [{ path: '(root)', expected: 'a status callback form', actual }]))
  }
  const sid = fields.MessageSid ?? fields.SmsSid
  const status = fields.MessageStatus ?? fields.SmsStatus
  const issues: DecodeIssue[] = []
  if (sid === undefined || sid === '') issues.push({ path: 'MessageSid', expected: 'a message SID', actual: 'missing' })
  if (status === undefined) issues.push({ path: 'MessageStatus', expected: 'string', actual: 'missing' })
  if (issues.length > 0) return left(decodeError(PROVIDER, body, issues, ['MessageSid']))
  const from = fields.From ?? null
  const to = fields.To ?? null
  const canonical = lookupStatus(TWILIO_STATUSES, status as string)
  const extra: Record<string, unknown> = {}
  if (fields.AccountSid !== undefined) extra.account_sid = fields.AccountSid
  return right([
    buildRecord({
      provider: PROVIDER,
      id: sid as string,
      channel: channelOf(from, to),
      recipient: to === null ? null : toE164(bareAddress(to)),
      sender: from === null || from === '' ? null : bareAddress(from),
      status: canonical,
      vendorStatus: status as string,
      reason: reasonFor(
        canonical,
        status as string,
        null,
        fields.ErrorCode !== undefined && /^\d{1,10}$/.test(fields.ErrorCode) ? fields.ErrorCode : null,
      ),
      extra,
      raw: body,
    }),
  ])
}

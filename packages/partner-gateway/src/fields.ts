import type { Cost, DecodeIssue } from '@rcs-records/core'
import { describeValue, parseIsoTimestamp, toDecimalString } from '@rcs-records/core/kit'

/**
 * Field readers shared by `normalize` and `parseWebhook`. Each takes an untrusted value and gives the canonical
 * value or null — never an exception.
 */

/**
 * A message id: a non-empty string (UUIDs and caller-chosen ids such as `order-12345`), or a safe integer written
 * as a string; null otherwise.
 */
export const readId = (value: unknown): string | null => {
  if (typeof value === 'string') return value !== '' ? value : null
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : null
  return null
}

/**
 * A non-empty string; null otherwise.
 */
export const readText = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

/**
 * A partner-gateway timestamp (ISO-8601 with `Z` or an offset) as canonical ISO UTC with milliseconds; null when
 * absent or unusable.
 */
export const readTimestamp = (value: unknown): string | null => parseIsoTimestamp(value)

/**
 * A cost: the payload's bare amount (number or decimal string) in `currency`; null when the amount is absent or not
 * a decimal.
 */
export const readCost = (value: unknown, currency: string): Cost | null => {
  const amount = toDecimalString(value)
  return amount === null ? null : { amount, currency }
}

/**
 * The issue of a payload that is not a JSON object, at `path` (`(root)` for the payload itself).
 */
export const notAnObject = (value: unknown, prefix: string): DecodeIssue[] =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? []
    : [{ path: prefix === '' ? '(root)' : prefix.slice(0, -1), expected: 'object', actual: describeValue(value) }]

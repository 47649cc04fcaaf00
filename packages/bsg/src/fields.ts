import type { Channel, Cost, Fallback } from '@rcs-records/core'
import { readIntegerId, toDecimalString } from '@rcs-records/core/kit'

/**
 * Field readers shared by `normalize` and `parseWebhook`. Each takes an untrusted value and gives the canonical
 * value or null — never an exception.
 */

/**
 * A cost from an amount and a currency: null unless the amount is a decimal and the currency a non-empty string.
 */
export const readCost = (value: unknown, currency: unknown): Cost | null => {
  const amount = toDecimalString(value)
  return amount !== null && typeof currency === 'string' && currency !== '' ? { amount, currency } : null
}

const asObject = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null

/**
 * The cost of a `/api/messages` item: `amount` (the spec) or `amont` (the seed's field table, which also calls it an
 * array — its first element is used).
 */
export const readAmount = (value: unknown): Cost | null => {
  const amount = asObject(Array.isArray(value) ? value[0] : value)
  return amount === null ? null : readCost(amount.value, amount.currency)
}

const fallbackChannel = (details: unknown, channel: Channel): Fallback | null => {
  const object = asObject(details)
  if (object === null) return null
  const rawIds = object.id
  const ids: string[] = []
  if (Array.isArray(rawIds)) {
    for (const item of rawIds) {
      const id = readIntegerId(item)
      if (id !== null) ids.push(id)
    }
  } else {
    const id = readIntegerId(rawIds)
    if (id !== null) ids.push(id)
  }
  const parts = object.parts
  return { channel, ids, parts: typeof parts === 'number' && Number.isSafeInteger(parts) && parts >= 0 ? parts : null }
}

/**
 * The fallback message(s) of `alternative_channels` (`{"sms":{"parts":1,"id":[12345]}}`, or `viber`): ids as
 * strings (ids that are not integers are dropped), `parts` or null. SMS wins when both are present.
 */
export const readFallback = (value: unknown): Fallback | null => {
  const object = asObject(value)
  if (object === null) return null
  return fallbackChannel(object.sms, 'sms') ?? fallbackChannel(object.viber, 'viber')
}

const CAMPAIGN_DIGITS = /^\d{1,16}$/

/**
 * A `campaign_id`: a non-negative safe integer, as a JSON number or a digit string, written as its decimal digits
 * (leading zeros dropped, as `filter[campaign_id]` is); null for anything else — `12.5`, `1e21`, a number beyond
 * 2^53 that JSON cannot carry exactly — which stays in `raw`.
 */
export const readCampaignId = (value: unknown): string | null => {
  if (typeof value === 'number') return readIntegerId(value)
  return typeof value === 'string' && CAMPAIGN_DIGITS.test(value) ? readIntegerId(Number(value)) : null
}

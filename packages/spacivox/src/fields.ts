import { parseIsoTimestamp, toE164 } from '@rcs-records/core/kit'

/**
 * Field readers of `normalize`. Each takes an untrusted value and gives the canonical value or null — never an
 * exception.
 */

/**
 * A timestamp as canonical ISO-8601 UTC with milliseconds: core's `parseIsoTimestamp` (which returns the documented
 * form `2015-01-06T10:21:14.243Z` as is on its fast path); a zone-less time is read as UTC. Impossible dates
 * (`2015-02-30…`) and anything else give null.
 *
 * @example
 * import { readTimestamp } from './fields.js'
 * readTimestamp('2015-01-06T10:21:14.243Z') // '2015-01-06T10:21:14.243Z'
 * readTimestamp('2015-01-06T11:21:14+01:00') // '2015-01-06T10:21:14.000Z'
 * readTimestamp('yesterday') // null
 */
export const readTimestamp = (value: unknown): string | null => parseIsoTimestamp(value)

/**
 * The recipient in E.164: core's `toE164` (the documented form `+33612345678` is returned as is on its fast path;
 * separators and a `00` prefix are read too; digits without `+` only when they are a valid international number, or
 * a valid national one of `defaultCountry`), null when unusable — never a guessed country.
 *
 * @example
 * import { readRecipient } from './fields.js'
 * readRecipient('+33612345678') // '+33612345678'
 * readRecipient('0033 6 12 34 56 78') // '+33612345678'
 * readRecipient('0612345678') // null
 * readRecipient('0612345678', 'FR') // '+33612345678'
 * readRecipient('not a phone') // null
 */
export const readRecipient = (value: unknown, defaultCountry?: string): string | null => toE164(value, defaultCountry)

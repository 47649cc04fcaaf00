import { type CountryCode, isSupportedCountry, Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/core'
import { integerText } from './integer-text.js'
import { PHONE_METADATA as metadata } from './phone-metadata.js'

const SEPARATORS = /[\s().\-/]/g
const DIGITS = /^\d{7,15}$/

/** True for `+` and 7–15 digits, the first not 0: already E.164 (`+33612345678`). */
const isPlainE164 = (text: string): boolean => {
  const length = text.length
  if (length < 8 || length > 16 || text.charCodeAt(0) !== 43 || text.charCodeAt(1) === 48) return false
  for (let index = 1; index < length; index++) {
    const code = text.charCodeAt(index)
    if (code < 48 || code > 57) return false
  }
  return true
}

const COUNTRY = /^[A-Z]{2}$/

/**
 * True for an ISO 3166-1 alpha-2 code (upper case) that the phone-number metadata knows: what a `defaultCountry`
 * option must be.
 *
 * @example
 * import { isPhoneCountry } from '@rcs-records/core/kit'
 * isPhoneCountry('IT') // true
 * isPhoneCountry('it') // false
 * isPhoneCountry('XX') // false
 */
export const isPhoneCountry = (code: unknown): code is string =>
  typeof code === 'string' && COUNTRY.test(code) && isSupportedCountry(code as CountryCode, metadata)

/**
 * The library's E.164 of a number it found valid, when that is `+` and 7–15 digits; else null. Reading digits, the
 * library may strip a national prefix (`49 0 1741` → `+491741`) and give a number shorter than E.164 allows, which
 * `toE164` would itself refuse: not a number to vouch for.
 */
const validE164 = (parsed: ReturnType<typeof parsePhoneNumberFromString>): string | null =>
  parsed?.isValid() === true && isPlainE164(parsed.number) ? parsed.number : null

/** The digits read as a national number of `country`, when that is a valid number; else null. */
const nationalE164 = (digits: string, country: string | undefined): string | null => {
  if (country === undefined || !isPhoneCountry(country)) return null
  return validE164(parsePhoneNumberFromString(digits, country as CountryCode, metadata))
}

/**
 * The library's answer for digits without `+` (libphonenumber-js with its compact "min" metadata, less the
 * formatting rules it never reads here — see `phone-metadata.ts`): `+digits`'s canonical E.164 when it is a valid
 * international number (7–15 digits, the first not 0), else the digits read as a national number of
 * `defaultCountry` when that is valid, else null. The reference the fast path is tested against.
 */
export const nationalOrInternational = (digits: string, defaultCountry: string | undefined): string | null => {
  if (DIGITS.test(digits) && digits.charCodeAt(0) !== 48) {
    const international = validE164(parsePhoneNumberFromString(`+${digits}`, metadata))
    if (international !== null) return international
  }
  return nationalE164(digits, defaultCountry)
}

// The parts of libphonenumber-js's `Metadata` the fast path reads (present at run time, untyped in its d.ts). The
// metadata writes an absent value as `0`, so every optional one is read as "falsy means absent", as the library does.

/** A number type's rules (`metadata.type(name)`). */
interface NumberTypeAccess {
  pattern(): string | 0 | undefined
  possibleLengths(): number[] | 0 | undefined
}
/** A country's numbering plan (`metadata.numberingPlan` once one is selected). */
interface NumberingPlanAccess {
  nationalNumberPattern(): string
  nationalPrefixForParsing(): string | 0 | undefined
  leadingDigits(): string | 0 | undefined
}
/** The `Metadata` instance. */
interface MetadataAccess {
  hasCallingCode(callingCode: string): boolean
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined
  isNonGeographicCallingCode(callingCode: string): boolean
  selectNumberingPlan(countryOrCallingCode: string): void
  hasTypes(): boolean
  type(name: string): NumberTypeAccess | undefined
  numberingPlan?: NumberingPlanAccess
}

/** The number types libphonenumber-js's `getNumberType` tries (fixed line first). */
const NUMBER_TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const

/**
 * One country's rules, compiled once: its national number pattern, its number types (if the metadata has them) and
 * the leading digits that claim a shared calling code's numbers for it.
 */
interface CountryRules {
  pattern: RegExp
  types: ReadonlyArray<{ pattern: RegExp; lengths: readonly number[] | undefined }> | null
  leading: RegExp | null
}

/**
 * A calling code's rules: its length, its countries in the metadata's order (the first is the main one), and the
 * main country's national prefix for parsing.
 */
interface CallingCodeRules {
  length: number
  countries: readonly CountryRules[]
  prefix: RegExp | null
}

let access: MetadataAccess | undefined
const metadataAccess = (): MetadataAccess => {
  access ??= new Metadata(metadata) as unknown as MetadataAccess
  return access
}

// Every rule is compiled sticky (`y`), so it is tried at the national number's offset inside the digits
// (`matchesAt`) without slicing a national-number string off each one.

/** A sticky regex matching the whole rest of a text from where it is tried. */
const wholeRest = (pattern: string): RegExp => new RegExp(`(?:${pattern})$`, 'y')

/** A sticky regex matching a prefix of the rest of a text from where it is tried. */
const startOfRest = (pattern: string): RegExp => new RegExp(`(?:${pattern})`, 'y')

/** Whether sticky `regex` matches `text` at `at`. */
const matchesAt = (regex: RegExp, text: string, at: number): boolean => {
  regex.lastIndex = at
  return regex.test(text)
}

const countryRules = (m: MetadataAccess, country: string): CountryRules => {
  m.selectNumberingPlan(country)
  const plan = m.numberingPlan as NumberingPlanAccess
  const leading = plan.leadingDigits()
  let types: Array<{ pattern: RegExp; lengths: readonly number[] | undefined }> | null = null
  if (m.hasTypes()) {
    types = []
    for (const name of NUMBER_TYPES) {
      const type = m.type(name)
      const pattern = type?.pattern()
      if (type !== undefined && pattern)
        types.push({ pattern: wholeRest(pattern), lengths: type.possibleLengths() || undefined })
    }
  }
  return {
    pattern: wholeRest(plan.nationalNumberPattern()),
    types,
    leading: leading ? startOfRest(leading) : null,
  }
}

/**
 * A calling code's rules, compiled on first use; null for a non-geographic code (+800, +882…), which the library's
 * parser handles.
 */
const rulesOf = (callingCode: string): CallingCodeRules | null => {
  const m = metadataAccess()
  const countries = m.getCountryCodesForCallingCode(callingCode)
  if (m.isNonGeographicCallingCode(callingCode) || countries === undefined || countries.length === 0) return null
  const compiled = countries.map((country) => countryRules(m, country))
  m.selectNumberingPlan(countries[0] as string)
  const prefix = (m.numberingPlan as NumberingPlanAccess).nationalPrefixForParsing()
  return { length: callingCode.length, countries: compiled, prefix: prefix ? startOfRest(prefix) : null }
}

/**
 * Whether the national number (`digits` from `at`) has one of the country's types (libphonenumber-js's
 * `getNumberType` is defined).
 */
const hasType = (country: CountryRules, digits: string, at: number): boolean => {
  if (country.types === null || !matchesAt(country.pattern, digits, at)) return false
  const length = digits.length - at
  for (const type of country.types) {
    if ((type.lengths === undefined || type.lengths.includes(length)) && matchesAt(type.pattern, digits, at))
      return true
  }
  return false
}

/** libphonenumber-js's `isValid` for a country: its types when the metadata has them, else its pattern. */
const isValidFor = (country: CountryRules, digits: string, at: number): boolean =>
  country.types === null ? matchesAt(country.pattern, digits, at) : hasType(country, digits, at)

/** libphonenumber-js's choice among the countries sharing a calling code: leading digits, else a matching type. */
const countryOf = (codeRules: CallingCodeRules, digits: string, at: number): CountryRules | undefined => {
  const { countries } = codeRules
  if (countries.length === 1) return countries[0]
  for (const country of countries) {
    if (country.leading !== null ? matchesAt(country.leading, digits, at) : hasType(country, digits, at)) return country
  }
  return undefined
}

/**
 * The rules of the calling code that digits start with, by their first three digits (as a number, 100–999: at most
 * 900 entries); `null` when no calling code starts them, `NON_GEOGRAPHIC` for a non-geographic one.
 */
const NON_GEOGRAPHIC = 0
const byFirstDigits = new Map<number, CallingCodeRules | null | typeof NON_GEOGRAPHIC>()

/** The calling code `digits` (7 or more, the first not 0) start with: 1–3 digits, the shortest the metadata knows. */
const callingCodeRulesOf = (digits: string): CallingCodeRules | null | typeof NON_GEOGRAPHIC => {
  const key = (digits.charCodeAt(0) - 48) * 100 + (digits.charCodeAt(1) - 48) * 10 + digits.charCodeAt(2) - 48
  let found = byFirstDigits.get(key)
  if (found === undefined) {
    const m = metadataAccess()
    found = null
    for (let length = 1; length <= 3; length++) {
      const prefix = digits.slice(0, length)
      if (m.hasCallingCode(prefix)) {
        found = rulesOf(prefix) ?? NON_GEOGRAPHIC
        break
      }
    }
    byFirstDigits.set(key, found)
  }
  return found
}

/**
 * {@link nationalOrInternational}'s international answer without the library's parser (about 25 µs a number — more
 * than a whole BSG record's normalisation): the same steps — calling code, country (leading digits or number type
 * where countries share the code), then its types or its national number pattern — on rules compiled once per
 * calling code. Undefined when the library must decide: a national number that starts with the national prefix
 * (which the parser may strip), a non-geographic calling code, or none. A property test checks both give the same
 * answer for every calling code.
 */
const fastInternational = (digits: string): string | null | undefined => {
  const codeRules = callingCodeRulesOf(digits)
  if (codeRules === null || codeRules === NON_GEOGRAPHIC) return undefined
  const at = codeRules.length
  if (codeRules.prefix !== null && matchesAt(codeRules.prefix, digits, at)) return undefined
  const country = countryOf(codeRules, digits, at) ?? (codeRules.countries[0] as CountryRules)
  return isValidFor(country, digits, at) ? `+${digits}` : null
}

/** Digits that may be international (7–15, the first not 0): the fast path's answer, else the library's. */
const fromInternationalDigits = (digits: string, defaultCountry: string | undefined): string | null => {
  const fast = fastInternational(digits)
  if (fast === undefined) return nationalOrInternational(digits, defaultCountry)
  return fast ?? nationalE164(digits, defaultCountry)
}

/** 1–17 digits: international when they can be, else national in `defaultCountry` (one digit is never a number). */
const digitsToE164 = (digits: string, defaultCountry: string | undefined): string | null => {
  if (!DIGITS.test(digits) || digits.charCodeAt(0) === 48) {
    return defaultCountry === undefined || digits.length < 2 ? null : nationalOrInternational(digits, defaultCountry)
  }
  return fromInternationalDigits(digits, defaultCountry)
}

/**
 * Normalises a phone number to E.164 (`+` and 7–15 digits) — **never inventing a country**:
 *
 * - a number written internationally (`+380…`, `00380…`, with common separators) is the vendor's own international
 *   form: kept when it is `+` and 7–15 digits (the first not 0);
 * - digits without `+` (BSG sends `phone` as a JSON number `380661234567`) become E.164 only when they are a valid
 *   international number for their calling code (libphonenumber-js, compact metadata: the national number's length
 *   and pattern); otherwise, when `defaultCountry` (ISO 3166-1 alpha-2, e.g. `IT`) is given, they are read as a
 *   national number of that country if that is valid; otherwise null — an Italian `3401234567` is never
 *   `+3401234567`, the number an SMS fallback would then text.
 *
 * Anything else gives null. Strings already in E.164 are returned as they are, without a regex; international digits
 * are checked against the metadata's rules compiled once per calling code, without the library's parser (about
 * 25 µs a number) unless a national prefix or a non-geographic code needs it — with exactly its answers.
 *
 * @example
 * import { toE164 } from '@rcs-records/core/kit'
 * toE164(380661234567) // '+380661234567'
 * toE164('+33 6 12 34 56 78') // '+33612345678'
 * toE164('3401234567') // null
 * toE164('3401234567', 'IT') // '+393401234567'
 * toE164('string') // null
 */
export const toE164 = (value: unknown, defaultCountry?: string): string | null => {
  if (typeof value === 'string' && isPlainE164(value)) return value
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value <= 0) return null
    const digits = integerText(value)
    // 7–15 digits, the first not 0 (a JSON number's usual case): straight to the fast path.
    if (value < 1_000_000 || value > 999_999_999_999_999) return digitsToE164(digits, defaultCountry)
    return fromInternationalDigits(digits, defaultCountry)
  }
  if (typeof value !== 'string' || value.length > 32) return null
  const text = value.replace(SEPARATORS, '')
  if (text.startsWith('+') || text.startsWith('00')) {
    const digits = text.slice(text.startsWith('+') ? 1 : 2)
    return DIGITS.test(digits) && digits.charCodeAt(0) !== 48 ? `+${digits}` : null
  }
  return /^\d{1,17}$/.test(text) ? digitsToE164(text, defaultCountry) : null
}

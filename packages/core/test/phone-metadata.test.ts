import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { type CountryCode, getCountries, parsePhoneNumberFromString } from 'libphonenumber-js/core'
import fullMin from 'libphonenumber-js/min/metadata'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without type declarations
import { installedMetadata, phoneMetadataSource, withoutFormats } from '../scripts/phone-metadata.mjs'
import { PHONE_METADATA } from '../src/util/phone-metadata.js'

describe("phone metadata: the library's compact set without formatting rules", () => {
  it('is what scripts/phone-metadata.mjs makes of the installed libphonenumber-js (rerun it after an upgrade)', () => {
    const source = readFileSync(new URL('../src/util/phone-metadata.ts', import.meta.url), 'utf8')
    expect(source).toBe(phoneMetadataSource())
    expect(PHONE_METADATA).toEqual(withoutFormats(installedMetadata().metadata))
  })

  it('differs from the full compact set only in the formatting rules', () => {
    const { countries, nonGeographic, ...rest } = PHONE_METADATA as unknown as {
      countries: Record<string, unknown[]>
      nonGeographic: Record<string, unknown[]>
    }
    const full = fullMin as unknown as {
      countries: Record<string, unknown[]>
      nonGeographic: Record<string, unknown[]>
    }
    expect(Object.keys(countries)).toEqual(Object.keys(full.countries))
    for (const [code, entry] of Object.entries(countries)) {
      expect(entry.filter((_, at) => at !== 4)).toEqual((full.countries[code] ?? []).filter((_, at) => at !== 4))
    }
    expect(Object.keys(nonGeographic)).toEqual(Object.keys(full.nonGeographic))
    expect(rest).toEqual({ version: fullMin.version, country_calling_codes: fullMin.country_calling_codes })
  })

  /** What toE164 reads of a parse: whether it is valid and, then, its E.164 form and country. */
  const reading = (text: string, country: CountryCode | undefined, metadata: typeof fullMin) => {
    const parsed =
      country === undefined
        ? parsePhoneNumberFromString(text, metadata)
        : parsePhoneNumberFromString(text, country, metadata)
    return parsed === undefined ? null : { valid: parsed.isValid(), number: parsed.number, country: parsed.country }
  }

  it('parses and validates every number as the full set does (property, every calling code and country)', () => {
    const callingCodes = Object.keys(fullMin.country_calling_codes)
    const countries = getCountries(fullMin)
    const international = fc
      .tuple(fc.constantFrom(...callingCodes), fc.stringMatching(/^\d{3,13}$/))
      .map(([code, rest]) => `+${code}${rest}`)
    const national = fc.tuple(fc.stringMatching(/^\d{2,15}$/), fc.constantFrom(...countries))
    fc.assert(
      fc.property(international, (text) => {
        expect(reading(text, undefined, PHONE_METADATA)).toEqual(reading(text, undefined, fullMin))
      }),
      { numRuns: 20_000 },
    )
    fc.assert(
      fc.property(national, ([digits, country]) => {
        expect(reading(digits, country, PHONE_METADATA)).toEqual(reading(digits, country, fullMin))
      }),
      { numRuns: 20_000 },
    )
  })
})

import fc from 'fast-check'
import { type CountryCode, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/core'
import mobileExamples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' }
import metadata from 'libphonenumber-js/min/metadata'
import { describe, expect, it } from 'vitest'
import { parseIsoTimestamp, toE164 } from '../src/kit.js'
import { parseIsoTimestampGeneral } from '../src/time/general.js'
import { localHourKeyOf, minuteSecondOf, zoneKeyOf } from '../src/time/keys.js'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Timestamps in (and around) the shapes vendors send, including invalid fields. */
const timestampText = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 0, max: 9999 })),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{0,10}$/), { nil: undefined }),
    zone: fc.oneof(
      fc.constant('Z'),
      fc.constant('z'),
      fc.constant(''),
      fc
        .record({
          sign: fc.constantFrom('+', '-'),
          h: fc.integer({ min: 0, max: 19 }),
          m: fc.constantFrom(0, 30, 45, 60),
        })
        .map(({ sign, h, m }) => `${sign}${pad(h)}:${pad(m)}`),
      fc.constantFrom('+0100', '+01', '+1:00', '+01:0'),
    ),
    separator: fc.constantFrom('T', 'T', 'T', ' ', 't'),
  })
  .map(
    (f) =>
      `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}${f.separator}${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${f.fraction === undefined ? '' : `.${f.fraction}`}${f.zone}`,
  )

const ZONES = [
  'UTC',
  'Europe/Kyiv',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Africa/Casablanca',
]

/** Zone-less `yyyy-mm-dd hh:mm:ss` texts (BSG's shape), mostly valid, some with impossible days or hours. */
const wallClockText = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1850, max: 2100 }), fc.integer({ min: 0, max: 9999 })),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 60 }),
    separator: fc.constantFrom(' ', 'T'),
  })
  .map(
    (f) =>
      `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}${f.separator}${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`,
  )

describe('parseIsoTimestamp: the fast paths give exactly what the general parser gives', () => {
  it('agrees on generated timestamps, valid or not', () => {
    fc.assert(
      fc.property(timestampText, (text) => {
        expect(parseIsoTimestamp(text)).toBe(parseIsoTimestampGeneral(text))
      }),
      { numRuns: 20_000 },
    )
  })

  it('agrees on arbitrary strings and on runs of timestamps in the same hour', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => parseIsoTimestamp(text) === parseIsoTimestampGeneral(text)),
    )
    const base = Date.UTC(2025, 2, 30, 0, 0, 0)
    for (let i = 0; i < 5000; i++) {
      const local = new Date(base + i * 37_000).toISOString().slice(0, 19)
      for (const zone of ['+01:00', '+02:00', '-05:00', 'Z', '.123Z']) {
        expect(parseIsoTimestamp(`${local}${zone}`)).toBe(parseIsoTimestampGeneral(`${local}${zone}`))
      }
    }
  })

  it('agrees on texts that share a local hour and zone with the one before (the same-hour cache)', () => {
    const tail = fc.tuple(
      fc.integer({ min: 0, max: 99 }).map((n) => pad(n)),
      fc.integer({ min: 0, max: 99 }).map((n) => pad(n)),
      fc.constantFrom('', '.5', '.123', '.1234', '.', 'x'),
      fc.constantFrom('Z', '+01:00', '-05:00', '+01:30', 'z', '+0100'),
      fc.constantFrom(':', ';'),
    )
    fc.assert(
      fc.property(timestampText, fc.array(tail, { minLength: 1, maxLength: 4 }), (first, tails) => {
        expect(parseIsoTimestamp(first)).toBe(parseIsoTimestampGeneral(first))
        for (const [minute, second, fraction, zone, colon] of tails) {
          const text = `${first.slice(0, 13)}${colon}${minute}:${second}${fraction}${zone}`
          expect(parseIsoTimestamp(text)).toBe(parseIsoTimestampGeneral(text))
        }
      }),
      { numRuns: 5_000 },
    )
  })

  it('agrees on a text one character away from the one before, in its hour, minute, second or zone', () => {
    // The same-hour cache compares keys read from these characters: a non-digit anywhere in them must not read as
    // a digit (and so as the hour before).
    const valid = fc.constantFrom(
      '2026-11-25T16:34:31+01:00',
      '2026-11-25T16:34:31Z',
      '2026-11-25T16:34:31.250Z',
      '2026-11-25 16:34:31',
      '1999-12-31T23:59:59-05:00',
    )
    const character = fc.oneof(
      fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)),
      fc.constantFrom('/', ':', '0', '9', '\u0660', 'Ⅸ'),
    )
    fc.assert(
      fc.property(valid, fc.nat(), character, (first, position, replacement) => {
        expect(parseIsoTimestamp(first)).toBe(parseIsoTimestampGeneral(first))
        const at = position % first.length
        const text = `${first.slice(0, at)}${replacement}${first.slice(at + 1)}`
        expect(parseIsoTimestamp(text)).toBe(parseIsoTimestampGeneral(text))
        for (const zone of ZONES) expect(parseIsoTimestamp(text, zone)).toBe(parseIsoTimestampGeneral(text, zone))
      }),
      { numRuns: 5_000 },
    )
  })

  it('agrees on texts that come back to an earlier local hour and zone out of order (the recent-hours cache)', () => {
    const tail = fc.tuple(
      fc.nat(),
      fc.integer({ min: 0, max: 99 }).map((n) => pad(n)),
      fc.integer({ min: 0, max: 99 }).map((n) => pad(n)),
      fc.constantFrom('', '.5', '.123', 'x'),
      fc.constantFrom('Z', '+01:00', '-05:00', '+01:30', '+0100'),
    )
    fc.assert(
      fc.property(
        fc.array(timestampText, { minLength: 1, maxLength: 6 }),
        fc.array(tail, { maxLength: 12 }),
        (firsts, tails) => {
          for (const first of firsts) expect(parseIsoTimestamp(first)).toBe(parseIsoTimestampGeneral(first))
          for (const [pick, minute, second, fraction, zone] of tails) {
            const text = `${(firsts[pick % firsts.length] as string).slice(0, 13)}:${minute}:${second}${fraction}${zone}`
            expect(parseIsoTimestamp(text)).toBe(parseIsoTimestampGeneral(text))
          }
        },
      ),
      { numRuns: 5_000 },
    )
    // A week of shuffled times in four zones: far more hours than one cache entry holds, each revisited.
    const texts: string[] = []
    const base = Date.UTC(2026, 10, 22, 0, 0, 0)
    for (let i = 0; i < 3000; i++) {
      const local = new Date(base + ((i * 7919) % 3000) * 201_000).toISOString().slice(0, 19)
      texts.push(`${local}${['+01:00', '-05:00', 'Z', '+14:00'][i % 4]}`)
    }
    for (const text of texts) expect(parseIsoTimestamp(text)).toBe(parseIsoTimestampGeneral(text))
  })

  it('agrees on zone-less wall-clock times in every zone, cached or not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.oneof(wallClockText, timestampText, fc.string()), (zone, text) => {
        const expected = parseIsoTimestampGeneral(text, zone)
        return parseIsoTimestamp(text, zone) === expected && parseIsoTimestamp(text, zone) === expected
      }),
      { numRuns: 20_000 },
    )
  })

  it('reads the documented forms', () => {
    expect(parseIsoTimestamp('2025-10-16T12:42:18+02:00')).toBe('2025-10-16T10:42:18.000Z')
    expect(parseIsoTimestamp('2026-04-09T10:30:00Z')).toBe('2026-04-09T10:30:00.000Z')
    expect(parseIsoTimestamp('2015-01-06T10:21:14.243Z')).toBe('2015-01-06T10:21:14.243Z')
    expect(parseIsoTimestamp('2025-01-01T00:30:00.5+01:00')).toBe('2024-12-31T23:30:00.500Z')
    expect(parseIsoTimestamp('2024-02-29T23:00:00-02:00')).toBe('2024-03-01T01:00:00.000Z')
    expect(parseIsoTimestamp('2025-02-29T10:00:00Z')).toBeNull()
    expect(parseIsoTimestamp('0000-02-29 10:00:00')).toBe(parseIsoTimestampGeneral('0000-02-29 10:00:00'))
  })
})

describe('timestamp keys: a key exactly when every digit position holds a digit', () => {
  const isDigit = (text: string, at: number) => text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57
  const text = '2026-11-25T16:34:31+01:00'
  const anyCharacter = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))
  const replaced = (at: number, character: string) => `${text.slice(0, at)}${character}${text.slice(at + 1)}`

  it('localHourKeyOf reads yyyymmddhh, and -1 when any of its ten digits is not one', () => {
    expect(localHourKeyOf(text, false)).toBe(2026112516)
    fc.assert(
      fc.property(fc.constantFrom(0, 1, 2, 3, 5, 6, 8, 9, 11, 12), anyCharacter, (at, character) => {
        const key = localHourKeyOf(replaced(at, character), false)
        expect(key).toBe(isDigit(character, 0) ? Number(replaced(at, character).slice(0, 13).replace(/\D/g, '')) : -1)
      }),
      { numRuns: 5_000 },
    )
  })

  it('minuteSecondOf reads mm:ss up to 59:59, and -1 otherwise', () => {
    expect(minuteSecondOf(text)).toBe(34 * 60 + 31)
    fc.assert(
      fc.property(fc.constantFrom(14, 15, 17, 18), anyCharacter, (at, character) => {
        const changed = replaced(at, character)
        const minute = Number(changed.slice(14, 16))
        const second = Number(changed.slice(17, 19))
        const valid = isDigit(character, 0) && minute <= 59 && second <= 59
        expect(minuteSecondOf(changed)).toBe(valid ? minute * 60 + second : -1)
      }),
      { numRuns: 5_000 },
    )
  })

  it('zoneKeyOf gives one key per ±hh:mm, and -1 when any of its four digits is not one', () => {
    expect(zoneKeyOf(text, 19)).toBe(10_100)
    fc.assert(
      fc.property(fc.constantFrom(20, 21, 23, 24), anyCharacter, (at, character) => {
        const changed = replaced(at, character)
        const digits = `${changed.slice(20, 22)}${changed.slice(23, 25)}`
        expect(zoneKeyOf(changed, 19)).toBe(isDigit(character, 0) ? 10_000 + Number(digits) : -1)
      }),
      { numRuns: 5_000 },
    )
  })
})

describe('parseIsoTimestamp: the fast path gives exactly what the general parser gives', () => {
  it('agrees in every zone (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.oneof(wallClockText, fc.string(), fc.anything()), (zone, value) => {
        const expected = parseIsoTimestampGeneral(value, zone)
        return parseIsoTimestamp(value, zone) === expected && parseIsoTimestamp(value, zone) === expected
      }),
      { numRuns: 20_000 },
    )
  })

  it('matches on every minute around the DST changes in Kyiv', () => {
    for (const day of ['2024-03-31', '2024-10-27']) {
      for (let minute = 0; minute < 6 * 60; minute++) {
        const text = `${day} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:30`
        expect(parseIsoTimestamp(text, 'Europe/Kyiv')).toBe(parseIsoTimestampGeneral(text, 'Europe/Kyiv'))
        expect(parseIsoTimestamp(text, 'Europe/Kyiv')).toBe(parseIsoTimestampGeneral(text, 'Europe/Kyiv'))
      }
    }
  })

  it('rejects impossible dates', () => {
    expect(parseIsoTimestamp('2023-02-29 10:00:00', 'Europe/Kyiv')).toBeNull()
    expect(parseIsoTimestamp('2024-02-29 10:00:00', 'Europe/Kyiv')).toBe('2024-02-29T08:00:00.000Z')
    expect(parseIsoTimestamp('2024-02-29 24:00:00', 'UTC')).toBeNull()
  })
})

describe('toE164: the fast path gives exactly what the library gives', () => {
  /**
   * The general path: libphonenumber-js (compact metadata) for digits without `+` — a valid international number,
   * else a valid national number of the default country, else null — and the syntactic check for numbers written
   * with `+` or `00`. Kept here as the reference the fast paths are checked against.
   */
  const generalE164 = (value: unknown, defaultCountry?: string): string | null => {
    let text: string
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value) || value <= 0) return null
      text = String(value)
    } else if (typeof value === 'string') {
      if (value.length > 32) return null
      text = value.replace(/[\s().\-/]/g, '')
      if (text.startsWith('+') || text.startsWith('00')) {
        const digits = text.slice(text.startsWith('+') ? 1 : 2)
        return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : null
      }
    } else {
      return null
    }
    if (!/^\d{1,17}$/.test(text)) return null
    // The library's answers count only in E.164's own shape: it may strip a national prefix to fewer than 7 digits
    // (`+49 0 1741` → `+491741`) or read a national number into more than 15 (`+49 688…`, 16 digits).
    const e164 = /^\+[1-9]\d{6,14}$/
    const international = parsePhoneNumberFromString(`+${text}`, metadata)
    if (/^[1-9]\d{6,14}$/.test(text) && international?.isValid() === true && e164.test(international.number)) {
      return international.number
    }
    if (defaultCountry === undefined) return null
    const national = parsePhoneNumberFromString(text, defaultCountry as CountryCode, metadata)
    return national?.isValid() === true && e164.test(national.number) ? national.number : null
  }

  const callingCodes = Object.keys(metadata.country_calling_codes)
  /** Digits that start with a real calling code (every one of them), then 4–12 digits. */
  const internationalDigits = fc
    .tuple(fc.constantFrom(...callingCodes), fc.stringMatching(/^\d{4,12}$/))
    .map(([code, rest]) => `${code}${rest}`)

  it('agrees on digits of every calling code, with and without a default country', () => {
    const country = fc.option(fc.constantFrom('IT', 'UA', 'US', 'GB', 'KZ', 'FR', 'DE', 'AR', 'MX', 'BR'), {
      nil: undefined,
    })
    fc.assert(
      fc.property(internationalDigits, country, (digits, defaultCountry) => {
        expect(toE164(digits, defaultCountry)).toBe(generalE164(digits, defaultCountry))
        if (digits.length <= 15)
          expect(toE164(Number(digits), defaultCountry)).toBe(generalE164(Number(digits), defaultCountry))
      }),
      { numRuns: 10_000 },
    )
  })

  /** The library's example mobile number of each country, as international digits. */
  const examples = Object.entries(mobileExamples).map(
    ([country, national]) => `${getCountryCallingCode(country as CountryCode, metadata)}${national}`,
  )

  it("agrees on every country's example mobile number and on numbers near it (property)", () => {
    for (const digits of examples) {
      expect(toE164(digits), digits).toBe(generalE164(digits))
      expect(generalE164(digits), digits).not.toBeNull()
    }
    const near = fc
      .tuple(fc.constantFrom(...examples), fc.nat(), fc.stringMatching(/^\d{1,4}$/), fc.constantFrom(0, 1, 2, 3))
      .map(([digits, at, inserted, how]) => {
        const index = at % digits.length
        if (how === 0) return `${digits.slice(0, digits.length - inserted.length)}${inserted}`
        if (how === 1) return `${digits.slice(0, index)}${inserted}${digits.slice(index + inserted.length)}`
        if (how === 2) return `${digits}${inserted.slice(0, 1)}`
        return digits.slice(0, Math.max(1, digits.length - inserted.length))
      })
    fc.assert(
      fc.property(near, (digits) => {
        expect(toE164(digits), digits).toBe(generalE164(digits))
      }),
      { numRuns: 20_000 },
    )
  })

  it('agrees on every calling code for numbers of each length (exhaustive over codes, sampled digits)', () => {
    for (const code of callingCodes) {
      for (let length = 4; length <= 12; length++) {
        for (const fill of ['0', '1', '5', '9']) {
          const digits = `${code}${'7'.repeat(Math.min(2, length))}${fill.repeat(Math.max(0, length - 2))}`
          expect(toE164(digits), digits).toBe(generalE164(digits))
        }
      }
    }
  })

  it('agrees on phone-like and arbitrary values', () => {
    const phoneLike = fc.stringMatching(/^\+?[0-9 ()-]{0,18}$/)
    fc.assert(
      fc.property(
        fc.oneof(
          phoneLike,
          fc.integer(),
          fc.maxSafeInteger(),
          fc.integer({ min: 0, max: 999_999_999 }).map((n) => n * 1_000_000 + (n % 1_000_000)),
          fc.anything(),
        ),
        (value) => toE164(value) === generalE164(value),
      ),
      { numRuns: 20_000 },
    )
    expect(toE164('+393401234567')).toBe('+393401234567')
    expect(toE164('+0393401234')).toBeNull()
    expect(toE164('+1234567')).toBe('+1234567')
    expect(toE164('+123456')).toBeNull()
    expect(toE164(380_661_234_567)).toBe('+380661234567')
    expect(toE164(1_000_000)).toBeNull()
    expect(toE164(380_000_000_007)).toBeNull()
  })
})

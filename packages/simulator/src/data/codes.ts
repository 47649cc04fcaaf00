import { hashAt, mix32, unmix32 } from '../prng.js'

/**
 * Reversible identifiers: an index is scrambled into the id with a keyed bijection, so the server can read the
 * index back out of any id a client sends (and check it by regenerating the id) without a lookup table.
 */

const HEX = '0123456789abcdef'
/** Two hex digits of every byte (`Number#toString(16)` is slow on the hot path). */
const BYTE_HEX = Array.from({ length: 256 }, (_, n) => `${HEX[n >>> 4]}${HEX[n & 15]}`)

/**
 * An unsigned 32-bit integer as 8 lower-case hex digits.
 */
export const hex8 = (value: number): string =>
  `${BYTE_HEX[value >>> 24]}${BYTE_HEX[(value >>> 16) & 255]}${BYTE_HEX[(value >>> 8) & 255]}${BYTE_HEX[value & 255]}`

/**
 * Scrambles an index with a key (a bijection on 32-bit integers).
 */
export const scrambleIndex = (index: number, key: number): number => mix32((index + key) >>> 0)

/**
 * Reads an index back from {@link scrambleIndex}.
 */
export const unscrambleIndex = (code: number, key: number): number => (unmix32(code) - key) >>> 0

/**
 * A UUID-v4-shaped id whose first group encodes `index`; the rest comes from `recordSeed`.
 */
export const uuidFor = (index: number, key: number, recordSeed: number): string => {
  const a = hashAt(recordSeed, 100)
  const b = hashAt(recordSeed, 101)
  const c = hex8(hashAt(recordSeed, 102))
  const d = hex8(a)
  const e = hex8(b)
  return `${hex8(scrambleIndex(index, key))}-${d.slice(0, 4)}-4${d.slice(5, 8)}-${HEX[8 + (b & 3)]}${e.slice(1, 4)}-${e.slice(4, 8)}${c}`
}

/**
 * The index a {@link uuidFor} id claims (not yet verified), or null when it does not look like one.
 */
export const indexFromUuid = (id: string, key: number): number | null => {
  if (id.length !== 36 || !/^[0-9a-f]{8}-/.test(id)) return null
  return unscrambleIndex(Number.parseInt(id.slice(0, 8), 16), key)
}

/**
 * A 32-hex-digit reference (BSG's `reference_id` style) whose first 8 digits encode `index`.
 */
export const hexReferenceFor = (index: number, key: number, recordSeed: number): string =>
  `${hex8(scrambleIndex(index, key))}${hex8(hashAt(recordSeed, 110))}${hex8(hashAt(recordSeed, 111))}${hex8(hashAt(recordSeed, 112))}`

/**
 * The index a {@link hexReferenceFor} reference claims, or null.
 */
export const indexFromHexReference = (reference: string, key: number): number | null =>
  /^[0-9a-f]{32}$/.test(reference) ? unscrambleIndex(Number.parseInt(reference.slice(0, 8), 16), key) : null

/**
 * `count` decimal digits from a random word (for phone numbers).
 */
export const digitsFrom = (high: number, low: number, count: number): string =>
  `${String(1_000_000 + (high % 1_000_000)).slice(1)}${String(1_000_000 + (low % 1_000_000)).slice(1)}`.slice(
    12 - count,
  )

/**
 * A number of `count` decimal digits (leading zeros allowed) from two random words, without strings.
 */
export const digitsValue = (high: number, low: number, count: number): number =>
  ((high % 1_000_000) * 1_000_000 + (low % 1_000_000)) % 10 ** count

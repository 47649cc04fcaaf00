/**
 * Seeded, stateless pseudo-randomness: every value is a pure function of its inputs, so a record can be rebuilt
 * from (seed, vendor, index) at any time without storing it. Hand-written (no library) because it is the hot path.
 */

/**
 * A 32-bit integer hash with good avalanche ("lowbias32" by C. Wellons). It is a bijection on 32-bit integers,
 * which {@link unmix32} inverts.
 */
export const mix32 = (input: number): number => {
  let x = input >>> 0
  x ^= x >>> 16
  x = Math.imul(x, 0x7feb352d)
  x ^= x >>> 15
  x = Math.imul(x, 0x846ca68b)
  x ^= x >>> 16
  return x >>> 0
}

/**
 * The inverse of {@link mix32}: `unmix32(mix32(x)) === x` for every unsigned 32-bit `x`.
 */
export const unmix32 = (input: number): number => {
  let x = input >>> 0
  x ^= x >>> 16
  x = Math.imul(x, 0x43021123)
  x ^= (x >>> 15) ^ (x >>> 30)
  x = Math.imul(x, 0x1d69e2a5)
  x ^= x >>> 16
  return x >>> 0
}

const GOLDEN = 0x9e3779b9

/**
 * Derives a sub-seed from a seed and a stream number (a vendor, a fault, a record).
 */
export const deriveSeed = (seed: number, stream: number): number => mix32((seed >>> 0) + Math.imul(stream, GOLDEN))

/**
 * The `key`-th unsigned 32-bit value of the stream named by `base` (a seed from {@link deriveSeed}).
 */
export const hashAt = (base: number, key: number): number => mix32(base + Math.imul(key + 1, 0x85ebca6b))

/**
 * The `key`-th value of a stream as a float in [0, 1).
 */
export const unitAt = (base: number, key: number): number => hashAt(base, key) / 4294967296

/**
 * Picks from weighted choices with a uniform `u` in [0, 1).
 */
export const pickWeighted = <T>(choices: readonly (readonly [T, number])[], u: number): T => {
  let table = tables.get(choices)
  if (table === undefined) {
    if (choices.length === 0) throw new RangeError('pickWeighted needs at least one choice')
    let total = 0
    const bounds = choices.map(([, weight]) => (total += weight))
    table = { bounds: bounds.map((bound) => bound / total), values: choices.map(([value]) => value) }
    tables.set(choices, table)
  }
  const { bounds, values } = table
  for (let i = 0; i < bounds.length - 1; i++) if (u < (bounds[i] as number)) return values[i] as T
  return values[values.length - 1] as T
}

/** Cumulative bounds per choice list (the lists are constants), so a pick is one short scan. */
const tables = new WeakMap<readonly unknown[], { bounds: number[]; values: unknown[] }>()

/**
 * A value spread log-uniformly between `min` and `max` (many short delays, a few long ones), from a uniform `u`.
 */
export const logUniform = (min: number, max: number, u: number): number =>
  Math.round(min * Math.exp(u * Math.log(max / min)))

/**
 * Small sequential PRNG (mulberry32) for places where a stream of values is wanted (shuffles, fault rolls).
 */
export const mulberry32 = (seed: number): (() => number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

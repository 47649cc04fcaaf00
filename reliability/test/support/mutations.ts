import fc from 'fast-check'

/** What a mutation does to the value at its path. */
export type MutationOp =
  | 'delete'
  | 'null'
  | 'huge-string'
  | 'huge-number'
  | 'negative'
  | 'non-finite'
  | 'empty-string'
  | 'bad-date'
  | 'retype'
  | 'proto-keys'
  | 'json'

/** One mutation: an op, which path it hits (an index into the payload's paths, modulo), and a value to use. */
export interface Mutation {
  op: MutationOp
  at: number
  value: unknown
}

const HUGE_STRING = '9'.repeat(100_000)
const HUGE_NUMBERS = [Number.MAX_VALUE, 1e21, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER + 1, 1e308]
const NEGATIVES = [-1, -0, -1e21, Number.MIN_SAFE_INTEGER, -0.0000001]
const NON_FINITE = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]
const BAD_DATES = ['2021-02-30 25:61:61', '9999-99-99T99:99:99Z', '0000-00-00 00:00:00', 'yesterday', '2021-04-27', '']
const RETYPED = [[], {}, true, false, 0, '0', [null], { value: 1 }]

type Container = Record<string, unknown> | unknown[]
type Path = (string | number)[]

/** Every path in a JSON-like value (object keys and array indices), the root as `[]`. */
const pathsOf = (value: unknown, prefix: Path = [], out: Path[] = []): Path[] => {
  out.push(prefix)
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) pathsOf(item, [...prefix, index], out)
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) pathsOf((value as Record<string, unknown>)[key], [...prefix, key], out)
  }
  return out
}

/** Own data property, as JSON.parse creates them (so `__proto__` is a plain key, not the prototype setter). */
const define = (target: Container, key: string | number, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

const pick = <T>(items: readonly T[], n: number): T => items[Math.abs(n) % items.length] as T

const replacement = (mutation: Mutation): { remove: true } | { value: unknown } => {
  switch (mutation.op) {
    case 'delete':
      return { remove: true }
    case 'null':
      return { value: null }
    case 'huge-string':
      return { value: HUGE_STRING }
    case 'huge-number':
      return { value: pick(HUGE_NUMBERS, mutation.at) }
    case 'negative':
      return { value: pick(NEGATIVES, mutation.at) }
    case 'non-finite':
      return { value: pick(NON_FINITE, mutation.at) }
    case 'empty-string':
      return { value: '' }
    case 'bad-date':
      return { value: pick(BAD_DATES, mutation.at) }
    case 'retype':
      return { value: structuredClone(pick(RETYPED, mutation.at)) }
    case 'proto-keys':
      return { value: null }
    case 'json':
      return { value: mutation.value }
  }
}

/** Sets `__proto__`, `constructor` and `prototype` keys carrying `polluted` on every object along the way. */
const addProtoKeys = (target: unknown): void => {
  if (target === null || typeof target !== 'object' || Array.isArray(target)) return
  define(target as Container, '__proto__', { polluted: 'yes', toString: 'no' })
  define(target as Container, 'constructor', { prototype: { polluted: 'yes' } })
  define(target as Container, 'prototype', { polluted: 'yes' })
}

/** Applies mutations in turn to a deep copy of `payload` (a mutation of the root replaces the whole payload). */
export const mutate = (payload: unknown, mutations: readonly Mutation[]): unknown => {
  let root: unknown = structuredClone(payload)
  for (const mutation of mutations) {
    const paths = pathsOf(root)
    const path = pick(paths, mutation.at)
    if (mutation.op === 'proto-keys') {
      let target: unknown = root
      for (const key of path) target = (target as Record<string | number, unknown>)[key]
      addProtoKeys(target)
      addProtoKeys(root)
      continue
    }
    const change = replacement(mutation)
    if (path.length === 0) {
      root = 'remove' in change ? undefined : change.value
      continue
    }
    let parent = root as Container
    for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key] as Container
    const last = path[path.length - 1] as string | number
    if ('remove' in change) {
      if (Array.isArray(parent)) parent.splice(last as number, 1)
      else delete parent[last as string]
    } else define(parent, last, change.value)
  }
  return root
}

/** One to four mutations; paths are picked mostly among the first levels, where the fields live. */
export const mutationsArb: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({
    op: fc.constantFrom<MutationOp>(
      'delete',
      'null',
      'huge-string',
      'huge-number',
      'negative',
      'non-finite',
      'empty-string',
      'bad-date',
      'retype',
      'proto-keys',
      'json',
    ),
    at: fc.nat({ max: 1_000 }),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
  { minLength: 1, maxLength: 4 },
)

/** A documented payload with one to four mutations. */
export const mutatedArb = (fixtures: readonly unknown[]): fc.Arbitrary<unknown> =>
  fc.tuple(fc.constantFrom(...fixtures), mutationsArb).map(([fixture, mutations]) => mutate(fixture, mutations))

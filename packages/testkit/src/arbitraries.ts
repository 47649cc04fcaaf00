import fc from 'fast-check'

type Path = readonly (string | number)[]

const MAX_PATH_DEPTH = 3

/** Every path into a JSON sample, up to a small depth (the root excluded). */
const pathsOf = (value: unknown, prefix: Path = []): Path[] => {
  if (value === null || typeof value !== 'object' || prefix.length >= MAX_PATH_DEPTH) return []
  const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value)
  return keys.flatMap((key) => {
    const path = [...prefix, key]
    return [path, ...pathsOf((value as Record<string | number, unknown>)[key], path)]
  })
}

const cloneJson = (value: unknown): unknown | undefined => {
  try {
    const text = JSON.stringify(value)
    return text === undefined ? undefined : JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Replaces (or, with `undefined`, deletes) the value at `path` in a fresh JSON object, without prototype tricks. */
const withValueAt = (root: unknown, path: Path, replacement: unknown): unknown => {
  let parent = root
  for (const key of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return root
    parent = (parent as Record<string | number, unknown>)[key]
  }
  const last = path[path.length - 1]
  if (last === undefined || parent === null || typeof parent !== 'object') return root
  if (replacement === undefined) {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1)
    else delete (parent as Record<string, unknown>)[String(last)]
  } else {
    Object.defineProperty(parent, last, { value: replacement, enumerable: true, writable: true, configurable: true })
  }
  return root
}

/**
 * Near-valid payloads: one of the samples with one to three of its fields (at any depth up to 3) replaced by
 * arbitrary JSON or removed. These find the crashes that plain random JSON never reaches (`amount: null`,
 * `status: {}`, a date that is a number…).
 */
export const mutationsOf = (samples: readonly unknown[]): fc.Arbitrary<unknown> | null => {
  const usable = samples
    .map((sample) => ({ sample, paths: pathsOf(sample) }))
    .filter((entry) => entry.paths.length > 0 && cloneJson(entry.sample) !== undefined)
  if (usable.length === 0) return null
  const mutation = fc.record({
    path: fc.nat(),
    replacement: fc.option(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string(), fc.integer(), fc.constant(null)), {
      nil: undefined,
      freq: 4,
    }),
  })
  return fc
    .record({
      index: fc.nat({ max: usable.length - 1 }),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
    })
    .map(({ index, mutations }) => {
      const entry = usable[index] as { sample: unknown; paths: Path[] }
      let payload = cloneJson(entry.sample)
      for (const { path, replacement } of mutations) {
        payload = withValueAt(payload, entry.paths[path % entry.paths.length] as Path, replacement)
      }
      return payload
    })
}

const deeplyNested = (depth: number): unknown => {
  let value: unknown = []
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

/**
 * Payloads that break careless decoders: prototype-polluting keys, inherited property names, a huge string, deep
 * nesting, odd numbers.
 */
export const nastyPayloads = (): unknown[] => [
  JSON.parse('{"__proto__":{"polluted":"yes","status":"delivered","id":"1"}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"id":"1","status":"__proto__","state":"constructor"}'),
  { id: 'constructor', status: 'toString', state: 'hasOwnProperty' },
  { id: 'x'.repeat(1_000_000), status: 'y'.repeat(100_000) },
  deeplyNested(5_000),
  { id: Number.MAX_VALUE, status: -0, state: 1e308, data: [null], messages: [null], meta: null },
  [{}, null, [], 0],
  Object.create(null),
]

/**
 * Anything a vendor (or an attacker) could send: arbitrary JSON, arbitrary JS values, near-valid mutations of the
 * samples, and nasty payloads (prototype keys, 1 MB strings, 5,000-deep arrays).
 *
 * @example
 * import type { RcsError, RcsRecord } from '@rcs-records/core'
 * import { arbitraryPayload } from '@rcs-records/testkit'
 * import fc from 'fast-check'
 * import type { Either } from 'fp-ts/lib/Either.js'
 * // your adapter's decoder, its io-ts codec, and a documented payload
 * declare const normalize: (payload: unknown) => Either<RcsError, RcsRecord>
 * declare const MessageCodec: { is(value: unknown): boolean }
 * declare const documentedMessage: unknown
 * // the codec accepts exactly what normalize accepts, and normalize never throws
 * fc.assert(
 *   fc.property(arbitraryPayload([documentedMessage]), (payload) =>
 *     MessageCodec.is(payload) === (normalize(payload)._tag === 'Right'),
 *   ),
 * )
 */
export const arbitraryPayload = (samples: readonly unknown[]): fc.Arbitrary<unknown> => {
  const mutated = mutationsOf(samples)
  return fc.oneof(
    { arbitrary: fc.jsonValue(), weight: 3 },
    { arbitrary: fc.anything(), weight: 1 },
    { arbitrary: fc.constantFrom(...nastyPayloads()), weight: 1 },
    ...(mutated === null ? [] : [{ arbitrary: mutated, weight: 5 }]),
  )
}

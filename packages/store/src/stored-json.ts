/**
 * What PostgreSQL can hold exactly, and the text form used when `jsonb` cannot.
 *
 * `jsonb` (and `text`) cannot hold U+0000, `jsonb` refuses an unpaired UTF-16 surrogate (and `text` would silently
 * turn one into U+FFFD), and `jsonb` keeps no `-0`. A vendor payload may carry any of these, so `raw` and `extra`
 * are stored as `jsonb` when they can be held exactly, and otherwise as their JSON text (in which JSON escapes
 * those characters, so a `text` column holds it) — never changed, never refused. What `jsonb` does not keep either
 * way, and that no JSON reader can see: the order of an object's keys (jsonb orders them by length, then bytewise)
 * and duplicate keys (`JSON.parse` already kept only the last).
 */

/** How a stored JSON value fails to be exact in `jsonb`, or what makes it not JSON data at all. */
export type JsonProblem = { kind: 'not_jsonb'; path: string } | { kind: 'not_json'; path: string; found: string }

/** Any U+0000 or surrogate code unit: a cheap native test in front of the exact one (paired surrogates are fine). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is exactly what this looks for
const SUSPECT = /[\u0000\ud800-\udfff]/

/** Whether a string holds U+0000 or an unpaired surrogate: text PostgreSQL cannot store as is. */
export const hasUnstorableText = (text: string): boolean => {
  if (!SUSPECT.test(text)) return false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0) return true
    if (code >= 0xd800 && code <= 0xdfff) {
      if (code >= 0xdc00) return true
      const next = text.charCodeAt(index + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true
      index++
    }
  }
  return false
}

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

const describe = (value: unknown): string => {
  if (value === undefined) return 'undefined'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'object' && value !== null)
    return (value.constructor as { name?: string } | undefined)?.name ?? 'object'
  return typeof value
}

/**
 * Checks a value meant for a JSON column. Returns null when `jsonb` holds it exactly; `not_jsonb` when it is JSON
 * data that `jsonb` would change (U+0000, an unpaired surrogate, `-0`): store its {@link jsonText}; `not_json`
 * when it is not JSON data at all (`undefined` inside it, NaN, Infinity, a bigint, a function, a Date or other class
 * instance, a cycle). Walks without recursion, so a deeply nested payload cannot overflow the stack.
 */
export const jsonProblem = (root: unknown): JsonProblem | null => (isExactJsonb(root) ? null : locateProblem(root))

/**
 * The common case, fast: plain JSON data `jsonb` holds exactly (no paths built, recursion only into containers,
 * at most 64 deep — deeper data takes the exact walk of {@link locateProblem}).
 */
const isExactJsonb = (value: unknown, depth = 0): boolean => {
  switch (typeof value) {
    case 'string':
      return !hasUnstorableText(value)
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0)
    case 'object': {
      if (value === null) return true
      if (depth > 64) return false
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
          if (!(index in value) || !isExactJsonb(value[index], depth + 1)) return false
        }
        return true
      }
      if (!isPlainObject(value)) return false
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue
        const item = (value as Record<string, unknown>)[key]
        if (item === undefined || hasUnstorableText(key) || !isExactJsonb(item, depth + 1)) return false
      }
      return true
    }
    default:
      return false
  }
}

/** The exact walk, with paths: what is wrong and where (null when nothing is). */
const locateProblem = (root: unknown): JsonProblem | null => {
  let notJsonb: JsonProblem | null = null
  const pending: { value: unknown; path: string }[] = [{ value: root, path: '' }]
  const onPath = new Set<object>()
  const exits: { value: object; mark: number }[] = []
  while (pending.length > 0) {
    const { value, path } = pending.pop() as { value: unknown; path: string }
    // Depth-first: an object stops being an ancestor once everything pushed after it has been visited.
    while (exits.length > 0 && (exits[exits.length - 1] as { mark: number }).mark > pending.length) {
      onPath.delete((exits.pop() as { value: object }).value)
    }
    switch (typeof value) {
      case 'string':
        if (notJsonb === null && hasUnstorableText(value)) notJsonb = { kind: 'not_jsonb', path }
        continue
      case 'boolean':
        continue
      case 'number':
        if (!Number.isFinite(value)) return { kind: 'not_json', path, found: describe(value) }
        if (notJsonb === null && Object.is(value, -0)) notJsonb = { kind: 'not_jsonb', path }
        continue
      case 'object': {
        if (value === null) continue
        if (!Array.isArray(value) && !isPlainObject(value)) return { kind: 'not_json', path, found: describe(value) }
        if (onPath.has(value)) return { kind: 'not_json', path, found: 'a cycle' }
        // Shared (non-cyclic) references are fine in JSON; only a value inside itself is a cycle.
        onPath.add(value)
        exits.push({ value, mark: pending.length })
        const prefix = path === '' ? '' : `${path}.`
        if (Array.isArray(value)) {
          for (let index = 0; index < value.length; index++) {
            if (!(index in value)) return { kind: 'not_json', path: `${prefix}${index}`, found: 'a hole' }
            const item: unknown = value[index]
            if (item === undefined) return { kind: 'not_json', path: `${prefix}${index}`, found: 'undefined' }
            pending.push({ value: item, path: `${prefix}${index}` })
          }
        } else {
          for (const key of Object.keys(value)) {
            if (notJsonb === null && hasUnstorableText(key)) notJsonb = { kind: 'not_jsonb', path: `${prefix}${key}` }
            const item: unknown = (value as Record<string, unknown>)[key]
            if (item === undefined) return { kind: 'not_json', path: `${prefix}${key}`, found: 'undefined' }
            pending.push({ value: item, path: `${prefix}${key}` })
          }
        }
        continue
      }
      default:
        return { kind: 'not_json', path, found: describe(value) }
    }
  }
  return notJsonb
}

/**
 * JSON text of plain data, like `JSON.stringify` but keeping `-0` (written `-0`, which `JSON.parse` reads back as
 * `-0`). `JSON.stringify` already escapes U+0000 and unpaired surrogates (`\u0000`, `\ud800`), so the text is valid
 * UTF-8 that a `text` column holds. Only for values {@link jsonProblem} accepts.
 */
export const jsonText = (value: unknown): string => {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : JSON.stringify(value)
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`
  const parts: string[] = []
  for (const key of Object.keys(value)) {
    parts.push(`${JSON.stringify(key)}:${jsonText((value as Record<string, unknown>)[key])}`)
  }
  return `{${parts.join(',')}}`
}

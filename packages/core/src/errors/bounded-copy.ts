import { globalSecrets, type SecretSet } from './secrets.js'

/**
 * How much of an untrusted value {@link boundedCopy} and {@link boundedJson} keep. Every field has a default.
 */
export interface BoundedLimits {
  /** Levels of objects and arrays kept; deeper ones become a note. Default 8 (at most 64). */
  depth?: number
  /** Entries kept per object or array; the rest are counted in a note. Default 50. */
  entries?: number
  /** Characters kept per string (after redaction). Default 1,000. */
  stringLength?: number
  /** Values kept in all; past it, a note. Default 1,000. */
  nodes?: number
  /** Whose secrets are redacted from every string and key. Default: the process-wide ones. */
  secrets?: SecretSet
}

const MAX_DEPTH = 64
const MAX_KEY_LENGTH = 200

/**
 * A copy of an untrusted value (a vendor's error body, a record) that is small, plain and safe to print: at most
 * `depth` levels, `entries` per object or array, `stringLength` characters per string and `nodes` values in all,
 * each cut noted in place (`'[… 950 more items]'`, `'[nested deeper than 8 levels]'`); secrets redacted from every
 * string and key before it is cut; `__proto__` kept as a plain key; never recursing deeper than `depth`, so a body
 * nested 100,000 levels deep costs nothing and throws nothing.
 */
export const boundedCopy = (value: unknown, limits: BoundedLimits = {}): unknown => {
  const depth = Math.min(MAX_DEPTH, Math.max(0, limits.depth ?? 8))
  const entries = Math.max(0, limits.entries ?? 50)
  const stringLength = Math.max(0, limits.stringLength ?? 1_000)
  const secrets = limits.secrets ?? globalSecrets
  let budget = Math.max(1, limits.nodes ?? 1_000)

  const text = (value: string, max: number) => secrets.clip(value, max)
  const copy = (item: unknown, level: number): unknown => {
    budget--
    if (typeof item === 'string') return text(item, stringLength)
    if (typeof item === 'bigint') return item.toString()
    if (typeof item === 'function' || typeof item === 'symbol') return `[${typeof item}]`
    if (item === null || typeof item !== 'object') return item
    if (level >= depth) return `[nested deeper than ${depth} levels]`
    if (item instanceof Error) return { name: item.name, message: text(item.message, stringLength) }
    if (Array.isArray(item)) {
      const out: unknown[] = []
      for (let index = 0; index < item.length; index++) {
        if (index >= entries || budget <= 0) {
          out.push(`[… ${item.length - index} more items]`)
          break
        }
        out.push(copy(item[index], level + 1))
      }
      return out
    }
    const out: Record<string, unknown> = {}
    const keys = Object.keys(item)
    for (let index = 0; index < keys.length; index++) {
      if (index >= entries || budget <= 0) {
        Object.defineProperty(out, '…', {
          value: `${keys.length - index} more fields`,
          enumerable: true,
          writable: true,
          configurable: true,
        })
        break
      }
      const key = keys[index] as string
      Object.defineProperty(out, text(key, MAX_KEY_LENGTH), {
        value: copy((item as Record<string, unknown>)[key], level + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return out
  }
  return copy(value, 0)
}

/**
 * The JSON text of {@link boundedCopy}`(value, limits)`, at most `maxLength` characters (cut with `…`). Never throws:
 * no depth can overflow the stack, and nothing unserialisable is left.
 */
export const boundedJson = (value: unknown, limits: BoundedLimits & { maxLength?: number } = {}): string => {
  const json = JSON.stringify(boundedCopy(value, limits)) ?? String(value)
  const max = limits.maxLength ?? 10_000
  return json.length > max ? `${json.slice(0, max)}…` : json
}

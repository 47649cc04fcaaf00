/** What every secret is replaced with. */
export const REDACTED = '[REDACTED]'

interface TrieNode {
  next: Map<number, TrieNode>
  /** A form ends here. */
  end: boolean
}

const node = (): TrieNode => ({ next: new Map(), end: false })

const escapeUnit = (unit: number): string =>
  (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a)
    ? String.fromCharCode(unit)
    : `\\u${unit.toString(16).padStart(4, '0')}`

/**
 * The regular expression of a trie: one path per form, so that at each position of a text the engine follows at
 * most one branch, whatever the number of forms (the cost is the text's length times the length of the longest
 * partial match, never times the number of secrets). Where a form ends inside a longer one, the longer is tried
 * first: the longest form is removed whole.
 */
const patternOf = (root: TrieNode): string => {
  let out = ''
  let current = root
  while (current.next.size === 1 && !current.end) {
    const [unit, child] = current.next.entries().next().value as [number, TrieNode]
    out += escapeUnit(unit)
    current = child
  }
  if (current.next.size === 0) return out
  const branches: string[] = []
  for (const [unit, child] of current.next) branches.push(escapeUnit(unit) + patternOf(child))
  const group = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`
  return out + (current.end ? `(?:${group})?` : group)
}

/**
 * One precompiled automaton for a set of literal forms: redaction in one pass over the text.
 *
 * @example
 * import { compileMatcher } from './secret-matcher.js'
 * compileMatcher(['s3cr3t-token'])?.redact('Bearer s3cr3t-token') // 'Bearer [REDACTED]'
 */
export interface SecretMatcher {
  /** The length of the longest form. */
  readonly longest: number
  /** Whether `text` contains any form. */
  test(text: string): boolean
  /** `text` with every form replaced by `[REDACTED]`. */
  redact(text: string): string
  /**
   * `text` redacted and then cut to at most `max` characters (plus `ellipsis` when cut): only the first
   * `max + longest` characters are read, and what could be the start of a form cut by that bound is dropped. With
   * `truncated` (the vendor cut the text), a trailing start of a form (4 characters or more) is redacted too.
   */
  clip(text: string, max: number, ellipsis: string, truncated: boolean): string
}

/** Shorter trailing fragments of a form are not treated as its start (they would hit ordinary endings). */
const MIN_PARTIAL = 4

/**
 * Compiles literal forms into a {@link SecretMatcher}; null when there are none.
 *
 * @example
 * import { compileMatcher } from './secret-matcher.js'
 * compileMatcher(['abc123', 'abc123def'])?.redact('x abc123def y') // 'x [REDACTED] y'
 */
export const compileMatcher = (forms: Iterable<string>): SecretMatcher | null => {
  const root = node()
  let longest = 0
  for (const form of forms) {
    if (form.length === 0) continue
    let at = root
    for (let index = 0; index < form.length; index++) {
      const unit = form.charCodeAt(index)
      let child = at.next.get(unit)
      if (child === undefined) {
        child = node()
        at.next.set(unit, child)
      }
      at = child
    }
    at.end = true
    if (form.length > longest) longest = form.length
  }
  if (longest === 0) return null
  const source = patternOf(root)
  const global = new RegExp(source, 'g')
  const single = new RegExp(source)

  /** Where a trailing start of a form (at least MIN_PARTIAL long) begins in `text`, or -1. */
  const partialTail = (text: string, from: number): number => {
    for (let start = Math.max(from, text.length - longest + 1); start <= text.length - MIN_PARTIAL; start++) {
      let at: TrieNode | undefined = root
      let index = start
      while (at !== undefined && index < text.length) at = at.next.get(text.charCodeAt(index++))
      if (at !== undefined) return start
    }
    return -1
  }

  return {
    longest,
    test: (text) => single.test(text),
    redact: (text) => {
      global.lastIndex = 0
      return text.replace(global, REDACTED)
    },
    clip: (text, max, ellipsis, truncated) => {
      const cut = text.length > max + longest
      const window = cut ? text.slice(0, max + longest) : text
      let out = ''
      let last = 0
      for (const match of window.matchAll(global)) {
        out += window.slice(last, match.index) + REDACTED
        last = match.index + match[0].length
      }
      let end = window.length
      if (cut) end = Math.max(last, window.length - longest + 1)
      else if (truncated) {
        const partial = partialTail(window, last)
        if (partial >= 0) {
          out += window.slice(last, partial) + REDACTED
          last = end
        }
      }
      if (last < end) out += window.slice(last, end)
      return out.length > max || cut ? `${out.slice(0, max)}${ellipsis}` : out
    },
  }
}

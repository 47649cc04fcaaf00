/** What every secret is replaced with. */
export const REDACTED = '[REDACTED]'

interface TrieNode {
  next: Map<number, TrieNode>
  /** A form ends here. */
  end: boolean
}

const node = (): TrieNode => ({ next: new Map(), end: false })

/**
 * One trie of every form of every secret of a set, built once per change of the set: a text is read once, and at
 * each position one path is walked as far as the text follows it (most positions are rejected by one array read of
 * their first character). The cost is the text's length times the length of the longest partial match — never
 * times the number of secrets or forms. The longest form starting at a position is removed whole.
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
  // The first code units of the forms: most positions of a text are rejected by one array read.
  const starts = new Uint8Array(0x10000)
  for (const unit of root.next.keys()) starts[unit] = 1

  /** The length of the longest form starting at `index` (0 when none). */
  const matchAt = (text: string, index: number): number => {
    let at = root.next.get(text.charCodeAt(index))
    let next = index + 1
    let found = 0
    while (at !== undefined) {
      if (at.end) found = next - index
      if (next >= text.length) break
      at = at.next.get(text.charCodeAt(next++))
    }
    return found
  }

  /** Every match, leftmost first, each the longest at its position, none overlapping. */
  const eachMatch = (text: string, onMatch: (start: number, end: number) => void): void => {
    for (let index = 0; index < text.length; index++) {
      if (starts[text.charCodeAt(index)] === 0) continue
      const length = matchAt(text, index)
      if (length === 0) continue
      onMatch(index, index + length)
      index += length - 1
    }
  }

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

  const redactWindow = (text: string): { out: string; last: number } => {
    let out = ''
    let last = 0
    eachMatch(text, (start, end) => {
      out += text.slice(last, start) + REDACTED
      last = end
    })
    return { out, last }
  }

  return {
    longest,
    test: (text) => {
      for (let index = 0; index < text.length; index++) {
        if (starts[text.charCodeAt(index)] !== 0 && matchAt(text, index) > 0) return true
      }
      return false
    },
    redact: (text) => {
      const { out, last } = redactWindow(text)
      return last === 0 ? text : out + text.slice(last)
    },
    clip: (text, max, ellipsis, truncated) => {
      const cut = text.length > max + longest
      const window = cut ? text.slice(0, max + longest) : text
      const redacted = redactWindow(window)
      let { out, last } = redacted
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

import leven, { closestMatch } from 'leven'

/**
 * The candidate closest to a mistyped `word` (Levenshtein distance at most 2; 1 for a two-letter word), or null
 * when none is that close: `frm` → `from`, `bgs` → `bsg`, `lsit` → `list`.
 */
export const closestName = (word: string, candidates: readonly string[]): string | null => {
  const limit = word.length >= 3 ? 2 : word.length - 1
  if (limit <= 0 || candidates.length === 0) return null
  const lower = word.toLowerCase()
  const best = closestMatch(lower, candidates)
  return best !== undefined && leven(lower, best) <= limit ? best : null
}

/**
 * `; did you mean "x"?` or the empty string.
 */
export const didYouMean = (
  word: string,
  candidates: readonly string[],
  quote = (name: string) => `"${name}"`,
): string => {
  const best = closestName(word, candidates)
  return best === null ? '' : `; did you mean ${quote(best)}?`
}

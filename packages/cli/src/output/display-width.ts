/** East Asian wide and fullwidth ranges, and emoji: two terminal cells each. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u
/** Combining marks: no cell. */
const COMBINING = /^\p{M}$/u

/** Zero-width space, joiners and direction marks. */
const isZeroWidth = (code: number): boolean => code >= 0x200b && code <= 0x200f

const cellsOf = (char: string): number =>
  COMBINING.test(char) || isZeroWidth(char.codePointAt(0) ?? 0) ? 0 : WIDE.test(char) ? 2 : 1

/**
 * How many terminal cells a (control-free) string takes: wide CJK characters and emoji count 2, combining marks 0.
 */
export const displayWidth = (text: string): number => {
  let width = 0
  for (const char of text) width += cellsOf(char)
  return width
}

/**
 * Cuts a string to at most `width` cells, ending with `…` when it had to cut.
 */
export const truncateToWidth = (text: string, width: number): string => {
  if (displayWidth(text) <= width) return text
  if (width <= 0) return ''
  let out = ''
  let used = 0
  for (const char of text) {
    const cells = cellsOf(char)
    if (used + cells > width - 1) break
    out += char
    used += cells
  }
  return `${out}…`
}

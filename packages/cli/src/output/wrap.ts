import { displayWidth } from './display-width.js'

/**
 * Wraps prose to lines of at most `width` cells, breaking between words (a single word longer than the width
 * stands on its own line).
 */
export const wrapWords = (text: string, width: number): string[] => {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word
    else if (displayWidth(line) + 1 + displayWidth(word) <= width) line += ` ${word}`
    else {
      lines.push(line)
      line = word
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

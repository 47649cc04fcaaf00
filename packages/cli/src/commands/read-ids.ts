/**
 * Message ids from text: separated by whitespace or commas, blank lines and `#` comments ignored, duplicates
 * dropped (first occurrence kept).
 */
export const idsFromText = (text: string): string[] => {
  const ids = text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, ''))
    .flatMap((line) => line.split(/[\s,]+/))
    .filter((id) => id !== '')
  return [...new Set(ids)]
}

/**
 * Reads all of a stream (stdin) as UTF-8 text.
 */
export const readAllText = async (stream: AsyncIterable<string | Uint8Array>): Promise<string> => {
  const decoder = new TextDecoder()
  let text = ''
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
  return text + decoder.decode()
}

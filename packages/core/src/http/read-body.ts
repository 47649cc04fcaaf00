/**
 * Reads a response body as text, refusing more than `maxBytes` (checked against Content-Length first, then while
 * streaming) so a runaway response cannot exhaust memory. Resolves to `{ text, bytes }`, or `{ tooLarge: true }`.
 * The bytes are decoded once at the end: Node's `TextDecoder` leaves its fast UTF-8 path for a slower converter
 * as soon as it is asked to decode a stream in pieces.
 */
export const readBodyText = async (
  response: Response,
  maxBytes: number,
): Promise<{ text: string; bytes: number } | { tooLarge: true; bytes: number }> => {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {})
    return { tooLarge: true, bytes: declared }
  }
  if (response.body === null) return { text: '', bytes: 0 }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let bytes = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    bytes += value.byteLength
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => {})
      return { tooLarge: true, bytes }
    }
    chunks.push(value)
  }
  return { text: decodeUtf8(chunks, bytes), bytes }
}

/** The UTF-8 text of `chunks` (`bytes` in all), in one `decode` call (BOM dropped, bad sequences as U+FFFD). */
const decodeUtf8 = (chunks: readonly Uint8Array[], bytes: number): string => {
  const decoder = new TextDecoder()
  if (chunks.length === 1) return decoder.decode(chunks[0])
  const whole = new Uint8Array(bytes)
  let offset = 0
  for (const chunk of chunks) {
    whole.set(chunk, offset)
    offset += chunk.byteLength
  }
  return decoder.decode(whole)
}

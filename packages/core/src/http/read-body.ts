/**
 * Reads a response body as text, refusing more than `maxBytes` (checked against Content-Length first, then while
 * streaming) so a runaway response cannot exhaust memory. Resolves to `{ text, bytes }`, or `{ tooLarge: true }`.
 * The chunks are decoded once at the end (UTF-8, a leading BOM dropped, bad sequences replaced — as streaming
 * decoding would), which is much cheaper than decoding each chunk in streaming mode.
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
  const parts: Uint8Array[] = []
  let bytes = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    bytes += value.byteLength
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => {})
      return { tooLarge: true, bytes }
    }
    parts.push(value)
  }
  return { text: decoder.decode(joined(parts, bytes)), bytes }
}

const decoder = new TextDecoder()

/** The chunks as one array (the only chunk itself when there is one). */
const joined = (parts: readonly Uint8Array[], bytes: number): Uint8Array => {
  if (parts.length === 1) return parts[0] as Uint8Array
  const out = new Uint8Array(bytes)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.byteLength
  }
  return out
}

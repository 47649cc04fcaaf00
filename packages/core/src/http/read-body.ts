/**
 * Reads a response body as text, refusing more than `maxBytes` (checked against Content-Length first, then while
 * streaming) so a runaway response cannot exhaust memory. Resolves to `{ text, bytes }`, or `{ tooLarge: true }`.
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
  const decoder = new TextDecoder()
  const parts: string[] = []
  let bytes = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    bytes += value.byteLength
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => {})
      return { tooLarge: true, bytes }
    }
    parts.push(decoder.decode(value, { stream: true }))
  }
  parts.push(decoder.decode())
  return { text: parts.join(''), bytes }
}

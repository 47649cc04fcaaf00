/**
 * Reading an untrusted callback body: never past a byte cap, never longer than a deadline, and never parsing JSON
 * nested deeper than the callbacks of any vendor are.
 */

/** What reading a body gave: its bytes, or why it was refused. */
export type BodyResult =
  | { kind: 'ok'; bytes: Uint8Array }
  | { kind: 'too_large' }
  | { kind: 'timeout' }
  | { kind: 'aborted' }

/** The media types a JSON callback may come as: none, `application/json`, `…+json`, `text/json`, `text/plain`. */
export const acceptableContentType = (header: string | null): boolean => {
  if (header === null) return true
  const type = (header.split(';')[0] as string).trim().toLowerCase()
  return (
    type === '' ||
    type === 'application/json' ||
    type === 'text/json' ||
    type === 'text/plain' ||
    /^application\/[a-z0-9.+-]+\+json$/.test(type)
  )
}

const concat = (chunks: readonly Uint8Array[], size: number): Uint8Array => {
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return bytes
}

/**
 * Reads `request`'s body: `too_large` as soon as it is known to exceed `maxBytes` — from `Content-Length` before
 * reading anything, or when the bytes read pass the cap (the stream is cancelled then: nothing past the cap is
 * read) — and `timeout` when the whole body has not arrived within `timeoutMs` (a slowloris sender).
 */
export const readBoundedBody = async (request: Request, maxBytes: number, timeoutMs: number): Promise<BodyResult> => {
  const declared = request.headers.get('content-length')
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > maxBytes) return { kind: 'too_large' }
  if (request.body === null) return { kind: 'ok', bytes: new Uint8Array(0) }
  const reader = request.body.getReader()
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
  })
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline])
      if (next === 'timeout') {
        reader.cancel().catch(() => {})
        return { kind: 'timeout' }
      }
      if (next.done) return { kind: 'ok', bytes: concat(chunks, size) }
      size += next.value.length
      if (size > maxBytes) {
        reader.cancel().catch(() => {})
        return { kind: 'too_large' }
      }
      chunks.push(next.value)
    }
  } catch {
    return { kind: 'aborted' }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The deepest nesting of arrays and objects in a JSON text, scanning no further than one level past `limit` (the
 * bracket count outside strings; the text need not be valid JSON). Callbacks nest 3 levels at most: a deeper body is
 * a JSON bomb, refused before `JSON.parse` and everything after it walk it.
 */
export const exceedsDepth = (text: string, limit: number): boolean => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}

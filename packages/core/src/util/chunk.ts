/**
 * Limits for {@link chunkIds}.
 *
 * @example
 * import type { ChunkLimits } from '@rcs-records/core/kit'
 * const limits: ChunkLimits = { maxCount: 200, maxEncodedLength: 6000 }
 */
export interface ChunkLimits {
  /** Ids per chunk at most. */
  maxCount: number
  /** Length of the encoded, joined ids at most (the URL budget left for the `ids` parameter). */
  maxEncodedLength: number
  /** Default `','`. */
  separator?: string
  /** How an id appears in the URL. Default `encodeURIComponent`. */
  encode?: (id: string) => string
}

/**
 * Splits ids into chunks bounded by count and by encoded length, keeping order. An id that alone exceeds the length
 * budget still gets a chunk of its own (the vendor will answer for it; nothing is dropped).
 *
 * @example
 * import { chunkIds } from '@rcs-records/core/kit'
 * chunkIds(['a', 'b', 'c'], { maxCount: 2, maxEncodedLength: 100 }) // [['a', 'b'], ['c']]
 */
export const chunkIds = (ids: readonly string[], limits: ChunkLimits): string[][] => {
  const separatorLength = (limits.encode ?? encodeURIComponent)(limits.separator ?? ',').length
  const encode = limits.encode ?? encodeURIComponent
  const chunks: string[][] = []
  let current: string[] = []
  let length = 0
  // An index loop: run once per call, before V8 optimises it, `for…of` would allocate a result per id.
  for (let at = 0; at < ids.length; at++) {
    const id = ids[at] as string
    const idLength = encode(id).length
    const added = current.length === 0 ? idLength : separatorLength + idLength
    if (current.length > 0 && (current.length >= limits.maxCount || length + added > limits.maxEncodedLength)) {
      chunks.push(current)
      current = []
      length = 0
    }
    length += current.length === 0 ? idLength : separatorLength + idLength
    current.push(id)
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}

/**
 * Removes duplicates, keeping the first occurrence's order.
 *
 * @example
 * import { uniqueIds } from '@rcs-records/core/kit'
 * uniqueIds(['a', 'b', 'a']) // ['a', 'b']
 */
export const uniqueIds = (ids: readonly string[]): string[] => [...new Set(ids)]

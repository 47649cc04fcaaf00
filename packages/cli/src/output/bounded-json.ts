/** Nesting deeper than this is written as a placeholder (vendor records nest a few levels; 100,000 is an attack). */
export const MAX_JSON_DEPTH = 64

/**
 * `JSON.stringify` that cannot overflow the stack: when a value nests deeper than `maxDepth` (default 64) levels,
 * what lies below is written as the string `"[nested deeper than 64 levels: not shown]"`, and `cut` is true.
 * Values that nest less are written exactly as `JSON.stringify` writes them (the fast path is `JSON.stringify`
 * itself; the depth-tracking replacer runs only after it overflowed).
 */
export const boundedJson = (
  value: unknown,
  options: { maxDepth?: number; indent?: number } = {},
): { text: string; cut: boolean } => {
  try {
    return { text: JSON.stringify(value, null, options.indent) ?? 'null', cut: false }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
  }
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH
  const placeholder = `[nested deeper than ${maxDepth} levels: not shown]`
  const depths = new WeakMap<object, number>()
  let cut = false
  const text = JSON.stringify(
    value,
    function (this: unknown, _key: string, nested: unknown) {
      if (nested === null || typeof nested !== 'object') return nested
      const depth = (this !== null && typeof this === 'object' ? (depths.get(this) ?? 0) : 0) + 1
      if (depth > maxDepth) {
        cut = true
        return placeholder
      }
      depths.set(nested, depth)
      return nested
    },
    options.indent,
  )
  return { text: text ?? 'null', cut }
}

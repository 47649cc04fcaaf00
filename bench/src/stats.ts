/**
 * Median of a list of numbers (NaN when empty).
 *
 * @example
 * median([3, 1, 2]) // 2
 */
export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/**
 * Elapsed milliseconds since `start` (from `performance.now()`).
 *
 * @example
 * const t0 = performance.now(); work(); since(t0)
 */
export const since = (start: number): number => performance.now() - start

/** Forces a full collection when node runs with --expose-gc (pnpm bench does); a no-op otherwise. */
export const collectGarbage = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc !== undefined) {
    gc()
    gc()
  }
}

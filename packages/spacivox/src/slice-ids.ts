/**
 * Remembers the ids of the current slice and the one before it — enough to catch a record that a listing returns
 * in two neighbouring slices (one at a boundary, or one that changed between two requests), in memory bounded by
 * two slices whatever their size, so a sync of millions of records never accumulates every id.
 *
 * @example
 * import { SliceIds } from './slice-ids.js'
 * const seen = new SliceIds()
 * seen.add('1') // true
 * seen.nextSlice()
 * seen.add('1') // false: seen in the previous slice
 * seen.nextSlice()
 * seen.nextSlice()
 * seen.add('1') // true: two slices later it is forgotten
 */
export class SliceIds {
  private previous = new Set<string>()
  private current = new Set<string>()

  /** Starts a new slice: the current slice's ids become the previous ones, older ids are forgotten. */
  nextSlice(): void {
    this.previous = this.current
    this.current = new Set()
  }

  /** Records `id`; true when neither this slice nor the previous one had it. */
  add(id: string): boolean {
    if (this.current.has(id) || this.previous.has(id)) return false
    this.current.add(id)
    return true
  }

  /** Ids remembered now (at most the sizes of two slices). */
  get size(): number {
    return this.previous.size + this.current.size
  }
}

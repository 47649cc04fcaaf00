/**
 * What a listing de-duplicates with: `add` records an id and tells whether it is new. {@link RecentIds} is the usual
 * one; an adapter may bring its own (spacivox remembers the ids of the last two slices).
 *
 * @example
 * import type { SeenIds } from '@rcs-records/core/kit'
 * const everything = new Set<string>()
 * const unbounded: SeenIds = { add: (id) => everything.size !== everything.add(id).size }
 */
export interface SeenIds {
  add(id: string): boolean
}

/**
 * Remembers recently seen ids in bounded memory: two generations of sets, the older dropped when the newer fills.
 * An id is remembered for at least `capacity` further ids, so duplicates that vendors produce at page or slice
 * boundaries are caught while a sync of millions of records never accumulates them all.
 *
 * @example
 * import { RecentIds } from '@rcs-records/core/kit'
 * const seen = new RecentIds(1000)
 * seen.add('a') // true: first time
 * seen.add('a') // false: duplicate
 */
export class RecentIds implements SeenIds {
  private current = new Set<string>()
  private previous = new Set<string>()

  constructor(private readonly capacity: number) {}

  /**
   * Records `id`; true when it was not seen recently.
   *
   * @example
   * import { RecentIds } from '@rcs-records/core/kit'
   * const seen = new RecentIds(10)
   * seen.add('a') && seen.add('a') // false
   */
  add(id: string): boolean {
    if (this.current.has(id) || this.previous.has(id)) return false
    if (this.current.size >= this.capacity) {
      this.previous = this.current
      this.current = new Set()
    }
    this.current.add(id)
    return true
  }
}

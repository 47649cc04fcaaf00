/**
 * Remembers recently seen ids in bounded memory: two generations of sets, the older dropped when the newer fills.
 * An id is remembered for at least `capacity` further ids, so duplicates that vendors produce at page or slice
 * boundaries are caught while a sync of millions of records never accumulates them all.
 *
 * @example
 * import { RecentIds } from '@rcs-records/core'
 * const seen = new RecentIds(1000)
 * seen.add('a') // true: first time
 * seen.add('a') // false: duplicate
 */
export class RecentIds {
  private current = new Set<string>()
  private previous = new Set<string>()

  constructor(private readonly capacity: number) {}

  /**
   * Records `id`; true when it was not seen recently.
   *
   * @example
   * import { RecentIds } from '@rcs-records/core'
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

/**
 * Yields each item whose key was not seen recently (see {@link RecentIds}); with `capacity: Infinity`, exactly once.
 *
 * @example
 * import { dedupeBy } from '@rcs-records/core'
 * for await (const record of dedupeBy(records, (r) => r.id, 10_000)) console.log(record.id)
 */
export async function* dedupeBy<T>(
  items: AsyncIterable<T> | Iterable<T>,
  key: (item: T) => string,
  capacity = Number.POSITIVE_INFINITY,
): AsyncGenerator<T> {
  const seen = new RecentIds(capacity)
  for await (const item of items) if (seen.add(key(item))) yield item
}

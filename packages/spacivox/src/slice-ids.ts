import type { SeenIds } from '@rcs-records/core/kit'

// Why not core's `RecentIds` (the de-duper of the BSG and partner-gateway listings): the two keep different
// promises. `RecentIds(capacity)` forgets by count — an id is remembered for at least `capacity` further ids — which
// suits paged listings, whose pages have a known size. Here the promise is "a record returned by two neighbouring
// slices is yielded once", whatever a slice holds: slices are adaptive and a dense one can return far more than
// `sliceRecords`, so no capacity fixed in advance keeps that promise (too small forgets inside a big slice, too
// large holds many slices' ids). The generations therefore turn at slice boundaries (`nextSlice`, called by the
// listing), never on a count, and each is sharded (below) so that a big slice's set stays out of V8's large-object
// space. Both implement core's `SeenIds`, which is all `listRecords` needs; folding the two into one core class would
// add the slice rotation and the sharding to every paged listing's hot path for no gain there.

/**
 * Sets per slice. One `Set` of a whole slice's ids (thousands) has a hash table over 128 KB, which V8 puts in its
 * large-object space; a new one every slice, each living two slices, piles up there as old-generation garbage
 * (over 10 MB at the peak of the 1,000,000-record memory benchmark). Sixteen small sets stay in ordinary pages.
 */
const SHARDS = 16

/**
 * The id as a number when it is a canonical decimal integer of at most 9 digits (`'0'`, `'7'`, `'9474839'`; not
 * `''`, `'007'` or `'x'`), else -1. Spacivox ids are integers written this way, so nearly every id is kept as a small
 * integer: a set of them holds no string (a slice's id strings would otherwise outlive their records, surviving
 * young-generation collections into the old generation) and hashes it without reading a string. At most 9 digits
 * stays below 2^31, a small integer for V8 whatever the platform, and one number for exactly one string.
 */
const smallIntegerOf = (id: string): number => {
  const n = id.length
  if (n === 0 || n > 9) return -1
  let value = id.charCodeAt(0) - 48
  if (value < 0 || value > 9 || (value === 0 && n > 1)) return -1
  for (let i = 1; i < n; i++) {
    const digit = id.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

/** Which string set an id goes to: from its last two characters. */
const shardOf = (id: string): number => {
  const n = id.length
  return (id.charCodeAt(n - 1) + 7 * (n > 1 ? id.charCodeAt(n - 2) : 0)) & (SHARDS - 1)
}

const emptyShards = <T>(): Set<T>[] => Array.from({ length: SHARDS }, () => new Set<T>())

/** One slice's ids: small integers by their low bits, any other id by {@link shardOf}. */
class Generation {
  readonly numbers: Set<number>[] = emptyShards<number>()
  readonly strings: Set<string>[] = emptyShards<string>()

  get size(): number {
    let size = 0
    for (const set of this.numbers) size += set.size
    for (const set of this.strings) size += set.size
    return size
  }
}

/**
 * Remembers the ids of the current slice and the one before it — enough to catch a record that a listing returns
 * in two neighbouring slices (one at a boundary, or one that changed between two requests), in memory bounded by
 * two slices whatever their size, so a sync of millions of records never accumulates every id.
 */
export class SliceIds implements SeenIds {
  private previous = new Generation()
  private current = new Generation()

  /** Starts a new slice: the current slice's ids become the previous ones, older ids are forgotten. */
  nextSlice(): void {
    this.previous = this.current
    this.current = new Generation()
  }

  /**
   * Records `id`; true when neither this slice nor the previous one had it. Two hash lookups, not three: an id of
   * the previous slice is not added to this one (so it is forgotten a slice later, as before), and whether this
   * slice had it is whether adding it grew the set.
   */
  add(id: string): boolean {
    const number = smallIntegerOf(id)
    if (number >= 0) {
      const shard = number & (SHARDS - 1)
      if ((this.previous.numbers[shard] as Set<number>).has(number)) return false
      const current = this.current.numbers[shard] as Set<number>
      const size = current.size
      current.add(number)
      return current.size !== size
    }
    const shard = id === '' ? 0 : shardOf(id)
    if ((this.previous.strings[shard] as Set<string>).has(id)) return false
    const current = this.current.strings[shard] as Set<string>
    const size = current.size
    current.add(id)
    return current.size !== size
  }

  /** Ids remembered now (at most the sizes of two slices). */
  get size(): number {
    return this.previous.size + this.current.size
  }
}

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

/** Which set an id goes to: from its last two characters (ids are decimal digits, spread evenly). */
const shardOf = (id: string): number => {
  const n = id.length
  return (id.charCodeAt(n - 1) + 7 * (n > 1 ? id.charCodeAt(n - 2) : 0)) & (SHARDS - 1)
}

const emptyShards = (): Set<string>[] => Array.from({ length: SHARDS }, () => new Set<string>())

/**
 * Remembers the ids of the current slice and the one before it — enough to catch a record that a listing returns
 * in two neighbouring slices (one at a boundary, or one that changed between two requests), in memory bounded by
 * two slices whatever their size, so a sync of millions of records never accumulates every id.
 */
export class SliceIds implements SeenIds {
  private previous = emptyShards()
  private current = emptyShards()

  /** Starts a new slice: the current slice's ids become the previous ones, older ids are forgotten. */
  nextSlice(): void {
    this.previous = this.current
    this.current = emptyShards()
  }

  /**
   * Records `id`; true when neither this slice nor the previous one had it. Two hash lookups, not three: an id of
   * the previous slice is not added to this one (so it is forgotten a slice later, as before), and whether this
   * slice had it is whether adding it grew the set.
   */
  add(id: string): boolean {
    const shard = id === '' ? 0 : shardOf(id)
    if ((this.previous[shard] as Set<string>).has(id)) return false
    const current = this.current[shard] as Set<string>
    const size = current.size
    current.add(id)
    return current.size !== size
  }

  /** Ids remembered now (at most the sizes of two slices). */
  get size(): number {
    let size = 0
    for (const set of this.previous) size += set.size
    for (const set of this.current) size += set.size
    return size
  }
}

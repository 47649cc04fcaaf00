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

const emptyShards = (): Set<string>[] => Array.from({ length: SHARDS }, () => new Set<string>())

const MIN_CAPACITY = 1024

/**
 * A set of small non-negative integers in an `Int32Array` (open addressing, linear probing, `value + 1` stored so
 * 0 is free, at most half full). Its table is an ArrayBuffer outside V8's heap: no young-generation collection copies
 * it or promotes it, where a `Set`'s hash table of a slice's ids (allocated, regrown and kept two slices) was about
 * 40% of what survived each collection in the memory benchmark. `clear` keeps the table for the next slice.
 */
class IntegerSet {
  private table = new Int32Array(MIN_CAPACITY)
  private shift = 32 - Math.log2(MIN_CAPACITY)
  size = 0

  private slotOf(value: number): number {
    const table = this.table
    const mask = table.length - 1
    const stored = value + 1
    let slot = Math.imul(stored, 0x9e3779b1) >>> this.shift
    for (;;) {
      const found = table[slot] as number
      if (found === 0 || found === stored) return slot
      slot = (slot + 1) & mask
    }
  }

  has(value: number): boolean {
    return this.table[this.slotOf(value)] !== 0
  }

  /** Adds `value`; true when it was not there. */
  add(value: number): boolean {
    const slot = this.slotOf(value)
    if (this.table[slot] !== 0) return false
    this.table[slot] = value + 1
    if (++this.size * 2 > this.table.length) this.grow()
    return true
  }

  /** Empties the set; a table much larger than the last use is given back. */
  clear(): void {
    if (this.size === 0) return
    if (this.table.length > MIN_CAPACITY && this.size * 8 < this.table.length) {
      this.table = new Int32Array(this.table.length / 4)
      this.shift += 2
    } else {
      this.table.fill(0)
    }
    this.size = 0
  }

  private grow(): void {
    const old = this.table
    this.table = new Int32Array(old.length * 2)
    this.shift--
    for (let i = 0; i < old.length; i++) {
      const stored = old[i] as number
      if (stored !== 0) this.table[this.slotOf(stored - 1)] = stored
    }
  }
}

/** One slice's ids: small integers in an {@link IntegerSet}, any other id in a string set by {@link shardOf}. */
class Generation {
  readonly numbers = new IntegerSet()
  strings: Set<string>[] | undefined

  /** Empties it for another slice (the integer table is kept). */
  clear(): void {
    this.numbers.clear()
    this.strings = undefined
  }

  get size(): number {
    let size = this.numbers.size
    for (const set of this.strings ?? []) size += set.size
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
    const forgotten = this.previous
    forgotten.clear()
    this.previous = this.current
    this.current = forgotten
  }

  /**
   * Records `id`; true when neither this slice nor the previous one had it. An id of the previous slice is not
   * added to this one (so it is forgotten a slice later, as before).
   */
  add(id: string): boolean {
    const number = smallIntegerOf(id)
    if (number >= 0) return !this.previous.numbers.has(number) && this.current.numbers.add(number)
    const shard = id === '' ? 0 : shardOf(id)
    if ((this.previous.strings?.[shard] as Set<string> | undefined)?.has(id) === true) return false
    this.current.strings ??= emptyShards()
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

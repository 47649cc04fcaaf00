import type { BsgModel } from './bsg.js'
import { reachedAt } from './lifecycle.js'

/**
 * One `GET /api/messages` query, already validated.
 */
export interface BsgQuery {
  /** Inclusive, ms. */
  from: number
  /** Exclusive, ms. */
  to: number
  campaignId: number | null
  /** The index named by `filter[reference_id]` (-1: names nothing), or null for no filter. */
  referenceIndex: number | null
  /** The index named by `filter[id]` (-1: names nothing), or null for no filter. */
  idIndex: number | null
  sort: 'id' | 'phone' | 'delivered'
  way: 'asc' | 'desc'
  offset: number
  limit: number
}

/**
 * A page of messages with the total that `meta.page.total` reports.
 */
export interface BsgPage {
  total: number
  indexes: number[]
}

const intersect = (a: readonly [number, number], b: readonly [number, number]): [number, number] => {
  const lo = Math.max(a[0], b[0])
  return [lo, Math.max(lo, Math.min(a[1], b[1]))]
}

/**
 * The indexes of one page at instant `at`. Sorting by `id` (the default) is arithmetic whatever the size;
 * sorting by `phone` or `delivered` materialises the matching set, as a database without an index would.
 */
export const bsgPage = (model: BsgModel, query: BsgQuery, at: number): BsgPage => {
  const count = model.timeline.count
  let range = model.timeline.rangeOf(query.from, query.to) as [number, number]
  if (query.campaignId !== null) range = intersect(range, model.campaignRange(query.campaignId))
  for (const single of [query.referenceIndex, query.idIndex]) {
    if (single !== null) range = intersect(range, single >= 0 && single < count ? [single, single + 1] : [0, 0])
  }
  const [lo, hi] = range
  const extras = model.inserted
    .all()
    .filter(
      (e) =>
        e.insertedAt <= at &&
        e.createdAt >= query.from &&
        e.createdAt < query.to &&
        (query.campaignId === null || model.campaignOf(e.index) === query.campaignId) &&
        (query.referenceIndex === null || query.referenceIndex === e.index) &&
        (query.idIndex === null || query.idIndex === e.index),
    )
    .map((e) => e.index)
  const total = hi - lo + extras.length
  const end = Math.min(total, query.offset + query.limit)
  const indexes: number[] = []
  if (query.sort === 'id') {
    for (let k = query.offset; k < end; k++) {
      const r = query.way === 'asc' ? k : total - 1 - k
      indexes.push(r < hi - lo ? lo + r : (extras[r - (hi - lo)] as number))
    }
    return { total, indexes }
  }
  const all: number[] = []
  for (let i = lo; i < hi; i++) all.push(i)
  all.push(...extras)
  const keys = new Map<number, number>()
  for (const index of all) {
    const facts = model.facts(index)
    keys.set(
      index,
      query.sort === 'phone'
        ? facts.phone
        : (reachedAt(facts.events, ['delivered', 'read'], at) ?? Number.NEGATIVE_INFINITY),
    )
  }
  const sign = query.way === 'asc' ? 1 : -1
  all.sort((a, b) => sign * ((keys.get(a) as number) - (keys.get(b) as number)) || a - b)
  return { total, indexes: all.slice(query.offset, end) }
}

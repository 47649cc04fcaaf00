import type { WireChannel } from './channel-blocks.js'
import type { PartnerGatewayModel, PartnerGatewayStatus } from './partner-gateway.js'

/**
 * One history query, already validated.
 */
export interface HistoryQuery {
  channel: WireChannel
  /** Inclusive, ms. */
  from: number
  /** Inclusive, ms. */
  to: number
  status: PartnerGatewayStatus | null
  /** `page * limit`. */
  offset: number
  limit: number
}

interface Extra {
  index: number
  createdAt: number
}

/**
 * The indexes of one history page, newest first (by creation, then by index), at instant `at`. Without a status
 * filter a page is found arithmetically (channel blocks and binary search), so the 10,000th page of a
 * million-record history costs what the first does; a status filter scans, as a database without an index would.
 */
export const historyPage = (model: PartnerGatewayModel, query: HistoryQuery, at: number): number[] => {
  if (query.from > query.to) return []
  const [lo, hi] = model.timeline.rangeOf(query.from, query.to + 1)
  const extras: Extra[] = model.inserted
    .all()
    .filter(
      (e) =>
        e.insertedAt <= at &&
        e.createdAt >= query.from &&
        e.createdAt <= query.to &&
        model.wireChannelOf(e.index) === query.channel,
    )
    .map((e) => ({ index: e.index, createdAt: e.createdAt }))
    .sort((a, b) => b.createdAt - a.createdAt || b.index - a.index)
  return query.status === null
    ? arithmeticPage(model, query, lo, hi, extras)
    : scannedPage(model, query, lo, hi, extras, query.status, at)
}

const arithmeticPage = (
  model: PartnerGatewayModel,
  query: HistoryQuery,
  lo: number,
  hi: number,
  extras: readonly Extra[],
): number[] => {
  const { blocks, timeline } = model
  const channel = query.channel
  const baseTotal = blocks.count(channel, lo, hi)
  // Position of each extra in the merged newest-first sequence: base records created after it, plus its rank.
  const positions = extras.map(
    (e, rank) => blocks.count(channel, Math.max(lo, Math.min(hi, timeline.firstAtOrAfter(e.createdAt + 1))), hi) + rank,
  )
  const total = baseTotal + extras.length
  const end = Math.min(total, query.offset + query.limit)
  const page: number[] = []
  let extrasBefore = positions.filter((p) => p < query.offset).length
  let base = -1
  for (let k = query.offset; k < end; k++) {
    const extra = extras[extrasBefore]
    if (extra !== undefined && positions[extrasBefore] === k) {
      page.push(extra.index)
      extrasBefore++
      continue
    }
    if (base < 0) base = blocks.nthFromTop(channel, lo, hi, k - extrasBefore)
    else {
      base--
      while (base >= lo && blocks.channelOf(base) !== channel) base--
    }
    if (base < lo) break
    page.push(base)
  }
  return page
}

const scannedPage = (
  model: PartnerGatewayModel,
  query: HistoryQuery,
  lo: number,
  hi: number,
  extras: readonly Extra[],
  status: PartnerGatewayStatus,
  at: number,
): number[] => {
  const page: number[] = []
  let skipped = 0
  let e = 0
  let b = hi - 1
  const matches = (index: number): boolean => model.eventAt(model.facts(index), at).status === status
  while (page.length < query.limit) {
    while (b >= lo && model.wireChannelOf(b) !== query.channel) b--
    const extra = extras[e]
    let index: number
    if (extra !== undefined && (b < lo || extra.createdAt >= model.timeline.createdAt(b))) {
      index = extra.index
      e++
    } else if (b >= lo) {
      index = b
      b--
    } else break
    if (!matches(index)) continue
    if (skipped < query.offset) skipped++
    else page.push(index)
  }
  return page
}

import { hashAt } from '../prng.js'

/**
 * partner-gateway's records are mostly RCS, with some SMS and WhatsApp. Each block of 20 consecutive records holds
 * exactly 17 RCS, 2 SMS and 1 WhatsApp at seeded positions, so "the r-th RCS record in an index range" is
 * arithmetic (a history page for 1,000,000 records never scans from the start) while the mix still looks random.
 */

/**
 * A partner-gateway channel as it appears on the wire.
 */
export type WireChannel = 'RCS' | 'SMS' | 'WHATSAPP'

const BLOCK = 20
const PER_BLOCK: Readonly<Record<WireChannel, number>> = { RCS: 17, SMS: 2, WHATSAPP: 1 }

/**
 * The channel mix of one vendor's generated records.
 */
export interface ChannelBlocks {
  channelOf(index: number): WireChannel
  /** Records of `channel` in `[lo, hi)`. */
  count(channel: WireChannel, lo: number, hi: number): number
  /** The `rank`-th (0-based) record of `channel` counting down from `hi - 1` to `lo`, or -1. */
  nthFromTop(channel: WireChannel, lo: number, hi: number, rank: number): number
}

/**
 * Creates the channel mix for `generatedCount` records (inserted records, beyond it, are RCS).
 */
export const createChannelBlocks = (seed: number, generatedCount: number): ChannelBlocks => {
  const channelOf = (index: number): WireChannel => {
    if (index >= generatedCount) return 'RCS'
    const block = Math.floor(index / BLOCK)
    const slot = index - block * BLOCK
    const h = hashAt(seed, block)
    const sms1 = h % BLOCK
    const sms2 = (sms1 + 1 + ((h >>> 8) % (BLOCK - 1))) % BLOCK
    if (slot === sms1 || slot === sms2) return 'SMS'
    let remaining = (h >>> 16) % (BLOCK - 2)
    for (let s = 0; s < BLOCK; s++) {
      if (s === sms1 || s === sms2) continue
      if (remaining === 0) return s === slot ? 'WHATSAPP' : 'RCS'
      remaining--
    }
    return 'RCS'
  }
  const scan = (channel: WireChannel, lo: number, hi: number): number => {
    let n = 0
    for (let i = lo; i < hi; i++) if (channelOf(i) === channel) n++
    return n
  }
  const count = (channel: WireChannel, lo: number, hi: number): number => {
    if (hi <= lo) return 0
    const firstFull = Math.ceil(lo / BLOCK)
    const lastFull = Math.floor(Math.min(hi, generatedCount) / BLOCK)
    if (lastFull <= firstFull) return scan(channel, lo, hi)
    return (
      scan(channel, lo, firstFull * BLOCK) +
      (lastFull - firstFull) * PER_BLOCK[channel] +
      scan(channel, lastFull * BLOCK, hi)
    )
  }
  const nthFromTop = (channel: WireChannel, lo: number, hi: number, rank: number): number => {
    if (rank < 0 || count(channel, lo, hi) <= rank) return -1
    // Smallest x with count(x, hi) <= rank; the answer is x - 1.
    let a = lo
    let b = hi
    while (a < b) {
      const mid = (a + b) >>> 1
      if (count(channel, mid, hi) <= rank) b = mid
      else a = mid + 1
    }
    return a - 1
  }
  return { channelOf, count, nthFromTop }
}

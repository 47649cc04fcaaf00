import { mergeRecords, type RcsRecord } from '@rcs-records/core'
import { parseWebhook } from '@rcs-records/partner-gateway'

/** A seeded PRNG (mulberry32): the same load on every run. */
export const random = (seed: number): (() => number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const shuffle = <T>(items: T[], next: () => number): T[] => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[items[i], items[j]] = [items[j] as T, items[i] as T]
  }
  return items
}

/** One message of the load: its customerMessageId and the callback bodies it gets, each posted twice. */
export interface LoadMessage {
  id: string
  bodies: string[]
}

const at = (base: number, seconds: number) => new Date(base + seconds * 1000).toISOString().replace('.000Z', 'Z')

/**
 * partner-gateway callbacks in the documented shapes for `unique` distinct bodies: per message a DELIVERY (both
 * ids), a READ (only `messageId`), a late failure (`statusCode` 6, after the delivery), in the mixes
 * delivered+read, delivered+read+late failure, delivered+late failure, failure only.
 */
export const generateLoad = (unique: number, seed: number): LoadMessage[] => {
  const next = random(seed)
  const messages: LoadMessage[] = []
  const base = Date.parse('2026-04-09T10:00:00Z')
  let total = 0
  for (let i = 0; total < unique; i++) {
    const id = `order-${seed}-${i}`
    const messageId = `uuid-${seed}-${i}`
    const t = base + i * 1000
    const delivery = JSON.stringify({
      eventType: 'DELIVERY',
      messageId,
      customerMessageId: id,
      destination: '+393401234567',
      statusCode: 3,
      description: 'Message delivered',
      channel: 'RCS',
      timestamp: at(t, 30),
    })
    const read = JSON.stringify({
      eventType: 'READ',
      messageId,
      destination: '+393401234567',
      channel: 'RCS',
      timestamp: at(t, 75),
    })
    const failure = JSON.stringify({
      channel: 'RCS',
      eventType: 'DELIVERY',
      messageId,
      customerMessageId: id,
      statusCode: 6,
      statusDescription: 'Not Delivered',
      timestamp: at(t, 120),
    })
    const kind = next()
    const bodies =
      kind < 0.4
        ? [delivery, read]
        : kind < 0.7
          ? [delivery, read, failure]
          : kind < 0.9
            ? [delivery, failure]
            : [failure]
    messages.push({ id, bodies: bodies.slice(0, unique - total) })
    total += Math.min(bodies.length, unique - total)
  }
  return messages
}

/**
 * Every body of `messages` twice, shuffled; then, per message, its copies re-dealt over the positions it got so that
 * a READ comes first (before its DELIVERY) and a late failure comes last (after the deliveries).
 */
export const sendOrder = (messages: readonly LoadMessage[], seed: number): string[] => {
  const next = random(seed + 1)
  const slots = shuffle(
    messages.flatMap((message, index) => message.bodies.flatMap(() => [index, index])),
    next,
  )
  const positions = new Map<number, number[]>()
  slots.forEach((message, position) => {
    const list = positions.get(message) ?? []
    list.push(position)
    positions.set(message, list)
  })
  const order: string[] = new Array(slots.length)
  for (const [index, places] of positions) {
    const bodies = (messages[index] as LoadMessage).bodies
    const copies = shuffle(
      bodies.flatMap((body) => [body, body]),
      next,
    )
    const first = copies.findIndex((body) => body.includes('"READ"'))
    if (first > 0) copies.unshift(...copies.splice(first, 1))
    const last = copies.findLastIndex((body) => body.includes('"statusCode":6'))
    if (last >= 0 && bodies.length > 1) copies.push(...copies.splice(last, 1))
    places.forEach((place, k) => {
      order[place] = copies[k] as string
    })
  }
  return order
}

/** The record each message must end as: the `mergeRecords` fold of every callback's records, under its customer id. */
export const expectedRecord = (message: LoadMessage): RcsRecord => {
  let state: RcsRecord | undefined
  for (const body of message.bodies.flatMap((b) => [b, b])) {
    const parsed = parseWebhook(body)
    if (parsed._tag === 'Left') throw parsed.left
    for (const record of parsed.right) state = mergeRecords(state, { ...record, id: message.id })
  }
  return state as RcsRecord
}

/**
 * Posts `bodies` from `senders` concurrent senders; the status and the latency (ms) of each, and how many attempts
 * failed at the connection (a reset) and were sent again — as a vendor resends a callback it got no answer for.
 */
export const sendAll = async (
  url: string,
  bodies: readonly string[],
  senders: number,
  headers: Record<string, string>,
): Promise<{ statuses: number[]; latencies: number[]; resent: number }> => {
  const statuses: number[] = new Array(bodies.length)
  const latencies: number[] = new Array(bodies.length)
  let nextIndex = 0
  let resent = 0
  const send = async (body: string): Promise<number> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        })
        await response.arrayBuffer()
        return response.status
      } catch (error) {
        if (attempt >= 3) throw error
        resent++
      }
    }
  }
  await Promise.all(
    Array.from({ length: senders }, async () => {
      for (let i = nextIndex++; i < bodies.length; i = nextIndex++) {
        const started = performance.now()
        statuses[i] = await send(bodies[i] as string)
        latencies[i] = performance.now() - started
      }
    }),
  )
  return { statuses, latencies, resent }
}

/** The q-quantile (0–1) of `values`, by nearest rank. */
export const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number
}

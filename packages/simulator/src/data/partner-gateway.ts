import { deriveSeed, hashAt, logUniform, pickWeighted, unitAt } from '../prng.js'
import { formatIsoWithOffset } from '../time/zone.js'
import type { CanonicalChannel, CanonicalStatus } from '../vendors.js'
import { type ChannelBlocks, createChannelBlocks, type WireChannel } from './channel-blocks.js'
import { digitsFrom, indexFromUuid, scrambleIndex, unscrambleIndex, uuidFor } from './codes.js'
import { createInsertedStore } from './inserted.js'
import { eventAt, type StatusEvent } from './lifecycle.js'
import type { DriftKind, RecordModel } from './model.js'
import { AGENT_NAMES, MESSAGE_TEXTS, pickFrom } from './pools.js'
import { createTimeline } from './timeline.js'

/**
 * partner-gateway's `deliveryStatus` values (no READ: standard RCS gives none through this API).
 */
export type PartnerGatewayStatus = 'SENT' | 'RECEIVED' | 'DELIVERED' | 'ERROR' | 'EXPIRED' | 'UNKNOWN'

/**
 * The design's mapping of partner-gateway statuses to canonical ones.
 *
 * @example
 * import { PARTNER_GATEWAY_CANONICAL } from '@rcs-records/simulator'
 * PARTNER_GATEWAY_CANONICAL.ERROR // 'undeliverable'
 */
export const PARTNER_GATEWAY_CANONICAL: Readonly<Record<PartnerGatewayStatus, CanonicalStatus>> = {
  SENT: 'sent',
  RECEIVED: 'sent',
  DELIVERED: 'delivered',
  ERROR: 'undeliverable',
  EXPIRED: 'expired',
  UNKNOWN: 'unknown',
}

/**
 * The status a schema-drift fault puts on the wire: no adapter knows it, so a correct one reports `unknown`.
 */
export const PARTNER_GATEWAY_DRIFT_STATUS = 'PENDING_RETRY'

/** partner-gateway's time zone for `sendDate`/`deliveryDate` (Agile Telecom is in Italy). */
const PG_ZONE = 'Europe/Rome'
const TTL_MS = 24 * 3_600_000

/**
 * Everything fixed about one partner-gateway record.
 */
export interface PartnerGatewayFacts {
  index: number
  id: string
  channel: WireChannel
  destination: string
  sender: string
  body: string
  parts: number
  cost: number | null
  createdAt: number
  events: StatusEvent<PartnerGatewayStatus>[]
}

const RCS_ERRORS: readonly (readonly [string, number])[] = [
  ['RCS disabled', 30],
  ['No RCS-capable device', 25],
  ['invalid number', 20],
  ['Carrier rejected', 12],
  ['Agent not registered', 8],
  ['Account suspended', 5],
]
const OTHER_ERRORS: readonly (readonly [string, number])[] = [
  ['invalid number', 45],
  ['Carrier rejected', 40],
  ['Account suspended', 15],
]
const DESCRIPTIONS: Readonly<Record<PartnerGatewayStatus, string>> = {
  SENT: 'Message forwarded to the carrier',
  RECEIVED: 'Acknowledged downstream, awaiting handset delivery',
  DELIVERED: 'Message delivered',
  ERROR: 'Message not delivered',
  EXPIRED: 'Message expired: time-to-live elapsed',
  UNKNOWN: 'No status information available',
}

type Fate = 'delivered' | 'error' | 'expired' | 'unknown' | 'stuck'
const FATES: readonly (readonly [Fate, number])[] = [
  ['delivered', 70],
  ['error', 13],
  ['expired', 6],
  ['unknown', 5],
  ['stuck', 6],
]

const CHANNEL: Readonly<Record<WireChannel, CanonicalChannel>> = { RCS: 'rcs', SMS: 'sms', WHATSAPP: 'whatsapp' }

/**
 * The partner-gateway data model.
 */
export interface PartnerGatewayModel extends RecordModel<PartnerGatewayFacts, PartnerGatewayStatus> {
  readonly blocks: ChannelBlocks
  wireChannelOf(index: number): WireChannel
}

/**
 * Options shared by every vendor model.
 */
export interface ModelOptions {
  seed: number
  count: number
  /** End of the creation window (the simulator's start). */
  end: number
  /** Length of the creation window. */
  span: number
}

const lifecycle = (seed: number, createdAt: number, channel: WireChannel): StatusEvent<PartnerGatewayStatus>[] => {
  const fate = pickWeighted(FATES, unitAt(seed, 10))
  const sent: StatusEvent<PartnerGatewayStatus> = { at: createdAt, status: 'SENT', description: DESCRIPTIONS.SENT }
  if (fate === 'unknown') return [{ at: createdAt, status: 'UNKNOWN', description: DESCRIPTIONS.UNKNOWN }]
  const events = [sent]
  let t = createdAt
  if (unitAt(seed, 11) < 0.5) {
    t += logUniform(500, 5_000, unitAt(seed, 12))
    events.push({ at: t, status: 'RECEIVED', description: DESCRIPTIONS.RECEIVED })
  }
  if (fate === 'delivered') {
    const slow = unitAt(seed, 13) < 0.05
    t += slow ? logUniform(1_800_000, 12 * 3_600_000, unitAt(seed, 14)) : logUniform(1_000, 600_000, unitAt(seed, 14))
    events.push({ at: t, status: 'DELIVERED', description: DESCRIPTIONS.DELIVERED })
  } else if (fate === 'error') {
    t += logUniform(1_000, 120_000, unitAt(seed, 14))
    const reason = pickWeighted(channel === 'RCS' ? RCS_ERRORS : OTHER_ERRORS, unitAt(seed, 15))
    events.push({ at: t, status: 'ERROR', description: reason })
  } else if (fate === 'expired') {
    events.push({ at: createdAt + TTL_MS, status: 'EXPIRED', description: DESCRIPTIONS.EXPIRED })
  }
  return events
}

const destinationOf = (seed: number): string => {
  const a = hashAt(seed, 20)
  const b = hashAt(seed, 21)
  const country = a % 10
  if (country < 8) return `+393${digitsFrom(a, b, 9)}`
  if (country === 8) return `+346${digitsFrom(a, b, 8)}`
  return `+447${digitsFrom(a, b, 9)}`
}

const costOf = (seed: number, channel: WireChannel, parts: number): number | null => {
  if (unitAt(seed, 30) < 0.1) return null
  if (channel === 'SMS') return Math.round(35 * parts) / 1000
  if (channel === 'WHATSAPP') return 0.048
  return unitAt(seed, 31) < 0.7 ? 0.042 : 0.06
}

/**
 * Creates the partner-gateway model for `count` generated records.
 */
export const createPartnerGatewayModel = (options: ModelOptions): PartnerGatewayModel => {
  const vendorSeed = deriveSeed(options.seed, 1)
  const idKey = hashAt(vendorSeed, 1)
  const orderKey = hashAt(vendorSeed, 2)
  const timeline = createTimeline({
    seed: deriveSeed(vendorSeed, 3),
    count: options.count,
    end: options.end,
    span: options.span,
    precisionMs: 1000,
  })
  const inserted = createInsertedStore(options.count)
  const blocks = createChannelBlocks(deriveSeed(vendorSeed, 4), options.count)
  const recordSeed = (index: number): number => deriveSeed(vendorSeed, index + 1000)

  const createdAt = (index: number): number =>
    index < options.count ? timeline.createdAt(index) : (inserted.get(index)?.createdAt ?? Number.NaN)
  const idOf = (index: number): string => {
    const seed = recordSeed(index)
    return unitAt(seed, 1) < 0.2 ? `order-${scrambleIndex(index, orderKey)}` : uuidFor(index, idKey, seed)
  }
  const exists = (index: number, at: number): boolean => {
    if (!Number.isInteger(index) || index < 0) return false
    if (index < options.count) return true
    const entry = inserted.get(index)
    return entry !== undefined && entry.insertedAt <= at
  }
  const candidateIndex = (id: string): number | null => {
    const order = /^order-(\d{1,10})$/.exec(id)
    if (order !== null) return unscrambleIndex(Number(order[1]), orderKey)
    return indexFromUuid(id, idKey)
  }

  return {
    vendor: 'partner-gateway',
    timeline,
    inserted,
    blocks,
    createdAt,
    exists,
    idOf,
    indexOf: (id) => {
      const index = candidateIndex(id)
      if (index === null || index >= inserted.nextIndex || idOf(index) !== id) return null
      return index
    },
    wireChannelOf: blocks.channelOf,
    channelOf: (index) => CHANNEL[blocks.channelOf(index)],
    facts: (index) => {
      const seed = recordSeed(index)
      const channel = blocks.channelOf(index)
      const created = createdAt(index)
      const parts = channel === 'SMS' ? 1 + (hashAt(seed, 40) % 3 === 0 ? 1 : 0) : 1
      return {
        index,
        id: idOf(index),
        channel,
        destination: destinationOf(seed),
        sender: pickFrom(AGENT_NAMES, hashAt(seed, 41)),
        body: pickFrom(MESSAGE_TEXTS, hashAt(seed, 42)),
        parts,
        cost: costOf(seed, channel, parts),
        createdAt: created,
        events: lifecycle(seed, created, channel),
      }
    },
    eventAt: (facts, at) => eventAt(facts.events, at),
    canonical: (native) => PARTNER_GATEWAY_CANONICAL[native] ?? 'unknown',
    insert: (created, insertedAt) => inserted.add({ createdAt: created, insertedAt }),
  }
}

/**
 * How a partner-gateway record is shaped on the wire.
 */
export interface PartnerGatewayView {
  /** Drift applied to this record. */
  drift?: ReadonlySet<DriftKind>
}

/**
 * The `channel` written on the wire: the record's channel, or with the `undocumented-channel` drift a value the
 * vendor does not document (`RCS_BUSINESS`) on a record still listed on its channel.
 */
export const channelOnWire = (channel: WireChannel, drift: ReadonlySet<DriftKind> | undefined): string =>
  drift?.has('undocumented-channel') ? `${channel}_BUSINESS` : channel

/**
 * A `DeliveryStatusResponse` as the status, batch and history endpoints return it.
 */
export const partnerGatewayPayload = (
  facts: PartnerGatewayFacts,
  at: number,
  view: PartnerGatewayView = {},
): Record<string, unknown> => {
  const event = eventAt(facts.events, at)
  const drift = view.drift
  const status = drift?.has('unknown-status') ? PARTNER_GATEWAY_DRIFT_STATUS : event.status
  const description = event.description ?? null
  const delivered = event.status === 'DELIVERED' ? formatIsoWithOffset(event.at, PG_ZONE) : null
  const italian = drift?.has('italian-fields') === true
  const payload: Record<string, unknown> = italian
    ? { customerMessageId: facts.id, deliveryStato: status }
    : { customerMessageId: facts.id, deliveryStatus: status }
  if (drift?.has('missing-optional') !== true) {
    payload[italian ? 'deliveryStatoDescription' : 'deliveryStatusDescription'] = description
    payload.channel = channelOnWire(facts.channel, drift)
    payload.destination = facts.destination
    payload.sendDate = formatIsoWithOffset(facts.createdAt, PG_ZONE)
    payload.deliveryDate = delivered
    payload.cost = facts.cost
  }
  if (drift?.has('extra-fields')) {
    payload.operatorCode = '22210'
    payload.messageParts = facts.parts
    payload._links = { self: { href: `/partner-gateway/v1/messages/status/${facts.id}?channel=${facts.channel}` } }
  }
  return payload
}

/**
 * The wrapped history item of the vendor's use-case page (`{"messages":[…]}`), used by the `wrapped-history` drift.
 */
export const partnerGatewayWrappedItem = (
  facts: PartnerGatewayFacts,
  at: number,
  view: PartnerGatewayView = {},
): Record<string, unknown> => {
  const event = eventAt(facts.events, at)
  return {
    messageId: facts.id,
    channel: channelOnWire(facts.channel, view.drift),
    direction: 'OUTBOUND',
    destination: facts.destination,
    sender: facts.sender,
    body: facts.body,
    status: view.drift?.has('unknown-status') ? PARTNER_GATEWAY_DRIFT_STATUS : event.status,
    sendDate: formatIsoWithOffset(facts.createdAt, PG_ZONE),
    deliveryDate: event.status === 'DELIVERED' ? formatIsoWithOffset(event.at, PG_ZONE) : null,
    cost: facts.cost,
    parts: facts.parts,
  }
}

/**
 * A user's reply to a record, as the history lists it with the `inbound-reply` drift: an item of the use-case shape
 * with `direction: INBOUND` (not a delivery record; a correct client skips it), listed right after the record.
 */
export const partnerGatewayReply = (facts: PartnerGatewayFacts): Record<string, unknown> => ({
  messageId: `${facts.id}-reply`,
  channel: facts.channel,
  direction: 'INBOUND',
  destination: facts.sender,
  sender: facts.destination,
  body: 'STOP',
  status: 'RECEIVED',
  sendDate: formatIsoWithOffset(facts.createdAt, PG_ZONE),
  deliveryDate: null,
  cost: null,
  parts: 1,
})

const nullable = (value: string | null): string => (value === null ? 'null' : `"${value}"`)

/**
 * The JSON text of {@link partnerGatewayPayload}, built directly (the hot path of history pages); identical to
 * `JSON.stringify(partnerGatewayPayload(facts, at, view))`.
 */
export const partnerGatewayJson = (facts: PartnerGatewayFacts, at: number, view: PartnerGatewayView = {}): string => {
  if (view.drift !== undefined && view.drift.size > 0) return JSON.stringify(partnerGatewayPayload(facts, at, view))
  const event = eventAt(facts.events, at)
  const delivered = event.status === 'DELIVERED' ? `"${formatIsoWithOffset(event.at, PG_ZONE)}"` : 'null'
  return `{"customerMessageId":${JSON.stringify(facts.id)},"deliveryStatus":"${event.status}","deliveryStatusDescription":${nullable(event.description ?? null)},"channel":"${facts.channel}","destination":"${facts.destination}","sendDate":"${formatIsoWithOffset(facts.createdAt, PG_ZONE)}","deliveryDate":${delivered},"cost":${facts.cost === null ? 'null' : String(facts.cost)}}`
}

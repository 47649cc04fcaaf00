import { deriveSeed, hashAt, logUniform, pickWeighted, unitAt } from '../prng.js'
import { formatLocal } from '../time/zone.js'
import type { CanonicalChannel, CanonicalStatus } from '../vendors.js'
import { digitsValue, hexReferenceFor, indexFromHexReference } from './codes.js'
import { createInsertedStore } from './inserted.js'
import { eventAt, reachedAt, type StatusEvent } from './lifecycle.js'
import type { DriftKind, RecordModel } from './model.js'
import { formatAmount7 } from './money.js'
import type { ModelOptions } from './partner-gateway.js'
import { AGENT_NAMES, MESSAGE_TEXTS, pickFrom } from './pools.js'
import { createTimeline } from './timeline.js'

/**
 * Every BSG message status (the spec's enum plus `not_rcs_user` from the campaign statistics).
 */
export type BsgStatus =
  | 'scheduled'
  | 'moderation'
  | 'accepted'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'read'
  | 'expired'
  | 'failed'
  | 'undelivered'
  | 'unknown'
  | 'not_service_user'
  | 'not_rcs_user'
  | 'not_viber_user'

/**
 * The design's mapping of BSG statuses to canonical ones.
 *
 * @example
 * import { BSG_CANONICAL } from '@rcs-records/simulator'
 * BSG_CANONICAL.failed // 'rejected'
 */
export const BSG_CANONICAL: Readonly<Record<BsgStatus, CanonicalStatus>> = {
  scheduled: 'pending',
  moderation: 'pending',
  accepted: 'pending',
  sending: 'pending',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'rejected',
  undelivered: 'undeliverable',
  not_service_user: 'undeliverable',
  not_rcs_user: 'undeliverable',
  not_viber_user: 'undeliverable',
  expired: 'expired',
  unknown: 'unknown',
}

/**
 * The status a schema-drift fault puts on the wire (not in BSG's enum: a correct adapter reports `unknown`).
 */
export const BSG_DRIFT_STATUS = 'rerouted'

/**
 * A BSG message type the simulator generates.
 */
export type BsgType = 'rcs' | 'sms' | 'viber'

/**
 * Everything fixed about one BSG message.
 */
export interface BsgFacts {
  index: number
  id: number
  campaignId: number
  referenceId: string | null
  type: BsgType
  source: 'rest' | 'web'
  text: string
  phone: number
  country: string
  validity: number
  sender: string
  parts: number
  createdAt: number
  events: StatusEvent<BsgStatus>[]
  /** The rich content (`rcs_options`) of an RCS message, as JSON text (shared between records). */
  rcsOptionsJson: string | null
  /** The SMS sent as a fallback when this RCS message failed (it exists from the failure on). */
  fallback: { index: number; id: number; parts: number } | null
  /** Price in ten-thousandths of a UAH per part, once billable. */
  unitPrice: number
}

const CAMPAIGN_SIZE = 200
const TYPE_MIX: readonly (readonly [BsgType, number])[] = [
  ['rcs', 91],
  ['sms', 6],
  ['viber', 3],
]
const PAIR_RATE = 0.08

type RcsFate =
  | 'read'
  | 'delivered'
  | 'undelivered'
  | 'not_rcs_user'
  | 'not_service_user'
  | 'failed'
  | 'expired'
  | 'unknown'
  | 'stuck'
  | 'stuck_accepted'
  | 'stuck_sending'
const RCS_FATES: readonly (readonly [RcsFate, number])[] = [
  ['read', 40],
  ['delivered', 27],
  ['undelivered', 4],
  ['not_rcs_user', 6],
  ['not_service_user', 1],
  ['failed', 3],
  ['expired', 4],
  ['unknown', 3],
  ['stuck', 2],
  ['stuck_accepted', 0.5],
  ['stuck_sending', 0.5],
]
const SMS_FATES: readonly (readonly [RcsFate, number])[] = [
  ['delivered', 85],
  ['undelivered', 6],
  ['failed', 3],
  ['expired', 2],
  ['unknown', 2],
  ['stuck', 2],
  ['stuck_sending', 1],
]
const VIBER_FATES: readonly (readonly [RcsFate, number])[] = [
  ['read', 30],
  ['delivered', 30],
  ['not_service_user', 20],
  ['undelivered', 5],
  ['expired', 5],
  ['stuck', 5],
]
const PAIRED_FATES: readonly (readonly [BsgStatus, number])[] = [
  ['not_rcs_user', 70],
  ['undelivered', 15],
  ['expired', 15],
]
const HOUR = 3_600_000
const PRICES: Readonly<Record<BsgType, number>> = { rcs: 3500, sms: 7800, viber: 5200 }
const BILLED_WHEN_DELIVERED: readonly BsgStatus[] = ['delivered', 'read']
const NOT_YET_BILLED: readonly BsgStatus[] = ['scheduled', 'moderation', 'accepted', 'sending', 'failed']

/**
 * The BSG data model.
 */
export interface BsgModel extends RecordModel<BsgFacts, BsgStatus> {
  /** Index range `[lo, hi)` of a campaign's generated messages (empty when unknown). */
  campaignRange(campaignId: number): readonly [number, number]
  campaignOf(index: number): number
  /** The index of the message with this `reference_id`, if it exists. */
  indexOfReference(reference: string): number | null
  /** True for the SMS records sent as fallbacks of the RCS record before them. */
  isFallback(index: number): boolean
}

/**
 * Creates the BSG model for `count` generated messages.
 */
export const createBsgModel = (options: ModelOptions): BsgModel => {
  const { count } = options
  const vendorSeed = deriveSeed(options.seed, 2)
  const idBase = 4_400_000_000 + (hashAt(vendorSeed, 1) % 10_000_000)
  const campaignBase = 58_000_000 + (hashAt(vendorSeed, 2) % 900_000)
  const referenceKey = hashAt(vendorSeed, 3)
  const timeline = createTimeline({
    seed: deriveSeed(vendorSeed, 4),
    count,
    end: options.end,
    span: options.span,
    precisionMs: 1000,
  })
  const inserted = createInsertedStore(count)
  const recordSeed = (index: number): number => deriveSeed(vendorSeed, index + 1000)

  const rolls = (index: number): boolean => unitAt(recordSeed(index), 5) < PAIR_RATE
  const opensPair = (index: number): boolean => index + 1 < count && rolls(index) && (index === 0 || !rolls(index - 1))
  const isFallback = (index: number): boolean => index > 0 && index < count && opensPair(index - 1)
  const createdAt = (index: number): number =>
    index < count ? timeline.createdAt(index) : (inserted.get(index)?.createdAt ?? Number.NaN)
  const typeOf = (index: number): BsgType => {
    if (isFallback(index)) return 'sms'
    if (index >= count || opensPair(index)) return 'rcs'
    return pickWeighted(TYPE_MIX, unitAt(recordSeed(index), 6))
  }
  const campaignOf = (index: number): number => {
    if (index >= count) return campaignBase + Math.floor(Math.max(0, count - 1) / CAMPAIGN_SIZE)
    const owner = isFallback(index) ? index - 1 : index
    return campaignBase + Math.floor(owner / CAMPAIGN_SIZE)
  }
  const sourceOf = (index: number): 'rest' | 'web' => (unitAt(recordSeed(index), 7) < 0.85 ? 'rest' : 'web')
  const referenceOf = (index: number): string | null =>
    !isFallback(index) && sourceOf(index) === 'rest' ? hexReferenceFor(index, referenceKey, recordSeed(index)) : null
  const partsOf = (index: number): number => 1 + (hashAt(recordSeed(index), 40) % 4 === 0 ? 1 : 0)
  const exists = (index: number, at: number): boolean => {
    if (!Number.isInteger(index) || index < 0) return false
    if (index < count) return true
    const entry = inserted.get(index)
    return entry !== undefined && entry.insertedAt <= at
  }

  const lifecycle = (index: number, type: BsgType, created: number): StatusEvent<BsgStatus>[] => {
    const seed = recordSeed(index)
    const events: StatusEvent<BsgStatus>[] = []
    if (opensPair(index)) {
      const failAt = Math.max(created, timeline.createdAt(index + 1))
      const d = failAt - created
      events.push({ at: created, status: 'accepted' }, { at: created + Math.floor(d / 3), status: 'sending' })
      events.push({ at: created + Math.floor((2 * d) / 3), status: 'sent' })
      events.push({ at: failAt, status: pickWeighted(PAIRED_FATES, unitAt(seed, 10)) })
      return events
    }
    let accepted = created
    const pre = type === 'sms' && isFallback(index) ? 1 : unitAt(seed, 11)
    if (pre < 0.02) {
      events.push({ at: created, status: 'moderation' })
      // One in four waits for a manual review that has not happened yet.
      if (pre < 0.005) return events
      accepted += logUniform(60_000, 30 * 60_000, unitAt(seed, 12))
    } else if (pre < 0.045) {
      events.push({ at: created, status: 'scheduled' })
      accepted += logUniform(10 * 60_000, 10 * 24 * HOUR, unitAt(seed, 12))
    }
    events.push({ at: accepted, status: 'accepted' })
    const fate = pickWeighted(type === 'rcs' ? RCS_FATES : type === 'sms' ? SMS_FATES : VIBER_FATES, unitAt(seed, 13))
    if (fate === 'failed') {
      events.push({ at: accepted + logUniform(100, 2_000, unitAt(seed, 14)), status: 'failed' })
      return events
    }
    if (fate === 'stuck_accepted') return events
    const sending = accepted + logUniform(200, 2_000, unitAt(seed, 14))
    if (fate === 'stuck_sending') {
      events.push({ at: sending, status: 'sending' })
      return events
    }
    const sent = sending + logUniform(300, 5_000, unitAt(seed, 15))
    events.push({ at: sending, status: 'sending' }, { at: sent, status: 'sent' })
    const slow = unitAt(seed, 16) < 0.05
    const delivered =
      sent + (slow ? logUniform(HOUR / 2, 12 * HOUR, unitAt(seed, 17)) : logUniform(1_000, 600_000, unitAt(seed, 17)))
    switch (fate) {
      case 'read':
        events.push({ at: delivered, status: 'delivered' })
        events.push({ at: delivered + logUniform(10_000, 6 * HOUR, unitAt(seed, 18)), status: 'read' })
        break
      case 'delivered':
        events.push({ at: delivered, status: 'delivered' })
        break
      case 'undelivered':
        events.push({ at: sent + logUniform(60_000, 6 * HOUR, unitAt(seed, 18)), status: 'undelivered' })
        break
      case 'not_rcs_user':
      case 'not_service_user':
        events.push({
          at: sent + logUniform(300, 5_000, unitAt(seed, 18)),
          status: type === 'viber' && fate === 'not_service_user' ? 'not_viber_user' : fate,
        })
        break
      case 'expired':
        events.push({ at: accepted + validityOf(seed) * HOUR, status: 'expired' })
        break
      case 'unknown':
        events.push({ at: sent + logUniform(HOUR, 12 * HOUR, unitAt(seed, 18)), status: 'unknown' })
        break
      default:
        break
    }
    return events
  }

  const facts = (index: number): BsgFacts => {
    const seed = recordSeed(index)
    const type = typeOf(index)
    const fallback = isFallback(index)
    const contactSeed = fallback ? recordSeed(index - 1) : seed
    const [phone, country] = phoneOf(contactSeed)
    const textIndex = hashAt(contactSeed, 42) % MESSAGE_TEXTS.length
    const text = MESSAGE_TEXTS[textIndex] as string
    const created = createdAt(index)
    return {
      index,
      id: idBase + index,
      campaignId: campaignOf(index),
      referenceId: referenceOf(index),
      type,
      source: fallback ? 'rest' : sourceOf(index),
      text,
      phone,
      country,
      validity: validityOf(seed),
      sender: pickFrom(AGENT_NAMES, hashAt(contactSeed, 41)),
      parts: type === 'sms' ? partsOf(index) : 1,
      createdAt: created,
      events: lifecycle(index, type, created),
      rcsOptionsJson: type === 'rcs' ? rcsOptionsOf(seed, textIndex) : null,
      fallback: opensPair(index) ? { index: index + 1, id: idBase + index + 1, parts: partsOf(index + 1) } : null,
      unitPrice: PRICES[type],
    }
  }

  return {
    vendor: 'bsg',
    timeline,
    inserted,
    createdAt,
    exists,
    facts,
    idOf: (index) => String(idBase + index),
    indexOf: (id) => {
      if (!/^\d{1,15}$/.test(id)) return null
      const index = Number(id) - idBase
      return index >= 0 && index < inserted.nextIndex ? index : null
    },
    channelOf: (index): CanonicalChannel => typeOf(index),
    eventAt: (f, at) => eventAt(f.events, at),
    canonical: (native) => BSG_CANONICAL[native] ?? 'unknown',
    insert: (created, insertedAt) => inserted.add({ createdAt: created, insertedAt }),
    campaignOf,
    campaignRange: (campaignId) => {
      const c = campaignId - campaignBase
      if (!Number.isInteger(c) || c < 0 || c * CAMPAIGN_SIZE >= count) return [0, 0]
      const start = c * CAMPAIGN_SIZE
      const end = Math.min(count, (c + 1) * CAMPAIGN_SIZE)
      return [start + (isFallback(start) ? 1 : 0), end + (end < count && isFallback(end) ? 1 : 0)]
    },
    indexOfReference: (reference) => {
      const index = indexFromHexReference(reference, referenceKey)
      return index !== null && index < inserted.nextIndex && referenceOf(index) === reference ? index : null
    },
    isFallback,
  }
}

const validityOf = (seed: number): number => {
  const u = unitAt(seed, 8)
  if (u < 0.8) return 72
  if (u < 0.9) return 24
  if (u < 0.95) return 48
  return 1 + (hashAt(seed, 9) % 72)
}

const UA_PREFIXES = [50, 63, 66, 67, 68, 73, 93, 97, 98, 99]

/** Phone as a number (BSG sends digits without '+'), computed without strings. */
const phoneOf = (seed: number): readonly [number, string] => {
  const a = hashAt(seed, 20)
  const b = hashAt(seed, 21)
  const country = a % 10
  if (country < 8) return [380_000_000_000 + (UA_PREFIXES[b % 10] as number) * 10_000_000 + digitsValue(a, b, 7), 'UA']
  if (country === 8) return [48_000_000_000 + (5 + (b % 4)) * 100_000_000 + digitsValue(a, b, 8), 'PL']
  return [77_000_000_000 + (digitsValue(a, b, 9) % 100_000_000), 'KZ']
}

const rcsOptionsCache = new Map<number, string>()

/** `rcs_options` as JSON text, shared by every message with the same text and card. */
const rcsOptionsOf = (seed: number, textIndex: number): string => {
  const media = unitAt(seed, 43) < 0.7 ? -1 : hashAt(seed, 44) % 1000
  const key = textIndex * 1001 + media + 1
  let json = rcsOptionsCache.get(key)
  if (json === undefined) {
    const text = MESSAGE_TEXTS[textIndex]
    json = JSON.stringify(
      media < 0
        ? { text }
        : {
            cards: [
              {
                text,
                media: { url: `https://cdn.example.com/rcs/${media}.jpg` },
                suggestions: [{ text: 'Open', url: 'https://example.com/offer' }],
              },
            ],
          },
    )
    rcsOptionsCache.set(key, json)
  }
  return json
}

/**
 * How a BSG message is shaped on the wire.
 */
export interface BsgView {
  /** Zone of `created_at`, `sent_at`, `delivered_at`. */
  timeZone: string
  drift?: ReadonlySet<DriftKind>
}

/** Fields no documented schema has, added by the `extra-fields` drift. */
const BSG_EXTRA_FIELDS = { operator: 'Kyivstar', dlr_code: '000', meta: { route: 'rcs-hub-2', retries: 0 } } as const

/**
 * A `MessageApiSchema` object as `GET /api/messages` returns it, at instant `at`.
 */
export const bsgPayload = (facts: BsgFacts, at: number, view: BsgView): Record<string, unknown> => {
  const event = eventAt(facts.events, at)
  const drift = view.drift
  const status = drift?.has('unknown-status') ? BSG_DRIFT_STATUS : event.status
  const phone = drift?.has('phone-as-string') ? String(facts.phone) : facts.phone
  const createdAt = formatLocal(facts.createdAt, view.timeZone)
  if (drift?.has('missing-optional')) {
    const bare = { id: facts.id, campaign_id: facts.campaignId, type: facts.type, phone, status, created_at: createdAt }
    return drift.has('extra-fields') ? { ...bare, ...BSG_EXTRA_FIELDS } : bare
  }
  const sentAt = reachedAt(facts.events, ['sent'], at)
  const deliveredAt = reachedAt(facts.events, BILLED_WHEN_DELIVERED, at)
  const billed =
    facts.type === 'sms'
      ? !NOT_YET_BILLED.includes(event.status)
      : event.status === 'delivered' || event.status === 'read'
  const payload: Record<string, unknown> = {
    id: facts.id,
    campaign_id: facts.campaignId,
    reference_id: facts.referenceId,
    type: facts.type,
    source: facts.source,
    text: facts.text,
    phone,
    validity: facts.validity,
    status,
    amount: { value: formatAmount7(billed ? facts.unitPrice * facts.parts : 0), currency: 'UAH' },
    sender: facts.sender,
    created_at: createdAt,
    sent_at: sentAt === null ? null : formatLocal(sentAt, view.timeZone),
    delivered_at: deliveredAt === null ? null : formatLocal(deliveredAt, view.timeZone),
    country: facts.country,
    parts: facts.parts,
  }
  if (facts.rcsOptionsJson !== null) payload.rcs_options = JSON.parse(facts.rcsOptionsJson)
  const fallback = facts.fallback
  payload.alternative_channels =
    fallback !== null && event === facts.events[facts.events.length - 1]
      ? { sms: { parts: fallback.parts, id: [fallback.id] } }
      : null
  return drift?.has('extra-fields') ? { ...payload, ...BSG_EXTRA_FIELDS } : payload
}

const jsonTexts = new Map<string, string>()
const jsonText = (text: string): string => {
  let json = jsonTexts.get(text)
  if (json === undefined) {
    json = JSON.stringify(text)
    if (jsonTexts.size > 10_000) jsonTexts.clear()
    jsonTexts.set(text, json)
  }
  return json
}

/**
 * The JSON text of {@link bsgPayload}, built directly (the hot path of `/api/messages` pages); identical to
 * `JSON.stringify(bsgPayload(facts, at, view))`.
 */
export const bsgJson = (facts: BsgFacts, at: number, view: BsgView): string => {
  if (view.drift !== undefined && view.drift.size > 0) return JSON.stringify(bsgPayload(facts, at, view))
  const events = facts.events
  const event = eventAt(events, at)
  const zone = view.timeZone
  const sentAt = reachedAt(events, ['sent'], at)
  const deliveredAt = reachedAt(events, BILLED_WHEN_DELIVERED, at)
  const billed =
    facts.type === 'sms'
      ? !NOT_YET_BILLED.includes(event.status)
      : event.status === 'delivered' || event.status === 'read'
  const fallback = facts.fallback
  const alternative =
    fallback !== null && event === events[events.length - 1]
      ? `{"sms":{"parts":${fallback.parts},"id":[${fallback.id}]}}`
      : 'null'
  return `{"id":${facts.id},"campaign_id":${facts.campaignId},"reference_id":${facts.referenceId === null ? 'null' : `"${facts.referenceId}"`},"type":"${facts.type}","source":"${facts.source}","text":${jsonText(facts.text)},"phone":${facts.phone},"validity":${facts.validity},"status":"${event.status}","amount":{"value":"${formatAmount7(billed ? facts.unitPrice * facts.parts : 0)}","currency":"UAH"},"sender":${jsonText(facts.sender)},"created_at":"${formatLocal(facts.createdAt, zone)}","sent_at":${sentAt === null ? 'null' : `"${formatLocal(sentAt, zone)}"`},"delivered_at":${deliveredAt === null ? 'null' : `"${formatLocal(deliveredAt, zone)}"`},"country":"${facts.country}","parts":${facts.parts}${facts.rcsOptionsJson === null ? '' : `,"rcs_options":${facts.rcsOptionsJson}`},"alternative_channels":${alternative}}`
}

import { deriveSeed, hashAt, logUniform, pickWeighted, unitAt } from '../prng.js'
import { formatIsoMillis } from '../time/zone.js'
import type { CanonicalStatus } from '../vendors.js'
import { digitsFrom } from './codes.js'
import { createInsertedStore } from './inserted.js'
import { eventAt, type StatusEvent } from './lifecycle.js'
import type { DriftKind, RecordModel } from './model.js'
import type { ModelOptions } from './partner-gateway.js'
import { MESSAGE_TEXTS, pickFrom } from './pools.js'
import { createTimeline } from './timeline.js'

/**
 * `/j/rcs_records` states: 0 sent, 1 delivered, 2 failed, 3 rejected, 4 read.
 */
export type SpacivoxState = 0 | 1 | 2 | 3 | 4

/**
 * The design's mapping of `/j/rcs_records` states to canonical ones.
 *
 * @example
 * import { SPACIVOX_CANONICAL } from '@rcs-records/simulator'
 * SPACIVOX_CANONICAL[2] // 'undeliverable'
 */
export const SPACIVOX_CANONICAL: Readonly<Record<SpacivoxState, CanonicalStatus>> = {
  0: 'sent',
  1: 'delivered',
  2: 'undeliverable',
  3: 'rejected',
  4: 'read',
}

/**
 * The state a schema-drift fault puts on the wire (undocumented: a correct adapter reports `unknown`).
 */
export const SPACIVOX_DRIFT_STATE = 7

/**
 * Everything fixed about one `/j/rcs_records` record.
 */
export interface SpacivoxFacts {
  index: number
  id: number
  campaign: number
  job: number
  number: string
  reference: string
  team: number
  portal: number | null
  createdAt: number
  events: StatusEvent<SpacivoxState>[]
  content: Record<string, unknown>
}

const CAMPAIGN_SIZE = 250
const HOUR = 3_600_000
type Fate = 'read' | 'delivered' | 'failed' | 'rejected' | 'stuck'
const FATES: readonly (readonly [Fate, number])[] = [
  ['read', 35],
  ['delivered', 33],
  ['failed', 12],
  ['rejected', 6],
  ['stuck', 14],
]
const TEAMS: readonly (readonly [number, number])[] = [
  [1, 60],
  [2, 30],
  [3, 10],
]

/**
 * The `/j/rcs_records` data model.
 */
export interface SpacivoxModel extends RecordModel<SpacivoxFacts, SpacivoxState> {
  teamOf(index: number): number
  /** When the record last changed at or before `at` (what `modified_since` compares). */
  lastChangeAt(facts: SpacivoxFacts, at: number): number
}

/**
 * Creates the `/j/rcs_records` model for `count` generated records.
 */
export const createSpacivoxModel = (options: ModelOptions): SpacivoxModel => {
  const { count } = options
  const vendorSeed = deriveSeed(options.seed, 3)
  const idBase = 1_000_000 + (hashAt(vendorSeed, 1) % 9_000_000)
  const jobBase = 20_000_000 + (hashAt(vendorSeed, 2) % 9_000_000)
  const campaignBase = 100 + (hashAt(vendorSeed, 3) % 5_000)
  const timeline = createTimeline({
    seed: deriveSeed(vendorSeed, 4),
    count,
    end: options.end,
    span: options.span,
    precisionMs: 1,
  })
  const inserted = createInsertedStore(count)
  const recordSeed = (index: number): number => deriveSeed(vendorSeed, index + 1000)
  const campaignIndex = (index: number): number => Math.floor(Math.min(index, Math.max(0, count - 1)) / CAMPAIGN_SIZE)
  const teamOf = (index: number): number => pickWeighted(TEAMS, unitAt(deriveSeed(vendorSeed, 5), campaignIndex(index)))
  const createdAt = (index: number): number =>
    index < count ? timeline.createdAt(index) : (inserted.get(index)?.createdAt ?? Number.NaN)

  const lifecycle = (seed: number, created: number): StatusEvent<SpacivoxState>[] => {
    const fate = pickWeighted(FATES, unitAt(seed, 10))
    if (fate === 'rejected') return [{ at: created, status: 3 }]
    const events: StatusEvent<SpacivoxState>[] = [{ at: created, status: 0 }]
    const slow = unitAt(seed, 11) < 0.05
    const delivered =
      created +
      (slow ? logUniform(HOUR / 2, 12 * HOUR, unitAt(seed, 12)) : logUniform(1_000, 600_000, unitAt(seed, 12)))
    if (fate === 'failed') events.push({ at: created + logUniform(2_000, 2 * HOUR, unitAt(seed, 13)), status: 2 })
    if (fate === 'delivered' || fate === 'read') events.push({ at: delivered, status: 1 })
    if (fate === 'read') events.push({ at: delivered + logUniform(10_000, 8 * HOUR, unitAt(seed, 14)), status: 4 })
    return events
  }

  return {
    vendor: 'spacivox',
    timeline,
    inserted,
    createdAt,
    teamOf,
    exists: (index, at) => {
      if (!Number.isInteger(index) || index < 0) return false
      if (index < count) return true
      const entry = inserted.get(index)
      return entry !== undefined && entry.insertedAt <= at
    },
    idOf: (index) => String(idBase + index),
    indexOf: (id) => {
      if (!/^\d{1,15}$/.test(id)) return null
      const index = Number(id) - idBase
      return index >= 0 && index < inserted.nextIndex ? index : null
    },
    channelOf: () => 'rcs',
    facts: (index) => {
      const seed = recordSeed(index)
      const c = campaignIndex(index)
      const a = hashAt(seed, 20)
      const b = hashAt(seed, 21)
      const created = createdAt(index)
      return {
        index,
        id: idBase + index,
        campaign: campaignBase + c,
        job: jobBase + index,
        number: a % 10 < 8 ? `+33${a % 2 === 0 ? 6 : 7}${digitsFrom(a, b, 8)}` : `+324${digitsFrom(a, b, 8)}`,
        reference: String(100_000 + ((index * 7919 + (hashAt(vendorSeed, 6) % 900_000)) % 900_000)),
        team: teamOf(index),
        portal: unitAt(seed, 22) < 0.8 ? null : 1 + (hashAt(seed, 23) % 4),
        createdAt: created,
        events: lifecycle(seed, created),
        content: { type: 'text', text: pickFrom(MESSAGE_TEXTS, hashAt(seed, 42)) },
      }
    },
    eventAt: (facts, at) => eventAt(facts.events, at),
    lastChangeAt: (facts, at) => eventAt(facts.events, at).at,
    canonical: (native) => SPACIVOX_CANONICAL[native] ?? 'unknown',
    insert: (created, insertedAt) => inserted.add({ createdAt: created, insertedAt }),
  }
}

/**
 * How a `/j/rcs_records` record is shaped on the wire.
 */
export interface SpacivoxView {
  /** `include=content_message`. */
  includeContent?: boolean
  drift?: ReadonlySet<DriftKind>
}

/**
 * One `/j/rcs_records` record (keys in the order of the vendor's example) at instant `at`.
 */
export const spacivoxPayload = (facts: SpacivoxFacts, at: number, view: SpacivoxView = {}): Record<string, unknown> => {
  const drift = view.drift
  const state = drift?.has('unknown-status') ? SPACIVOX_DRIFT_STATE : eventAt(facts.events, at).status
  const payload: Record<string, unknown> = drift?.has('missing-optional')
    ? { campaign: facts.campaign, id: facts.id, job: facts.job, number: facts.number, state, team: facts.team }
    : {
        campaign: facts.campaign,
        id: facts.id,
        job: facts.job,
        number: facts.number,
        portal: facts.portal,
        reference: facts.reference,
        state,
        team: facts.team,
      }
  payload.timestamp = formatIsoMillis(facts.createdAt)
  if (view.includeContent) payload.content_message = facts.content
  if (drift?.has('extra-fields')) {
    payload.channel = 'rcs'
    payload.operator = { name: 'Orange', mcc: '208', mnc: '01' }
  }
  return payload
}

const contentJson = new Map<string, string>()

/**
 * The JSON text of {@link spacivoxPayload}, built directly (the hot path of unpaginated answers); identical to
 * `JSON.stringify(spacivoxPayload(facts, at, view))`.
 */
export const spacivoxJson = (facts: SpacivoxFacts, at: number, view: SpacivoxView = {}): string => {
  if (view.drift !== undefined && view.drift.size > 0) return JSON.stringify(spacivoxPayload(facts, at, view))
  const state = eventAt(facts.events, at).status
  const head = `{"campaign":${facts.campaign},"id":${facts.id},"job":${facts.job},"number":"${facts.number}","portal":${facts.portal === null ? 'null' : facts.portal},"reference":"${facts.reference}","state":${state},"team":${facts.team},"timestamp":"${formatIsoMillis(facts.createdAt)}"`
  if (!view.includeContent) return `${head}}`
  const key = String(facts.content.text)
  let content = contentJson.get(key)
  if (content === undefined) {
    content = JSON.stringify(facts.content)
    contentJson.set(key, content)
  }
  return `${head},"content_message":${content}}`
}

import { BSG_DRIFT_STATUS, bsgPayload } from './data/bsg.js'
import type { RecordModel } from './data/model.js'
import { PARTNER_GATEWAY_DRIFT_STATUS, partnerGatewayPayload } from './data/partner-gateway.js'
import { SPACIVOX_DRIFT_STATE, spacivoxPayload } from './data/spacivox.js'
import { driftSelects } from './faults/controller.js'
import type { RouteName } from './faults/types.js'
import type { SimulatorState } from './state.js'
import type { CanonicalChannel, CanonicalStatus, Vendor } from './vendors.js'

/**
 * Which records the ground truth describes. Windows are half-open, `[from, to)`, on the creation instant (the
 * record's `createdAt`); an adapter turning a `ListQuery` into a vendor's inclusive filters must do the same.
 *
 * @example
 * import type { TruthQuery } from '@rcs-records/simulator'
 * const lastDay: TruthQuery = { from: Date.now() - 86_400_000, to: Date.now(), channel: 'rcs' }
 */
export interface TruthQuery {
  /** Default: the start of the generated window. */
  from?: Date | string | number
  /** Default: no upper bound (everything created up to `at`). */
  to?: Date | string | number
  /** The instant statuses are read at. Default: the simulator clock's now. */
  at?: Date | string | number
  /** Only records of this channel (partner-gateway: rcs/sms/whatsapp; BSG: rcs/sms/viber; spacivox: rcs). */
  channel?: CanonicalChannel
  /** spacivox: only this team. */
  team?: number
  /** Only records whose last status change is after this instant (spacivox's `modified_since`). */
  modifiedSince?: Date | string | number
  /** Include records inserted while running (default true). */
  includeInserted?: boolean
}

/**
 * One record as the ground truth sees it.
 *
 * @example
 * import type { TruthRecord } from '@rcs-records/simulator'
 * const isFinalSuccess = (r: TruthRecord) => r.status === 'delivered' || r.status === 'read'
 */
export interface TruthRecord {
  vendor: Vendor
  /** The simulator's internal index (stable for a seed). */
  index: number
  /** The id exactly as an adapter reports it (a string). */
  id: string
  channel: CanonicalChannel
  /** The canonical status a correct adapter reports at the query's instant. */
  status: CanonicalStatus
  /** The native status on the wire at that instant. */
  vendorStatus: string | number
  /** ISO-8601 UTC with milliseconds. */
  createdAt: string
  /** When the native status last changed (ISO-8601 UTC). */
  updatedAt: string
  /** True for records inserted while running. */
  inserted: boolean
  /** True when an always-on `unknown-status` drift rule rewrites this record's status on the wire. */
  drifted: boolean
}

/**
 * Ground truth: what the server holds and what a correct client must report.
 *
 * @example
 * import { strict as assert } from 'node:assert'
 * import type { RcsRecord } from '@rcs-records/core'
 * import type { Simulator } from '@rcs-records/simulator'
 * declare const sim: Simulator
 * declare const records: RcsRecord[] // what a client listed over [from, to)
 * const { from, to } = sim.truth.window('bsg')
 * const expected = sim.truth.expected('bsg', { from, to })
 * assert.deepEqual(new Map(records.map((r) => [r.id, r.status])), expected)
 */
export interface Truth {
  /** The records of a window, oldest first (generated, then inserted). */
  records(vendor: Vendor, query?: TruthQuery): IterableIterator<TruthRecord>
  /** id → expected canonical status; `.size` is the count. */
  expected(vendor: Vendor, query?: TruthQuery): Map<string, CanonicalStatus>
  /** Number of records in a window (arithmetic unless a status-dependent or team filter applies). */
  count(vendor: Vendor, query?: TruthQuery): number
  /** Ids of a window, oldest first. */
  ids(vendor: Vendor, query?: TruthQuery): string[]
  /** One record by id, if it exists at `at`. */
  record(vendor: Vendor, id: string, at?: Date | string | number): TruthRecord | undefined
  /** The docs-shaped vendor payload of one record at `at` (no drift), if it exists. */
  payload(vendor: Vendor, id: string, at?: Date | string | number): Record<string, unknown> | undefined
  /** Ids of the records inserted while running, in insertion order. */
  inserted(vendor: Vendor): string[]
  /** The generated creation window of a vendor. */
  window(vendor: Vendor): { from: string; to: string; count: number }
}

const LIST_ROUTE: Readonly<Record<Vendor, RouteName>> = {
  'partner-gateway': 'history',
  bsg: 'messages',
  spacivox: 'records',
}
const DRIFT_VALUE: Readonly<Record<Vendor, string | number>> = {
  'partner-gateway': PARTNER_GATEWAY_DRIFT_STATUS,
  bsg: BSG_DRIFT_STATUS,
  spacivox: SPACIVOX_DRIFT_STATE,
}

const instant = (value: Date | string | number | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime()
  if (Number.isNaN(ms)) throw new RangeError(`truth: ${name} is not a valid instant: ${String(value)}`)
  return ms
}

type AnyModel = RecordModel<{ events: { at: number }[] }, string | number>

/**
 * Creates the ground truth of a simulator.
 */
export const createTruth = (state: SimulatorState): Truth => {
  const modelOf = (vendor: Vendor): AnyModel => state.models[vendor] as unknown as AnyModel
  const driftRules = (vendor: Vendor) => state.faults.alwaysOnDrift(vendor, LIST_ROUTE[vendor])

  const build = (vendor: Vendor, index: number, at: number): TruthRecord => {
    const model = modelOf(vendor)
    const facts = model.facts(index)
    const event = model.eventAt(facts, at)
    const drifted = driftRules(vendor).some((rule) => driftSelects(state.options.seed, rule, index))
    return {
      vendor,
      index,
      id: model.idOf(index),
      channel: model.channelOf(index),
      status: drifted ? 'unknown' : model.canonical(event.status),
      vendorStatus: drifted ? DRIFT_VALUE[vendor] : event.status,
      createdAt: new Date(model.createdAt(index)).toISOString(),
      updatedAt: new Date(event.at).toISOString(),
      inserted: index >= model.timeline.count,
      drifted,
    }
  }

  const bounds = (vendor: Vendor, query: TruthQuery) => {
    const model = modelOf(vendor)
    const at = instant(query.at, state.clock.now(), 'at')
    const from = instant(query.from, model.timeline.start, 'from')
    const to = Math.min(instant(query.to, Number.POSITIVE_INFINITY, 'to'), at + 1)
    const modifiedSince = query.modifiedSince === undefined ? null : instant(query.modifiedSince, 0, 'modifiedSince')
    return { model, at, from, to, modifiedSince }
  }

  const extrasOf = (vendor: Vendor, query: TruthQuery, from: number, to: number, at: number): number[] =>
    query.includeInserted === false
      ? []
      : modelOf(vendor)
          .inserted.all()
          .filter((e) => e.insertedAt <= at && e.createdAt >= from && e.createdAt < to)
          .map((e) => e.index)

  function* records(vendor: Vendor, query: TruthQuery = {}): IterableIterator<TruthRecord> {
    const { model, at, from, to, modifiedSince } = bounds(vendor, query)
    const [lo, hi] = from < to ? model.timeline.rangeOf(from, to) : [0, 0]
    const extras = from < to ? extrasOf(vendor, query, from, to, at) : []
    const keep = (index: number): boolean => {
      if (query.channel !== undefined && model.channelOf(index) !== query.channel) return false
      if (query.team !== undefined && (vendor !== 'spacivox' || state.models.spacivox.teamOf(index) !== query.team)) {
        return false
      }
      return true
    }
    for (const index of iterate(lo, hi, extras)) {
      if (!keep(index)) continue
      const record = build(vendor, index, at)
      if (modifiedSince !== null && !(Date.parse(record.updatedAt) > modifiedSince)) continue
      yield record
    }
  }

  const count = (vendor: Vendor, query: TruthQuery = {}): number => {
    if (
      query.team !== undefined ||
      query.modifiedSince !== undefined ||
      (query.channel !== undefined && vendor !== 'partner-gateway')
    ) {
      let n = 0
      for (const _ of records(vendor, query)) n++
      return n
    }
    const { model, at, from, to } = bounds(vendor, query)
    if (!(from < to)) return 0
    const [lo, hi] = model.timeline.rangeOf(from, to)
    const extras = extrasOf(vendor, query, from, to, at)
    if (query.channel === undefined) return hi - lo + extras.length
    const blocks = state.models['partner-gateway'].blocks
    const wire =
      query.channel === 'rcs'
        ? 'RCS'
        : query.channel === 'sms'
          ? 'SMS'
          : query.channel === 'whatsapp'
            ? 'WHATSAPP'
            : null
    if (wire === null) return 0
    return blocks.count(wire, lo, hi) + extras.filter((i) => blocks.channelOf(i) === wire).length
  }

  const find = (vendor: Vendor, id: string, at: number): number | null => {
    const model = modelOf(vendor)
    const index = model.indexOf(id)
    return index !== null && model.exists(index, at) && model.createdAt(index) <= at ? index : null
  }

  return {
    records,
    expected: (vendor, query) => {
      const map = new Map<string, CanonicalStatus>()
      for (const record of records(vendor, query)) map.set(record.id, record.status)
      return map
    },
    count,
    ids: (vendor, query) => Array.from(records(vendor, query), (r) => r.id),
    record: (vendor, id, at) => {
      const when = instant(at, state.clock.now(), 'at')
      const index = find(vendor, id, when)
      return index === null ? undefined : build(vendor, index, when)
    },
    payload: (vendor, id, at) => {
      const when = instant(at, state.clock.now(), 'at')
      const index = find(vendor, id, when)
      if (index === null) return undefined
      if (vendor === 'partner-gateway') return partnerGatewayPayload(state.models[vendor].facts(index), when)
      if (vendor === 'bsg') return bsgPayload(state.models.bsg.facts(index), when, { timeZone: state.options.timeZone })
      return spacivoxPayload(state.models.spacivox.facts(index), when)
    },
    inserted: (vendor) =>
      modelOf(vendor)
        .inserted.all()
        .map((e) => modelOf(vendor).idOf(e.index)),
    window: (vendor) => {
      const { timeline } = modelOf(vendor)
      return {
        from: new Date(timeline.start).toISOString(),
        to: new Date(timeline.end).toISOString(),
        count: timeline.count,
      }
    },
  }
}

function* iterate(lo: number, hi: number, extras: readonly number[]): Generator<number> {
  for (let i = lo; i < hi; i++) yield i
  yield* extras
}

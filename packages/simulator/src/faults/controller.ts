import type { DriftKind } from '../data/model.js'
import { deriveSeed, unitAt } from '../prng.js'
import type { Vendor } from '../vendors.js'
import type { FaultKind, FaultSpec, FaultState, RouteName } from './types.js'

/**
 * The fault rules of a running simulator, changeable at any time (e.g. switch a reset on after the first page).
 *
 * @example
 * import type { Simulator } from '@rcs-records/simulator'
 * declare const sim: Simulator
 * const off = sim.faults.add('bsg', { kind: 'error', status: 503, on: [1, 2] })
 * // … run the client …
 * off()
 */
export interface FaultController {
  /** Adds a rule and returns a function that removes it. */
  add(vendor: Vendor, spec: FaultSpec): () => void
  /** Removes every rule (of one vendor, or all). */
  clear(vendor?: Vendor): void
  /** The rules with their counters. */
  list(): readonly FaultState[]
}

/**
 * A fault that fired for one request.
 */
export interface FiredFault {
  state: FaultState
  spec: FaultSpec
}

/**
 * The per-record drift of one response.
 */
export interface DriftPlan {
  /** Drift kinds that apply to record `index` (undefined: none). */
  forRecord(index: number): ReadonlySet<DriftKind> | undefined
  /** True when the whole response is reshaped (partner-gateway's wrapped history). */
  wrapped: boolean
}

const DEFAULT_ROUTES: Partial<Record<FaultKind, Readonly<Record<Vendor, readonly RouteName[]>>>> = {
  insert: { 'partner-gateway': ['history'], bsg: ['messages'], spacivox: ['records'] },
  'token-expiry': { 'partner-gateway': [], bsg: ['messages'], spacivox: [] },
}

const driftKindsOf = (spec: FaultSpec): readonly DriftKind[] =>
  spec.drift === undefined ? ['unknown-status'] : typeof spec.drift === 'string' ? [spec.drift] : spec.drift

/**
 * The seed stream that picks which records a drift rule affects.
 */
export const driftSelects = (seed: number, state: Pick<FaultState, 'id' | 'spec'>, index: number): boolean => {
  const share = state.spec.records ?? 1
  return share >= 1 || unitAt(deriveSeed(seed, 9_000 + state.id), index) < share
}

/**
 * True when a rule hits every matching request (no `on`/`every`/`rate`/`after`/`times`): its effect on data is
 * then certain, and the ground truth reflects it.
 */
export const isAlwaysOn = (spec: FaultSpec): boolean =>
  spec.on === undefined &&
  spec.every === undefined &&
  spec.rate === undefined &&
  (spec.after ?? 0) === 0 &&
  spec.times === undefined

/**
 * The simulator's side of the fault rules: selection per request and the drift plan of a response.
 */
export interface FaultRegistry {
  controller: FaultController
  /** Fires the rules that hit this request (and counts it for every rule of the route). */
  select(vendor: Vendor, route: RouteName): FiredFault[]
  /** The drift of one response from the fired drift rules. */
  driftPlan(fired: readonly FiredFault[]): DriftPlan | undefined
  /** Always-on drift rules of a vendor that reach its listing route (for the ground truth). */
  alwaysOnDrift(vendor: Vendor, route: RouteName): readonly FaultState[]
}

const validate = (spec: FaultSpec): void => {
  const bad = (message: string): never => {
    throw new RangeError(`invalid fault ${JSON.stringify(spec)}: ${message}`)
  }
  if (spec.rate !== undefined && !(spec.rate >= 0 && spec.rate <= 1)) bad('rate must be within [0, 1]')
  if (spec.every !== undefined && !(Number.isInteger(spec.every) && spec.every >= 1)) bad('every must be >= 1')
  if (spec.records !== undefined && !(spec.records >= 0 && spec.records <= 1)) bad('records must be within [0, 1]')
  if (spec.count !== undefined && !(Number.isInteger(spec.count) && spec.count >= 1)) bad('count must be >= 1')
}

/**
 * Creates the fault registry of one simulator.
 */
export const createFaultRegistry = (seed: number): FaultRegistry => {
  let states: FaultState[] = []
  let nextId = 0
  const routesOf = (state: FaultState): readonly RouteName[] | undefined =>
    state.spec.routes ?? DEFAULT_ROUTES[state.spec.kind]?.[state.vendor]
  const appliesTo = (state: FaultState, vendor: Vendor, route: RouteName): boolean => {
    if (state.vendor !== vendor) return false
    const routes = routesOf(state)
    return routes === undefined || routes.includes(route)
  }
  const fires = (state: FaultState): boolean => {
    const { spec } = state
    const n = state.matched
    if (n <= (spec.after ?? 0)) return false
    if (spec.times !== undefined && state.injected >= spec.times) return false
    if (spec.on !== undefined) return typeof spec.on === 'number' ? spec.on === n : spec.on.includes(n)
    if (spec.every !== undefined) return n % spec.every === 0
    if (spec.rate !== undefined) return unitAt(deriveSeed(seed, 8_000 + state.id), n) < spec.rate
    return true
  }
  const controller: FaultController = {
    add: (vendor, spec) => {
      validate(spec)
      const state: FaultState = { id: nextId++, vendor, spec, matched: 0, injected: 0 }
      states = [...states, state]
      return () => {
        states = states.filter((s) => s !== state)
      }
    },
    clear: (vendor) => {
      states = vendor === undefined ? [] : states.filter((s) => s.vendor !== vendor)
    },
    list: () => states,
  }
  return {
    controller,
    select: (vendor, route) => {
      const fired: FiredFault[] = []
      for (const state of states) {
        if (!appliesTo(state, vendor, route)) continue
        state.matched++
        if (fires(state)) {
          state.injected++
          fired.push({ state, spec: state.spec })
        }
      }
      return fired
    },
    driftPlan: (fired) => {
      const drifts = fired.filter((f) => f.spec.kind === 'drift')
      if (drifts.length === 0) return undefined
      const wrapped = drifts.some((f) => driftKindsOf(f.spec).includes('wrapped-history'))
      return {
        wrapped,
        forRecord: (index) => {
          let kinds: Set<DriftKind> | undefined
          for (const f of drifts) {
            if (!driftSelects(seed, f.state, index)) continue
            kinds ??= new Set()
            for (const kind of driftKindsOf(f.spec)) kinds.add(kind)
          }
          return kinds
        },
      }
    },
    alwaysOnDrift: (vendor, route) =>
      states.filter(
        (s) =>
          s.spec.kind === 'drift' &&
          isAlwaysOn(s.spec) &&
          appliesTo(s, vendor, route) &&
          driftKindsOf(s.spec).includes('unknown-status'),
      ),
  }
}

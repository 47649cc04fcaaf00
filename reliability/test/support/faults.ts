import type { DriftKind, FaultSpec, Vendor } from '@rcs-records/simulator'
import { LIST_ROUTE } from './vendors.js'

/** Schema drift that changes a record's shape but not its id or status (what a correct adapter still reads). */
const HARMLESS_DRIFT: Readonly<Record<Vendor, readonly DriftKind[]>> = {
  'partner-gateway': ['italian-fields', 'extra-fields'],
  bsg: ['missing-optional', 'extra-fields', 'phone-as-string'],
  spacivox: ['missing-optional', 'extra-fields'],
}

/**
 * About 10% of a vendor's listing responses faulted, seeded (the same run hits the same requests): 429s with a
 * retry hint of one second (the client caps it), 500/502/503s, connection resets, truncated and malformed 200
 * bodies, slow answers, and a few hangs past the client timeout — plus one certain hit of each failing kind, and
 * harmless schema drift on 3% of responses.
 */
export const faultMix = (vendor: Vendor): FaultSpec[] => {
  const routes = [LIST_ROUTE[vendor]]
  return [
    { kind: 'rate-limit', rate: 0.025, retryAfterSeconds: 1, routes },
    { kind: 'error', status: 500, rate: 0.015, routes },
    { kind: 'error', status: 502, rate: 0.01, routes },
    { kind: 'error', status: 503, rate: 0.015, routes },
    { kind: 'reset', rate: 0.01, routes },
    { kind: 'truncated', rate: 0.01, routes },
    { kind: 'malformed', rate: 0.005, routes },
    { kind: 'latency', delayMs: 150, rate: 0.01, routes },
    { kind: 'hang', rate: 0.01, times: 3, routes },
    { kind: 'drift', drift: HARMLESS_DRIFT[vendor], rate: 0.03, routes },
    // One certain hit of each failing kind, so a short listing cannot dodge any of them.
    { kind: 'rate-limit', on: 3, retryAfterSeconds: 1, routes },
    { kind: 'error', status: 500, on: 7, routes },
    { kind: 'reset', on: 11, routes },
    { kind: 'truncated', on: 15, routes },
    { kind: 'malformed', on: 19, routes },
    { kind: 'hang', on: 23, routes },
  ]
}

/** Fault kinds that make a response fail (drift and latency do not). */
export const FAILING_FAULTS = ['rate-limit', 'error', 'reset', 'truncated', 'malformed', 'hang'] as const

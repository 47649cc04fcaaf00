import type { CanonicalChannel, CanonicalStatus, Vendor } from '../vendors.js'
import type { InsertedStore } from './inserted.js'
import type { StatusEvent } from './lifecycle.js'
import type { Timeline } from './timeline.js'

/**
 * How a generated record is changed on the wire by a schema-drift fault.
 *
 * @example
 * import type { DriftKind } from '@rcs-records/simulator'
 * const drift: DriftKind = 'unknown-status'
 */
export type DriftKind =
  | 'unknown-status'
  | 'missing-optional'
  | 'extra-fields'
  | 'phone-as-string'
  | 'wrapped-history'
  | 'italian-fields'
  | 'undocumented-channel'
  | 'inbound-reply'

/**
 * What one vendor's data looks like: every record is rebuilt on demand from its index.
 */
export interface RecordModel<F, N extends string | number> {
  readonly vendor: Vendor
  /** Creation times of the generated records. */
  readonly timeline: Timeline
  /** Records added while running. */
  readonly inserted: InsertedStore
  /** Creation instant of any record (generated or inserted). */
  createdAt(index: number): number
  /** True when `index` names a record that exists at `at`. */
  exists(index: number, at: number): boolean
  /** The record's static facts (ids, recipient, fate and dated events). */
  facts(index: number): F
  /** The vendor id of a record, as a string (as the adapters report it). */
  idOf(index: number): string
  /** The index an id names, when it names an existing record (generated or inserted); else null. */
  indexOf(id: string): number | null
  channelOf(index: number): CanonicalChannel
  /** Native status in force at `at`. */
  eventAt(facts: F, at: number): StatusEvent<N>
  /** Canonical status of a native one (the design's mapping table). */
  canonical(native: N): CanonicalStatus
  /** Adds a record created at `createdAt` and returns its index. */
  insert(createdAt: number, insertedAt: number): number
}

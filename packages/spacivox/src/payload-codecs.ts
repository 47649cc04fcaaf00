/**
 * io-ts codecs documenting spacivox's `/j/rcs_records` payloads. The adapter decodes them by hand (same rules,
 * faster), so it never uses these at run time; they live in their own module so that a bundler honouring
 * `sideEffects: false` leaves them — and the io-ts combinators only they need — out of applications that do not
 * import them.
 */

import { nullableCodec } from '@rcs-records/core/kit'
import * as t from 'io-ts'

/**
 * The documented `state` values of `/j/rcs_records`: 0 sent, 1 delivered, 2 failed, 3 rejected, 4 read.
 *
 * @example
 * import { SpacivoxStateCodec } from '@rcs-records/spacivox'
 * SpacivoxStateCodec.is(4) // true
 * SpacivoxStateCodec.is(7) // false
 */
export const SpacivoxStateCodec = t.union(
  [t.literal(0), t.literal(1), t.literal(2), t.literal(3), t.literal(4)],
  'SpacivoxState',
)

/**
 * A documented `state` value.
 *
 * @example
 * import type { SpacivoxState } from '@rcs-records/spacivox'
 * const read: SpacivoxState = 4
 */
export type SpacivoxState = t.TypeOf<typeof SpacivoxStateCodec>

/**
 * io-ts codec documenting one `/j/rcs_records` item (the vendor's `RcsRecord` plus `portal`, which its example
 * shows, and `content_message` with `include=content_message`). Only `id` and `state` are required; `normalize` uses a
 * faster hand-written decoder that checks the same things and also accepts undocumented states (they normalise to
 * `unknown`).
 *
 * @example
 * import { SpacivoxRecordCodec } from '@rcs-records/spacivox'
 * SpacivoxRecordCodec.is({ id: 1, state: 0, number: '+33612345678' }) // true
 */
export const SpacivoxRecordCodec = t.intersection(
  [
    t.type({ id: t.number, state: t.number }),
    t.partial({
      campaign: nullableCodec(t.number),
      job: nullableCodec(t.number),
      number: nullableCodec(t.string),
      reference: nullableCodec(t.string),
      team: nullableCodec(t.number),
      timestamp: nullableCodec(t.string),
      portal: nullableCodec(t.number),
      content_message: t.unknown,
    }),
  ],
  'SpacivoxRcsRecord',
)

/**
 * One `/j/rcs_records` item as the vendor documents it.
 *
 * @example
 * import type { SpacivoxRecord } from '@rcs-records/spacivox'
 * const record: SpacivoxRecord = { id: 1, state: 0, campaign: 1, number: '+33612345678', timestamp: '2015-01-06T10:21:14.243Z' }
 */
export type SpacivoxRecord = t.TypeOf<typeof SpacivoxRecordCodec>

/**
 * io-ts codec of a `/j/rcs_records` response: a bare JSON array (no envelope, no pagination). Items are decoded one
 * by one afterwards, so one bad item never loses a slice.
 *
 * @example
 * import { RecordsResponseCodec } from '@rcs-records/spacivox'
 * RecordsResponseCodec.is([{ id: 1, state: 0 }]) // true
 */
export const RecordsResponseCodec = t.UnknownArray

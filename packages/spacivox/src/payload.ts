/**
 * io-ts codecs of what `/j/rcs_records` sends: the response (a bare array, checked with {@link RecordsResponseCodec}
 * at run time) and one item, which `normalize` decodes by hand (same rules, faster). A property test
 * (`test/payload.test.ts`) keeps them in agreement: `SpacivoxRecordCodec.is(x)` exactly when `normalize(x)` is a
 * record. The codecs the adapter does not run are marked pure, so a bundler drops them from applications that do
 * not import them.
 */

import { readIntegerId, refinedCodec } from '@rcs-records/core/kit'
import * as t from 'io-ts'

/**
 * The documented `state` values of `/j/rcs_records`: 0 sent, 1 delivered, 2 failed, 3 rejected, 4 read.
 */
export const SpacivoxStateCodec = /* @__PURE__ */ t.union(
  [
    /* @__PURE__ */ t.literal(0),
    /* @__PURE__ */ t.literal(1),
    /* @__PURE__ */ t.literal(2),
    /* @__PURE__ */ t.literal(3),
    /* @__PURE__ */ t.literal(4),
  ],
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

/** A record id as `normalize` reads it (core's `readIntegerId`): a non-negative safe integer, or up to 20 digits. */
const SpacivoxId = /* @__PURE__ */ refinedCodec<number | string>(
  /* @__PURE__ */ t.union([t.number, t.string]),
  (value) => readIntegerId(value) !== null,
  'a non-negative integer id',
)

/**
 * io-ts codec of one `/j/rcs_records` item (the vendor's `RcsRecord`) as `normalize` reads it: an object with an
 * integer `id` and a `state` that is a number or a string — exactly what `normalize` requires (a state it does not
 * document, `"1"` or `7`, is a record with status `unknown`). The other fields are listed with what the vendor
 * documents and accepted whatever they hold (an unusable value becomes null and stays in `raw`): `campaign`, `job`,
 * `team`, `portal` (numbers), `number` (E.164), `reference` (string), `timestamp` (ISO-8601 UTC) and, with
 * `include=content_message`, `content_message`.
 */
export const SpacivoxRecordCodec = /* @__PURE__ */ t.intersection(
  [
    /* @__PURE__ */ t.type({ id: SpacivoxId, state: /* @__PURE__ */ t.union([t.number, t.string]) }),
    /* @__PURE__ */ t.partial({
      campaign: t.unknown,
      job: t.unknown,
      number: t.unknown,
      reference: t.unknown,
      team: t.unknown,
      timestamp: t.unknown,
      portal: t.unknown,
      content_message: t.unknown,
    }),
  ],
  'SpacivoxRcsRecord',
)

/**
 * One `/j/rcs_records` item as `normalize` reads it.
 *
 * @example
 * import type { SpacivoxRecord } from '@rcs-records/spacivox'
 * const record: SpacivoxRecord = { id: 1, state: 0, campaign: 1, number: '+33612345678', timestamp: '2015-01-06T10:21:14.243Z' }
 */
export type SpacivoxRecord = t.TypeOf<typeof SpacivoxRecordCodec>

/**
 * io-ts codec of a `/j/rcs_records` response: a bare JSON array (no envelope, no pagination), checked by the API
 * layer. Items are decoded one by one afterwards, so one bad item never loses a slice.
 */
export const RecordsResponseCodec = t.UnknownArray

/**
 * @rcs-records/core/kit — what adapter authors need: the adapter context and HTTP transport, decoding helpers, the
 * list scaffolding every adapter shares (`checkListQuery`, `listRecords`, `recordFilter`, `paginateByPage`), time
 * slices and id chunks, timestamp, phone and decimal readers, and the secrets helpers. Applications need only
 * `@rcs-records/core`.
 *
 * @packageDocumentation
 */

export type { AdapterContext } from './adapter/contract.js'
export { reportInvalidRecord } from './adapter/invalid-record.js'
export { emulateGetMany } from './client/emulate-get-many.js'
export { validateConfig } from './client/validate-config.js'
export { badRequest } from './errors/bad-request.js'
export {
  decodeError,
  decodeWith,
  describeValue,
  issuesFromValidation,
  MAX_DECODE_ISSUES,
} from './errors/decode-error.js'
export { MIN_SECRET_LENGTH } from './errors/secret-forms.js'
export { createSecretSet, globalSecrets, redact, registerSecret, type SecretSet } from './errors/secrets.js'
export { left, right } from './fp/either.js'
export { vendorMessageOf } from './http/classify.js'
export { createHttpTransport, type TransportOptions } from './http/transport.js'
export type { HttpFailure, HttpRequest, HttpResponse, HttpTransport, SearchParams } from './http/types.js'
export { type CheckedListQuery, checkListQuery } from './list/check-query.js'
export { type ListProgress, type ListRecordsOptions, listRecords } from './list/list-records.js'
export {
  type OffsetOptions,
  type OffsetPage,
  type PageByPageOptions,
  paginateByOffset,
  paginateByPage,
} from './list/paginate.js'
export { type ListInstant, type RecordFilterOptions, recordFilter } from './list/record-filter.js'
export { buildRecord, type RecordInit, reasonOnFailure } from './model/build-record.js'
export { failureReason, findReasonRule, type ReasonRule } from './model/reason.js'
export { lookupStatus } from './model/status-table.js'
export { formatIsoSeconds, formatZonedTimestamp } from './time/format.js'
export { isValidTimeZone } from './time/general.js'
export { parseIsoTimestamp, toEpochMs } from './time/parse.js'
export { type ChunkLimits, chunkIds, uniqueIds } from './util/chunk.js'
export { isHttpUrl, nullableCodec, refinedCodec } from './util/config-codecs.js'
export { isDecimalString, toDecimalString } from './util/decimal.js'
export { RecentIds, type SeenIds } from './util/dedupe.js'
export { isPhoneCountry, toE164 } from './util/e164.js'
export { type AheadTask, type FetchAheadOptions, fetchAhead } from './util/fetch-ahead.js'
export { readIntegerId, readTextOrNumber } from './util/fields.js'
export { parseJsonBody } from './util/json-body.js'
export { encodePathSegment } from './util/path-segment.js'
export { addMonthsUtc, type SliceLength, splitTimeRange, type TimeSlice } from './util/slices.js'

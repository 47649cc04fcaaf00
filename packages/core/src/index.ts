/**
 * @rcs-records/core — the canonical model of RCS delivery records, the adapter contract, the client and the HTTP
 * transport every adapter shares.
 *
 * @packageDocumentation
 */

export type {
  Adapter,
  AdapterContext,
  AdapterDefinition,
  CallOptions,
  Capabilities,
  ListQuery,
} from './adapter/contract.js'
export { reportInvalidRecord } from './adapter/invalid-record.js'
export { createClient } from './client/create-client.js'
export { emulateGetMany } from './client/emulate-get-many.js'
export {
  BUILT_IN_PROVIDERS,
  type LoadClientConfig,
  type LoadClientOptions,
  loadClient,
  type ProviderConfigs,
} from './client/load-client.js'
export type { ClientOptions, GetManyResult, RcsClient, WatchOptions } from './client/types.js'
export { validateConfig } from './client/validate-config.js'
export { type BoundedLimits, boundedCopy, boundedJson } from './errors/bounded-copy.js'
export {
  type DecodeErrorDetails,
  type DecodeIssue,
  decodeError,
  decodeWith,
  describeValue,
  issuesFromValidation,
} from './errors/decode-error.js'
export { RcsError, type RcsErrorKind, type RcsErrorOptions } from './errors/rcs-error.js'
export { scrubError } from './errors/scrub-error.js'
export { MIN_SECRET_LENGTH } from './errors/secret-forms.js'
export {
  createSecretSet,
  globalSecrets,
  redact,
  redactDeep,
  registerSecret,
  type SecretSet,
} from './errors/secrets.js'
export { left, right } from './fp/either.js'
export { isRetryableStatus, kindOfStatus, vendorMessageOf } from './http/classify.js'
export { backoffDelay, parseRetryAfter } from './http/retry-after.js'
export { checkBaseUrl } from './http/secure-url.js'
export { createHttpTransport, type TransportOptions } from './http/transport.js'
export type {
  HttpEvent,
  HttpFailure,
  HttpHooks,
  HttpOptions,
  HttpRequest,
  HttpResponse,
  HttpTransport,
  RetryOptions,
  SearchParams,
} from './http/types.js'
// The list scaffolding adapters share (part of the future `@rcs-records/core/kit` entry).
export { type CheckedListQuery, checkListQuery } from './list/check-query.js'
export { type ListProgress, type ListRecordsOptions, listRecords } from './list/list-records.js'
export { type ListInstant, type RecordFilterOptions, recordFilter } from './list/record-filter.js'
export { buildRecord, type RecordInit } from './model/build-record.js'
export { type Channel, ChannelCodec } from './model/channel.js'
export { mergeRecords } from './model/merge.js'
export {
  type FailureReason,
  FailureReasonCodec,
  failureReason,
  findReasonRule,
  type ReasonCode,
  ReasonCodeCodec,
  type ReasonRule,
} from './model/reason.js'
export { type Cost, type Fallback, IsoTimestampCodec, type RcsRecord, RcsRecordCodec } from './model/record.js'
export {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  DeliveryStatusCodec,
  isFailure,
  isFinal,
  type Outcome,
  outcomeOf,
} from './model/status.js'
export { lookupStatus, type StatusTable } from './model/status-table.js'
export { type Clock, systemClock } from './runtime/clock.js'
export { consoleLogger, type Logger, silentLogger } from './runtime/logger.js'
export { formatIsoSeconds, formatZonedTimestamp } from './time/format.js'
export { isValidTimeZone } from './time/general.js'
export { parseIsoTimestamp, toEpochMs } from './time/parse.js'
export { type ChunkLimits, chunkIds, uniqueIds } from './util/chunk.js'
export { isHttpUrl, nullableCodec, refinedCodec } from './util/config-codecs.js'
export { isDecimalString, toDecimalString } from './util/decimal.js'
export { RecentIds, type SeenIds } from './util/dedupe.js'
export { isPhoneCountry, toE164 } from './util/e164.js'
export { readIntegerId, readTextOrNumber } from './util/fields.js'
export { parseJsonBody } from './util/json-body.js'
export {
  type OffsetOptions,
  type OffsetPage,
  type PageByPageOptions,
  paginateByOffset,
  paginateByPage,
} from './util/paginate.js'
export { encodePathSegment } from './util/path-segment.js'
export { type SliceLength, splitTimeRange, type TimeSlice } from './util/slices.js'

/**
 * @rcs-records/core — what applications call: the canonical record model and its codecs, the status and reason
 * vocabulary, `mergeRecords`, `RcsError`, and the client (`createClient`, `loadClient`) with its options. What adapter
 * authors need besides (the HTTP transport, pagination, slices, the list scaffolding, timestamp and phone helpers) is
 * the `@rcs-records/core/kit` entry; everything else is internal.
 *
 * @packageDocumentation
 */

export type { Adapter, AdapterDefinition, CallOptions, Capabilities, ListQuery } from './adapter/contract.js'
export { createClient } from './client/create-client.js'
export {
  BUILT_IN_PROVIDERS,
  type LoadClientConfig,
  type LoadClientOptions,
  loadClient,
  type ProviderConfigs,
} from './client/load-client.js'
export type { ClientOptions, GetManyResult, RcsClient, WatchOptions } from './client/types.js'
export type { DecodeErrorDetails, DecodeIssue } from './errors/decode-error.js'
export { RcsError, type RcsErrorKind, type RcsErrorOptions } from './errors/rcs-error.js'
export type { HttpEvent, HttpHooks, HttpOptions, RetryOptions } from './http/types.js'
export { type Channel, ChannelCodec } from './model/channel.js'
export { mergeRecords } from './model/merge.js'
export { type FailureReason, type ReasonCode, ReasonCodeCodec } from './model/reason.js'
export { type Cost, type Fallback, type RcsRecord, RcsRecordCodec } from './model/record.js'
export {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  DeliveryStatusCodec,
  isFailure,
  isFinal,
  type Outcome,
  outcomeOf,
} from './model/status.js'
export type { StatusTable } from './model/status-table.js'
export { type Clock, systemClock } from './runtime/clock.js'
export { consoleLogger, type Logger, silentLogger } from './runtime/logger.js'

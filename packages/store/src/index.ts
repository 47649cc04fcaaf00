/**
 * @rcs-records/store — the persistent delivery state of rcs-records: every observation (poll, listing, webhook)
 * merged into one row per message with core's `mergeRecords`, safely under concurrent writers, in PostgreSQL —
 * or PGlite (PostgreSQL in WebAssembly, in-process) by default, so nothing has to be installed to start. A change
 * feed in commit order, and `syncToStore`, a resumable sync that also refreshes records not final yet.
 *
 * The design's three functions — `openStore`, `syncToStore`, `createWebhookHandler` — and the types of their options
 * and results. One addition: `readSyncCheckpoint` / `syncCheckpointKey` (with `SyncCheckpoint`) read where a sync
 * stands, which `rcs-records sync` needs to start where earlier syncs started when no `--from` is given; the
 * checkpoint's stored form stays the store's own.
 *
 * @packageDocumentation
 */

export type { ApplyResult } from './apply.js'
export type { ChangesOptions, StoreChange } from './changes.js'
export type { PoolOptions } from './driver/postgres.js'
export type { FunnelOptions, FunnelRow, StoreQuery } from './query.js'
export { type ApplyOptions, openStore, type RecordStore, type StoreOptions } from './store.js'
export { readSyncCheckpoint, type SyncCheckpoint, syncCheckpointKey } from './sync/checkpoint.js'
export type { RefreshMode } from './sync/refresh.js'
export { type SyncProgress, type SyncReport, type SyncToStoreOptions, syncToStore } from './sync/sync-to-store.js'
export type { DeadLetterLimits } from './webhooks/dead-letters.js'
export { createWebhookHandler, type WebhookHandlerOptions } from './webhooks/handler.js'

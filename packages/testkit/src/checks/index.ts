import type { ConformanceCheck } from '../check.js'
import {
  capabilityGet,
  capabilityGetMany,
  capabilityList,
  capabilityModifiedSince,
  capabilityWebhooks,
} from './capabilities.js'
import { configInvalid, configValid } from './config.js'
import { definitionShape } from './definition.js'
import { normalizeFixtures, webhookFixtures } from './fixtures.js'
import { errorsSecrets, recordsInvariants } from './invariants.js'
import { listDates, listFilters } from './list.js'
import { listInvalid, listQuery, listRange } from './list-contract.js'
import { recordsMergeable } from './merge.js'
import { normalizeArbitrary, normalizeJunk, webhookArbitrary, webhookJunk } from './robustness.js'
import { statusDocumented, statusUnseen } from './statuses.js'

/**
 * Every conformance check, in the order they run. The last two examine everything the others saw, so they come last.
 */
export const CONFORMANCE_CHECKS: readonly ConformanceCheck[] = [
  definitionShape,
  configValid,
  configInvalid,
  normalizeFixtures,
  webhookFixtures,
  statusDocumented,
  statusUnseen,
  normalizeJunk,
  normalizeArbitrary,
  webhookJunk,
  webhookArbitrary,
  capabilityWebhooks,
  capabilityGet,
  capabilityGetMany,
  capabilityList,
  capabilityModifiedSince,
  listFilters,
  listDates,
  listQuery,
  listRange,
  listInvalid,
  recordsMergeable,
  recordsInvariants,
  errorsSecrets,
]

export {
  capabilityGet,
  capabilityGetMany,
  capabilityList,
  capabilityModifiedSince,
  capabilityWebhooks,
  configInvalid,
  configValid,
  definitionShape,
  errorsSecrets,
  listDates,
  listFilters,
  listInvalid,
  listQuery,
  listRange,
  normalizeArbitrary,
  normalizeFixtures,
  normalizeJunk,
  recordsInvariants,
  recordsMergeable,
  statusDocumented,
  statusUnseen,
  webhookArbitrary,
  webhookFixtures,
  webhookJunk,
}

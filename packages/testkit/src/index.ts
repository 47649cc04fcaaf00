/**
 * @rcs-records/testkit — the conformance suite every rcs-records adapter runs.
 *
 * `describeAdapterConformance(adapter, options)` registers it as vitest tests; `runConformanceChecks` runs the same
 * checks as plain async code and returns their results.
 *
 * @packageDocumentation
 */

export { arbitraryPayload, mutationsOf, nastyPayloads } from './arbitraries.js'
export { type CheckReport, type ConformanceCheck, report, skipped } from './check.js'
export {
  CONFORMANCE_CHECKS,
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
} from './checks/index.js'
export { unseenStatuses } from './checks/statuses.js'
export { decodeErrorProblems } from './decode-error-problems.js'
export { describeAdapterConformance } from './describe.js'
export { fieldMismatches } from './field-mismatches.js'
export { describeError, describeOutcome, type Outcome, runEither, runTask } from './outcome.js'
export { preview } from './preview.js'
export { drainList, expectKind, expectThrownKind, windowQuery } from './probe.js'
export { recordProblems } from './record-problems.js'
export { formatCheckResults, runCheck, runConformanceChecks } from './run-checks.js'
export {
  type ConformanceRun,
  ConformanceSetupError,
  type Connection,
  createConformanceRun,
  type Evidence,
  type ListedWindow,
  type OfflineAdapter,
  type SeenRecord,
} from './run-context.js'
export { sameValue } from './same-value.js'
export { secretLeaks } from './secret-leaks.js'
export type {
  CheckName,
  CheckResult,
  ConformanceOptions,
  ConformanceServer,
  ConformanceWindow,
  ExpectedFields,
  InvalidConfig,
  NormalizeFixture,
  SecretOptions,
  StatusOptions,
  WebhookFixture,
} from './types.js'

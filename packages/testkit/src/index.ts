/**
 * @rcs-records/testkit — the conformance suite every rcs-records adapter runs.
 *
 * `describeAdapterConformance(adapter, options)` registers it as vitest tests; `runConformanceChecks` runs the same
 * checks as plain async code and returns their results (`formatCheckResults` prints them), throwing a
 * `ConformanceSetupError` when the options cannot start a run. `arbitraryPayload` is the fast-check arbitrary an
 * adapter's own property tests draw payloads from. The rest are the types of the options and results. The checks
 * themselves and the helpers they are built from are internal.
 *
 * @packageDocumentation
 */

export { arbitraryPayload } from './arbitraries.js'
export { describeAdapterConformance } from './describe.js'
export { formatCheckResults, runConformanceChecks } from './run-checks.js'
export { ConformanceSetupError } from './run-context.js'
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

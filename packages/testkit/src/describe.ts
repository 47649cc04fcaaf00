import type { AdapterDefinition } from '@rcs-records/core'
import { afterAll, describe, it } from 'vitest'
import { CONFORMANCE_CHECKS } from './checks/index.js'
import { runCheck } from './run-checks.js'
import { createConformanceRun } from './run-context.js'
import type { ConformanceOptions } from './types.js'

/**
 * Registers the conformance suite for an adapter as vitest tests: one `describe` named after the adapter with one
 * test per check (the README's table of checks). A check with problems fails its test with every problem listed; a check
 * that cannot run (no server, no webhooks, `options.skip`) is reported as skipped with the reason. The server is
 * started on first need and closed after the last test.
 *
 * @example
 * // test/conformance.test.ts of your adapter package
 * import type { AdapterDefinition } from '@rcs-records/core'
 * import { type ConformanceWindow, describeAdapterConformance } from '@rcs-records/testkit'
 * // yours: the adapter (your src/index.ts), a documented payload, a local stand-in for the vendor's API
 * declare const adapter: AdapterDefinition<{ accountSid: string; authToken: string }>
 * declare const documentedMessage: Record<string, unknown>
 * declare const startTestServer: () => Promise<{
 *   config: unknown
 *   window: ConformanceWindow
 *   ids: string[]
 *   close(): Promise<void>
 * }>
 *
 * describeAdapterConformance(adapter, {
 *   configs: {
 *     valid: [{ accountSid: 'AC00000000000000000000000000000000', authToken: 'conformance-token-1234' }],
 *     invalid: [{ config: { accountSid: 'nope' }, fields: ['accountSid', 'authToken'] }],
 *   },
 *   fixtures: [{ name: 'documented example', payload: documentedMessage, expected: { id: 'SM…', status: 'sent' } }],
 *   statuses: { documented: [['delivered', 'delivered'], ['failed', 'rejected']], payloadWith: (status) => ({ ...documentedMessage, status }) },
 *   secrets: { fields: ['authToken'], values: ['conformance-token-1234'] },
 *   server: async () => {
 *     const server = await startTestServer()
 *     return { config: server.config, window: server.window, knownId: server.ids[0], unknownId: 'SM404', close: server.close }
 *   },
 * })
 */
export const describeAdapterConformance = <C>(definition: AdapterDefinition<C>, options: ConformanceOptions): void => {
  const name = typeof definition?.name === 'string' ? definition.name : '(unnamed adapter)'
  describe(`${name}: adapter conformance`, () => {
    const run = createConformanceRun(definition, options)
    afterAll(() => run.close())
    const timeout = (options.checkTimeoutMs ?? 60_000) + 5_000
    for (const check of CONFORMANCE_CHECKS) {
      it(
        `${check.name}: ${check.description}`,
        async (context) => {
          const result = await runCheck(run, check)
          if (result.status === 'skipped') context.skip(result.notes.join('; '))
          if (result.status === 'failed') {
            throw new Error(`${check.name} failed:\n  - ${result.problems.join('\n  - ')}`)
          }
        },
        timeout,
      )
    }
  })
}

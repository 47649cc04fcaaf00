import { describe, expect, it } from 'vitest'
import { type CheckName, type CheckResult, formatCheckResults, runConformanceChecks } from '../src/index.js'
import { type AcmeFlaws, makeAcme } from './support/acme-adapter.js'
import { acmeOptions } from './support/acme-options.js'

const failedNames = (results: readonly CheckResult[]): CheckName[] =>
  results.filter((result) => result.status === 'failed').map((result) => result.name)

const problemsOf = (results: readonly CheckResult[], name: CheckName): string =>
  results.find((result) => result.name === name)?.problems.join('\n') ?? ''

/**
 * Each broken adapter breaks one rule; the suite must fail exactly the checks that guard that rule (and, where the
 * broken record also reaches the property tests, those too) — and nothing else.
 */
const CASES: Array<{ flaw: keyof AcmeFlaws; fails: CheckName[]; says: RegExp }> = [
  {
    flaw: 'throwsOnJunk',
    fails: ['normalize.junk', 'normalize.arbitrary', 'webhook.arbitrary'],
    says: /normalize\(null\) threw TypeError/,
  },
  { flaw: 'unknownIsDelivered', fails: ['status.unseen'], says: /became "delivered", expected "unknown"/ },
  { flaw: 'lyingGetMany', fails: ['capability.getMany'], says: /getMany\(.*\) returned Left\(RcsError\(unsupported\)/ },
  { flaw: 'lyingGet', fails: ['capability.get'], says: /should fail with kind unsupported/ },
  { flaw: 'duplicates', fails: ['capability.list', 'list.range'], says: /list yielded 1 duplicate/ },
  { flaw: 'dropsLast', fails: ['capability.list', 'list.range'], says: /list missed 1 id/ },
  { flaw: 'getReturnsWrongId', fails: ['capability.get', 'records.mergeable'], says: /returned id "1005-x"/ },
  { flaw: 'ignoresStatusFilter', fails: ['list.filters'], says: /which does not match/ },
  { flaw: 'acceptsBadDates', fails: ['list.dates'], says: /should throw an RcsError of kind bad_request/ },
  {
    flaw: 'rejectsValidQuery',
    fails: ['list.query'],
    says: /list with status: "unknown" \(a valid query\) was refused/,
  },
  { flaw: 'inclusiveTo', fails: ['capability.list', 'list.range'], says: /yielded by two consecutive ranges/ },
  {
    flaw: 'dropsInvalidSilently',
    fails: ['list.invalid'],
    says: /dropped without a word to onInvalid[\s\S]*strict: true should throw/,
  },
  { flaw: 'wrongFinal', fails: ['normalize.arbitrary', 'records.invariants'], says: /`final` must equal isFinal/ },
  {
    flaw: 'wrongProvider',
    fails: ['normalize.fixtures', 'normalize.arbitrary', 'webhook.arbitrary', 'records.invariants'],
    says: /provider is "ACME", not "acme"/,
  },
  {
    flaw: 'extraIsRaw',
    fails: ['normalize.fixtures', 'normalize.arbitrary', 'webhook.arbitrary', 'records.invariants'],
    says: /extra is an object of raw itself/,
  },
  {
    flaw: 'copiesRaw',
    fails: ['normalize.fixtures', 'normalize.arbitrary', 'records.invariants'],
    says: /raw is not the payload it was normalised from/,
  },
  { flaw: 'webhookThrows', fails: ['webhook.junk', 'webhook.arbitrary'], says: /parseWebhook\(null\) threw/ },
  {
    flaw: 'decodeWithoutPath',
    fails: ['normalize.fixtures', 'normalize.junk', 'normalize.arbitrary', 'webhook.arbitrary', 'list.invalid'],
    says: /no details.issues with a path/,
  },
]

describe('deliberately broken adapters fail the suite, on the right checks', () => {
  for (const { flaw, fails, says } of CASES) {
    it(`${flaw} → fails ${fails.join(', ')}`, async () => {
      const results = await runConformanceChecks(makeAcme({ [flaw]: true }), acmeOptions())
      expect(failedNames(results), formatCheckResults(results)).toEqual(fails)
      expect(
        problemsOf(results, fails[fails.length - 1] as CheckName) + problemsOf(results, fails[0] as CheckName),
      ).toMatch(says)
    })
  }

  it('a config codec that accepts anything fails config.invalid (null, 42, [] and the given invalid configs)', async () => {
    const results = await runConformanceChecks(makeAcme({ acceptsAnyConfig: true }), acmeOptions(), ['config.invalid'])
    expect(failedNames(results)).toEqual(['config.invalid'])
    const problems = problemsOf(results, 'config.invalid')
    expect(problems).toMatch(/invalid config #1 was accepted/)
    expect(problems).toMatch(/config null was accepted/)
    expect(problems).toMatch(/config 42 was accepted/)
  })

  it('an adapter that forgets secretFields and echoes config values fails errors.secrets, without printing the secret', async () => {
    // A secret no earlier test registered with core, so nothing redacts it but the adapter itself.
    const secret = 'acme_never_registered_7f3k2'
    const results = await runConformanceChecks(
      makeAcme({ echoesSecret: true }),
      acmeOptions({
        configs: { valid: [{ accessCode: secret }], invalid: [{ config: {}, fields: ['accessCode'] }] },
        secrets: { fields: ['accessCode'], values: [secret] },
      }),
      ['config.valid', 'config.invalid', 'errors.secrets'],
    )
    expect(failedNames(results)).toEqual(['errors.secrets'])
    const problems = problemsOf(results, 'errors.secrets')
    expect(problems).toMatch(/secretFields does not declare accessCode/)
    expect(problems).toMatch(/shows secret #1 in message/)
    expect(JSON.stringify(results)).not.toContain(secret)
  })

  it('a check that crashes or hangs fails instead of taking the run down', async () => {
    const hanging = makeAcme()
    const results = await runConformanceChecks(
      {
        ...hanging,
        create: (config, ctx) => ({
          ...hanging.create(config, ctx),
          list: () => ({ [Symbol.asyncIterator]: () => ({ next: () => new Promise<never>(() => {}) }) }),
        }),
      },
      acmeOptions({ checkTimeoutMs: 200 }),
      ['capability.list'],
    )
    expect(results[0]?.status).toBe('failed')
    expect(results[0]?.problems).toEqual(['did not finish within 200 ms'])
  })
})

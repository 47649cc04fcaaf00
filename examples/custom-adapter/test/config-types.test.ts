import { createClient, loadClient, RcsError } from '@rcs-records/core'
import { describe, expect, it } from 'vitest'
import { adapter, type ConfigInput } from '../src/index.js'

// The sample types its config as the built-in adapters do: `pnpm typecheck` fails if a line marked
// `@ts-expect-error` compiles (the type check would have been lost), and the run-time check still refuses it.
describe('config types', () => {
  it('createClient takes ConfigInput: a missing or misspelt field is a compile error, then a config error', () => {
    const good: ConfigInput = { accountSid: `AC${'0'.repeat(32)}`, authToken: 'a-token-of-the-account' }
    expect(createClient({ adapter, config: good }).provider).toBe('twilio')
    // @ts-expect-error: authToken is required
    expect(() => createClient({ adapter, config: { accountSid: good.accountSid } })).toThrow(RcsError)
    // @ts-expect-error: pageSize is a number
    expect(() => createClient({ adapter, config: { ...good, pageSize: '100' } })).toThrow(RcsError)
  })

  it('an unset environment variable type-checks and is reported as missing at run time', () => {
    const unset: string | undefined = process.env.RCS_RECORDS_TEST_UNSET_VARIABLE
    expect(() => createClient({ adapter, config: { accountSid: unset, authToken: unset } })).toThrow(/accountSid/)
  })

  it('loadClient knows the sample by its package name through ProviderConfigs', async () => {
    const provider = '@rcs-records/example-custom-adapter'
    const good: ConfigInput = { accountSid: `AC${'0'.repeat(32)}`, authToken: 'a-token-of-the-account' }
    // The package is this folder: resolve its name to the source, as an app's own `import()` would resolve it.
    const importModule = async (name: string) => (name === provider ? import('../src/index.js') : import(name))
    expect((await loadClient({ provider, ...good }, { importModule })).provider).toBe('twilio')
    // @ts-expect-error: a misspelt key is a compile error through loadClient too
    const misspelt = loadClient({ provider, accountSid: good.accountSid, authTokn: 'x' }, { importModule })
    await expect(misspelt).rejects.toThrow(RcsError)
  })
})

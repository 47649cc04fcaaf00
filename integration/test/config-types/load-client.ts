/**
 * Consumer code for `loadClient`, type-checked by config-types.test.ts like create-client.ts. It imports no
 * adapter's values: `import type {}` alone brings each adapter's config type in, as the README says.
 */
import type {} from '@rcs-records/bsg'
import { loadClient } from '@rcs-records/core'
import type {} from '@rcs-records/partner-gateway'
import type {} from '@rcs-records/spacivox'

declare const env: Record<string, string | undefined>

export const typed = async (): Promise<void> => {
  // ---------------------------------------------------------------------------------------------------------- bsg
  await loadClient({ provider: 'bsg', apiKey: 'live_x', timeZone: 'Europe/Kyiv' })
  await loadClient({ provider: 'bsg', apiKey: env.BSG_API_KEY }, { importModule: (name) => import(name) })
  // @ts-expect-error a misspelt key
  await loadClient({ provider: 'bsg', apikey: 'live_x' })
  // @ts-expect-error a wrong type
  await loadClient({ provider: 'bsg', apiKey: 42 })
  // @ts-expect-error the required key is missing
  await loadClient({ provider: 'bsg' })

  // -------------------------------------------------------------------------------------------- partner-gateway
  await loadClient({ provider: 'partner-gateway', apiKey: 'pg-key', channel: 'whatsapp' })
  await loadClient({ provider: 'partner-gateway', username: 'acme', password: 'secret' })
  // @ts-expect-error a misspelt key
  await loadClient({ provider: 'partner-gateway', api_key: 'pg-key' })
  // @ts-expect-error a wrong type
  await loadClient({ provider: 'partner-gateway', apiKey: 'pg-key', maxPages: '10' })
  // @ts-expect-error two auth methods at once
  await loadClient({ provider: 'partner-gateway', apiKey: 'pg-key', username: 'acme', password: 'secret' })

  // --------------------------------------------------------------------------------------------------- spacivox
  await loadClient({ provider: 'spacivox', token: 't', baseUrl: 'https://api.example.com', sliceHours: 6 })
  // @ts-expect-error a misspelt key
  await loadClient({ provider: 'spacivox', token: 't', baseUrl: 'https://api.example.com', slice_hours: 6 })
  // @ts-expect-error a wrong type
  await loadClient({ provider: 'spacivox', token: 7, baseUrl: 'https://api.example.com' })
}

export const loose = async (provider: string, fromFile: { provider: string } & Record<string, unknown>) => {
  // Any other package name, a name only known at run time, and a union of names are not checked at compile time
  // (the run-time check still is).
  await loadClient({ provider: '@acme/rcs-adapter', region: 'eu', anything: 42 })
  await loadClient({ provider, apiKey: 42 })
  await loadClient(fromFile)
  for (const name of ['bsg', 'spacivox'] as const) await loadClient({ provider: name, token: 't', apiKey: 'k' })
}

/**
 * Consumer code for `createClient`, type-checked by config-types.test.ts: every line marked `@ts-expect-error` must
 * fail to compile (TypeScript reports a marker with no error as an error of its own), every other line must compile.
 */
import { adapter as bsg } from '@rcs-records/bsg'
import { createClient } from '@rcs-records/core'
import partnerGateway from '@rcs-records/partner-gateway'
import { adapter as spacivox } from '@rcs-records/spacivox'

declare const env: Record<string, string | undefined>

// ------------------------------------------------------------------------------------------------------------ bsg
createClient({ adapter: bsg, config: { apiKey: 'live_x' } })
createClient({ adapter: bsg, config: { apiKey: env.BSG_API_KEY, timeZone: 'Europe/Kyiv', pageSize: 100 } })
createClient({ adapter: bsg, config: { apiKey: 'live_x', baseUrl: 'http://127.0.0.1:8080' }, http: { timeoutMs: 5 } })
// @ts-expect-error a misspelt key
createClient({ adapter: bsg, config: { apikey: 'live_x' } })
// @ts-expect-error a misspelt key next to the right one
createClient({ adapter: bsg, config: { apiKey: 'live_x', timezone: 'UTC' } })
// @ts-expect-error a wrong type
createClient({ adapter: bsg, config: { apiKey: 42 } })
// @ts-expect-error a wrong type of an optional field
createClient({ adapter: bsg, config: { apiKey: 'live_x', pageSize: '100' } })
// @ts-expect-error the required key is missing
createClient({ adapter: bsg, config: {} })

// ------------------------------------------------------------------------------------------------ partner-gateway
createClient({ adapter: partnerGateway, config: { apiKey: 'pg-key' } })
createClient({ adapter: partnerGateway, config: { apiKey: env.PG_API_KEY, channel: 'sms', idsPerRequest: 50 } })
createClient({ adapter: partnerGateway, config: { username: 'acme', password: env.PG_PASSWORD } })
// @ts-expect-error a misspelt key
createClient({ adapter: partnerGateway, config: { apiKey: 'pg-key', chanel: 'sms' } })
// @ts-expect-error a wrong type
createClient({ adapter: partnerGateway, config: { apiKey: 'pg-key', pageSize: true } })
// @ts-expect-error a channel partner-gateway does not have
createClient({ adapter: partnerGateway, config: { apiKey: 'pg-key', channel: 'viber' } })
// @ts-expect-error two auth methods at once
createClient({ adapter: partnerGateway, config: { apiKey: 'pg-key', username: 'acme', password: 'secret' } })
// @ts-expect-error no auth method
createClient({ adapter: partnerGateway, config: { channel: 'rcs' } })
// @ts-expect-error Basic auth without its password
createClient({ adapter: partnerGateway, config: { username: 'acme' } })

// ------------------------------------------------------------------------------------------------------- spacivox
createClient({ adapter: spacivox, config: { token: 't', baseUrl: 'https://api.example.com' } })
createClient({ adapter: spacivox, config: { token: env.SPACIVOX_TOKEN, baseUrl: env.SPACIVOX_URL, team: 1 } })
// @ts-expect-error a misspelt key
createClient({ adapter: spacivox, config: { token: 't', baseURL: 'https://api.example.com' } })
// @ts-expect-error a wrong type
createClient({ adapter: spacivox, config: { token: 't', baseUrl: 'https://api.example.com', includeContent: 'yes' } })
// @ts-expect-error a wrong type
createClient({ adapter: spacivox, config: { token: 't', baseUrl: 'https://api.example.com', team: '1' } })
// @ts-expect-error baseUrl is required (the vendor publishes no host)
createClient({ adapter: spacivox, config: { token: 't' } })

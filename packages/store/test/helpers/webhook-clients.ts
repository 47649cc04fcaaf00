import bsg from '@rcs-records/bsg'
import { createClient, type RcsClient, silentLogger } from '@rcs-records/core'
import partnerGateway from '@rcs-records/partner-gateway'
import spacivox from '@rcs-records/spacivox'

/** A webhook secret for tests (long enough for `createWebhookHandler`). */
export const SECRET = 'whsec_test_5f0c9e2a81b7'

/** The clients a receiver holds: parseWebhook needs no credentials, but the clients are built as users build them. */
export const webhookClients = (): Record<string, RcsClient> => ({
  'partner-gateway': createClient({
    adapter: partnerGateway,
    config: { apiKey: 'pg_test_key_0001' },
    logger: silentLogger,
  }),
  bsg: createClient({ adapter: bsg, config: { apiKey: 'test_bsg_key_0001', timeZone: 'UTC' }, logger: silentLogger }),
  spacivox: createClient({
    adapter: spacivox,
    config: { token: 'spacivox_token_0001', team: 1, baseUrl: 'https://spacivox.example' },
    logger: silentLogger,
  }),
})

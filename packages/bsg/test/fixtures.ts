import { type Clock, createClient, type Logger, type RcsClient, systemClock } from '@rcs-records/core'
import { adapter } from '../src/index.js'

export const BASE = 'https://one-api.bsg.world'
export const API_KEY = 'live_8JeF1mLckxI4QResuP6X'

/** Seed 003's example answer, verbatim. */
export const SEED_EXAMPLE = JSON.parse(`{
   "data":[
      {
         "id":26130,
         "campaign_id":1,
         "reference_id":"string",
         "type":"rcs",
         "source":"web",
         "text":"text",
         "phone":380661234567,
         "validity":72,
         "status":"scheduled",
         "amount":{
            "value":"string",
            "currency":"UAH"
         },
         "sender":"sender",
         "created_at":"2021-04-27 19:44:06",
         "sent_at":"2021-04-27 19:44:06",
         "delivered_at":"2021-04-27 19:44:06",
         "rcs_options":{
            "cards":[
               {
                  "text":"string",
                  "media":{
                     "url":"string"
                  },
                  "suggestions":[
                     {
                        "text":"string",
                        "phone":"string"
                     }
                  ]
               },
               {
                  "text":"string",
                  "media":{
                     "url":"string"
                  },
                  "suggestions":[
                     {
                        "text":"string",
                        "url":"string"
                     }
                  ]
               }
            ]
         },
         "alternative_channels":{
            "sms":{
               "parts":0,
               "id":[
                  0
               ]
            }
         }
      }
   ],
   "meta":{
      "page":{
         "total":1,
         "offset":20,
         "limit":40
      }
   }
}`) as { data: Record<string, unknown>[]; meta: unknown }

/** The spec's `single` example of GET /api/messages (bsg-openapi.yaml), verbatim. */
export const SPEC_SINGLE = {
  data: [
    {
      id: 4419393338,
      campaign_id: 58982653,
      reference_id: null,
      type: 'sms',
      source: 'web',
      text: 'Test',
      phone: 380981171206,
      validity: 72,
      status: 'delivered',
      amount: { value: '0.0100000', currency: 'UAH' },
      sender: 'testsms',
      created_at: '2025-03-20 05:11:15',
      sent_at: '2025-03-20 05:11:16',
      delivered_at: '2025-03-20 05:11:21',
      country: 'UA',
      parts: 1,
    },
  ],
  meta: { page: { limit: 30, offset: 0, total: 1 } },
}

/** The documented RCS status callback (BSG docs), verbatim. */
export const CALLBACK_EXAMPLE = JSON.parse(
  '{"error":0,"errorDescription":"No errors","id":"3266500452","msisdn":"380997087351","reference":"hello","time_in":"2024-08-22 11:47:42","time_sent":"2024-08-22 11:47:42","time_dr":"2024-08-22 11:47:53","status":"delivered","price":"1.1000000","currency":"EUR"}',
) as Record<string, unknown>

/** The spec's example token (TokenSchema): iat 1738777668, exp 1741369668 (30 days). */
export const SPEC_TOKEN =
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJpYXQiOjE3Mzg3Nzc2NjgsImV4cCI6MTc0MTM2OTY2OCwicm9sZXMiOltdLCJpZCI6MjA4fQ.c73iMlP9PJHABQo6iw_9w1agRETRLCUe1cnvZQR8rO1PpDPmviylbWE_YKuBIlps0-UrnnqCNYzxeB6Xgva0yH6tffb_BYFD6x1Pyutndbv6k8Y-1W0Zl6vCX_aIG-pGrSDkw8S81yPD5K6M66zaiPjQf0dObCpsP-Ep23BuI1oJBB5fHm38miYmMU72qi4Mkt8cATLi--qAOroNKOsQmjHNd9Ypunbh9BuGdiYOH52laJTx6BdJXqu9FSFaGaEFTlc9d11Av69OFK-XsMSn2w9YKcTajrzBdVzQHQvm6hSphwHOU-aTOsUjlpICm_QTGKSLu4qieKWbKnl_3nBjRg'

const base64url = (text: string) => Buffer.from(text).toString('base64url')

/** A JWT-shaped token with the given claims (unsigned: BSG's tokens are only ever sent back to BSG). */
export const makeJwt = (claims: Record<string, unknown>, signature = 'sig-not-checked'): string =>
  `${base64url('{"typ":"JWT","alg":"RS256"}')}.${base64url(JSON.stringify(claims))}.${signature}`

/** A clock the test moves by hand; sleeps are real (and tiny: retries use baseDelayMs 1). */
export const manualClock = (start: number): Clock & { set(ms: number): void; advance(ms: number): void } => {
  let now = start
  return {
    now: () => now,
    sleep: systemClock.sleep,
    set: (ms) => {
      now = ms
    },
    advance: (ms) => {
      now += ms
    },
  }
}

/** A logger that keeps every line, to prove secrets never reach it. */
export const recordingLogger = (): Logger & { lines: unknown[] } => {
  const lines: unknown[] = []
  const push =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      lines.push({ level, message, fields })
    }
  return { lines, debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') }
}

export const makeClient = (
  config: Record<string, unknown> = {},
  options: { clock?: Clock; logger?: Logger } = {},
): RcsClient =>
  createClient({
    adapter,
    config: { apiKey: API_KEY, ...config },
    http: { retry: { baseDelayMs: 1, maxDelayMs: 5 } },
    clock: options.clock ?? systemClock,
    logger: options.logger ?? recordingLogger(),
  })

/** A BSG message with sensible defaults. */
/** The spec's `RcsStatusCallback` example, verbatim (`bsg-openapi.yaml`). */
export const SPEC_STATUS_CALLBACK = JSON.parse(
  '{"error":0,"errorDescription":"No errors","id":"3272625618","msisdn":"380661231231","reference":"f2d37bf77f6242daa83f23b0cc84b627","time_in":"2025-04-14 10:56:09","time_sent":"2025-04-14 10:56:10","time_dr":"2025-04-14 10:56:13","status":"delivered","price":"0.10","currency":"EUR"}',
) as Record<string, unknown>

/** The spec's `RcsClickCallback` example, verbatim: posted to the same callback URL when a suggestion is tapped. */
export const SPEC_CLICK_CALLBACK = JSON.parse(
  '{"id":"3272625618","reference":null,"msisdn":"380661231231","text":"Go to site","postback":"click","time_click":"2025-04-14T10:56:40"}',
) as Record<string, unknown>

export const message = (id: number, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  campaign_id: 53651994,
  reference_id: `ref${id}`,
  type: 'rcs',
  source: 'rest',
  phone: 380661231231,
  validity: 72,
  status: 'delivered',
  amount: { value: '0.0100000', currency: 'UAH' },
  sender: 'rcs_sender',
  created_at: '2024-05-01 10:00:00',
  sent_at: '2024-05-01 10:00:01',
  delivered_at: '2024-05-01 10:00:05',
  rcs_options: { text: 'Hello!' },
  alternative_channels: null,
  ...overrides,
})

export const page = (data: unknown[], total: number, offset = 0, limit = 500) => ({
  data,
  meta: { page: { total, offset, limit } },
})

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}

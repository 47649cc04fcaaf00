/**
 * A small stand-in for Twilio's Messages API on node:http, serving seeded messages: Basic auth, fetch by SID with
 * Twilio's 404 body, and the list with `DateSent>`/`DateSent<` filters (inclusive, like Twilio), most recent first,
 * `PageSize`, and `next_page_uri` paging. Paging is by offset, so a message inserted while a client pages shifts
 * the pages (the `insertDuringPaging` option) — the adapter must still yield each message once.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { formatRfc2822 } from '../../src/rfc2822.js'

export const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef'
export const AUTH_TOKEN = 'example-auth-token-5f1e2d3c4b5a'

/** A seeded message as the server keeps it: the wire payload plus its send time for filtering. */
interface Stored {
  payload: Record<string, unknown>
  sentAt: number | null
}

const STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'read',
  'canceled',
  'accepted',
  'scheduled',
  'receiving',
  'received',
] as const
const NOT_SENT = new Set(['queued', 'accepted', 'scheduled', 'canceled'])
const ERRORS: ReadonlyArray<readonly [number, string]> = [
  [30003, 'Unreachable destination handset'],
  [30005, 'Unknown destination handset'],
  [30007, 'Message filtered'],
  [21610, 'Attempt to send to unsubscribed recipient'],
  [63016, 'Failed to send freeform message because you are outside the allowed window'],
]

const sidOf = (index: number) => `SM${index.toString(16).padStart(32, '0')}`

/** Deterministic messages: one every 7 minutes from `start`, cycling statuses, channels, errors and prices. */
export const seedMessages = (count: number, start = Date.parse('2024-06-03T00:00:00Z')): Stored[] =>
  Array.from({ length: count }, (_, index) => {
    const status = STATUSES[index % STATUSES.length] as string
    const created = start + index * 7 * 60_000
    const sentAt = NOT_SENT.has(status) ? null : created + 2_000
    const inbound = status === 'receiving' || status === 'received'
    const channel = index % 3
    const ours = channel === 0 ? 'rcs:acme_agent' : channel === 1 ? 'whatsapp:+15017250604' : '+15017250604'
    const theirs = `${channel === 1 ? 'whatsapp:' : ''}+1555867${String(index % 10_000).padStart(4, '0')}`
    const error = status === 'failed' || status === 'undelivered' ? ERRORS[index % ERRORS.length] : undefined
    const payload: Record<string, unknown> = {
      account_sid: ACCOUNT_SID,
      api_version: '2010-04-01',
      body: `Message ${index}`,
      date_created: formatRfc2822(created),
      date_sent: sentAt === null ? null : formatRfc2822(sentAt),
      date_updated: formatRfc2822((sentAt ?? created) + 30_000),
      direction: inbound ? 'inbound' : 'outbound-api',
      error_code: error?.[0] ?? null,
      error_message: error?.[1] ?? null,
      from: inbound ? theirs : ours,
      to: inbound ? ours : theirs,
      messaging_service_sid: index % 2 === 0 ? 'MG0123456789abcdef0123456789abcdef' : null,
      num_media: '0',
      num_segments: String(1 + (index % 3)),
      price: sentAt === null ? null : `-0.00${750 + (index % 50)}`,
      price_unit: sentAt === null ? null : 'USD',
      sid: sidOf(index),
      status,
      uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sidOf(index)}.json`,
    }
    return { payload, sentAt }
  })

/** Options of {@link startTwilioTestServer}. */
export interface TwilioTestServerOptions {
  messages?: Stored[]
  /** Insert a new, most recent message after the first list page is served (shifts offset paging by one). */
  insertDuringPaging?: boolean
  /** Serve this `next_page_uri` instead of the real one (to test that the adapter refuses foreign URLs). */
  nextPageUriOverride?: string
}

/** A running test server. */
export interface TwilioTestServer {
  url: string
  config: { accountSid: string; authToken: string; baseUrl: string }
  messages: Stored[]
  /** SIDs a list over `[from, to)` must yield: sent in the window, with a usable status. */
  expectedIds(window: { from: Date | string; to: Date | string }): string[]
  /** Request paths and queries served, in order. */
  requests: string[]
  close(): Promise<void>
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

const twilioError = (res: ServerResponse, status: number, code: number, message: string) =>
  json(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status })

/** `DateSent>`/`DateSent<` values: a date (`YYYY-MM-DD`, midnight GMT) or an ISO date-time. */
const boundOf = (value: string | null): number | null => {
  if (value === null) return null
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  return Number.isNaN(ms) ? Number.NaN : ms
}

/** Starts the server on a free loopback port. */
export const startTwilioTestServer = async (options: TwilioTestServerOptions = {}): Promise<TwilioTestServer> => {
  const messages = options.messages ?? seedMessages(140)
  const requests: string[] = []
  const expectedAuth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`
  const listPath = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`
  const itemPrefix = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/`
  let inserted = false

  const list = (url: URL, res: ServerResponse) => {
    const pageSize = Math.min(1_000, Math.max(1, Number(url.searchParams.get('PageSize') ?? 50)))
    const after = boundOf(url.searchParams.get('DateSent>'))
    const before = boundOf(url.searchParams.get('DateSent<'))
    if (Number.isNaN(after) || Number.isNaN(before)) return twilioError(res, 400, 20001, 'Invalid DateSent')
    const token = url.searchParams.get('PageToken')
    const offset = token === null ? 0 : Number(token.replace(/^PA/, ''))
    const page = Number(url.searchParams.get('Page') ?? 0)
    const matching = messages
      .filter(
        (m) => m.sentAt !== null && (after === null || m.sentAt >= after) && (before === null || m.sentAt <= before),
      )
      .sort(
        (a, b) =>
          (b.sentAt as number) - (a.sentAt as number) || String(b.payload.sid).localeCompare(String(a.payload.sid)),
      )
    const slice = matching.slice(offset, offset + pageSize)
    const query = new URLSearchParams({ PageSize: String(pageSize) })
    if (url.searchParams.has('DateSent>')) query.set('DateSent>', url.searchParams.get('DateSent>') as string)
    if (url.searchParams.has('DateSent<')) query.set('DateSent<', url.searchParams.get('DateSent<') as string)
    const hasMore = offset + pageSize < matching.length
    const next = new URLSearchParams(query)
    next.set('Page', String(page + 1))
    next.set('PageToken', `PA${offset + pageSize}`)
    json(res, 200, {
      first_page_uri: `${listPath}?${query}`,
      end: offset + slice.length - 1,
      previous_page_uri: null,
      messages: slice.map((m) => m.payload),
      uri: url.pathname + url.search,
      page_size: pageSize,
      start: offset,
      next_page_uri: hasMore ? (options.nextPageUriOverride ?? `${listPath}?${next}`) : null,
      page,
    })
    if (options.insertDuringPaging && !inserted && slice[0] !== undefined) {
      inserted = true
      const newest = seedMessages(1, (slice[0].sentAt as number) + 1_000)[0] as Stored
      newest.payload.sid = 'SMffffffffffffffffffffffffffffffff'
      newest.payload.status = 'delivered'
      messages.push({ ...newest, sentAt: (slice[0].sentAt as number) + 1_000 })
    }
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    requests.push(url.pathname + url.search)
    if (req.method !== 'GET') return twilioError(res, 405, 20004, 'Method not allowed')
    if (req.headers.authorization !== expectedAuth) return twilioError(res, 401, 20003, 'Authenticate')
    if (url.pathname === listPath) return list(url, res)
    if (url.pathname.startsWith(itemPrefix) && url.pathname.endsWith('.json')) {
      const sid = decodeURIComponent(url.pathname.slice(itemPrefix.length, -'.json'.length))
      const found = messages.find((m) => m.payload.sid === sid)
      if (found === undefined) {
        return twilioError(res, 404, 20404, `The requested resource ${url.pathname} was not found`)
      }
      return json(res, 200, found.payload)
    }
    return twilioError(res, 404, 20404, `The requested resource ${url.pathname} was not found`)
  }

  const server = createServer(handle)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    config: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: url },
    messages,
    requests,
    expectedIds: (window) => {
      const from = new Date(window.from).getTime()
      const to = new Date(window.to).getTime()
      return messages
        .filter((m) => m.sentAt !== null && m.sentAt >= from && m.sentAt < to && typeof m.payload.status === 'string')
        .map((m) => String(m.payload.sid))
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

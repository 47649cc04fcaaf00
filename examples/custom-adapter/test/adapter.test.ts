import { createClient, RcsError, type RcsRecord, silentLogger } from '@rcs-records/core'
import { afterEach, describe, expect, it } from 'vitest'
import { adapter, normalize, parseWebhook } from '../src/index.js'
import { formatRfc2822, parseRfc2822 } from '../src/rfc2822.js'
import { UNDELIVERED_CALLBACK_FORM } from './support/fixtures.js'
import { AUTH_TOKEN, startTwilioTestServer, type TwilioTestServer } from './support/twilio-server.js'

const WINDOW = { from: '2024-06-03T01:00:00Z', to: '2024-06-03T14:00:00Z' }

let server: TwilioTestServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const clientFor = (running: TwilioTestServer, config: Partial<typeof running.config> = {}) =>
  createClient({
    adapter,
    config: { ...running.config, ...config },
    http: { retry: { limit: 1, baseDelayMs: 1 } },
    logger: silentLogger,
  })

const collect = async (records: AsyncIterable<RcsRecord>): Promise<string[]> => {
  const ids: string[] = []
  for await (const record of records) ids.push(record.id)
  return ids
}

describe('RFC 2822 dates', () => {
  it('parses Twilio dates with zones and refuses impossible ones', () => {
    expect(parseRfc2822('Fri, 24 May 2019 17:18:28 +0000')).toBe('2019-05-24T17:18:28.000Z')
    expect(parseRfc2822('24 May 2019 19:18:28 +0200')).toBe('2019-05-24T17:18:28.000Z')
    expect(parseRfc2822('Sat, 31 Feb 2019 10:00:00 +0000')).toBeNull()
    expect(parseRfc2822('2019-05-24T17:18:28Z')).toBeNull()
    expect(parseRfc2822(42)).toBeNull()
  })

  it('round-trips what the test server writes', () => {
    const instant = Date.parse('2024-06-03T01:02:03Z')
    expect(parseRfc2822(formatRfc2822(instant))).toBe('2024-06-03T01:02:03.000Z')
  })
})

describe('list over HTTP', () => {
  it('follows next_page_uri and yields exactly the messages sent in [from, to)', async () => {
    server = await startTwilioTestServer()
    const ids = await collect(clientFor(server).list({ ...WINDOW, pageSize: 25 }))
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(ids)).toEqual(new Set(server.expectedIds(WINDOW)))
    const listRequests = server.requests.filter((path) => path.includes('Messages.json'))
    expect(listRequests.length).toBeGreaterThan(2)
    expect(listRequests[0]).toContain('DateSent%3E=2024-06-03T01%3A00%3A00Z')
  })

  it('excludes a message sent exactly at `to` (Twilio’s bound is inclusive, the window is not)', async () => {
    server = await startTwilioTestServer()
    const sent = server.messages.filter((m) => m.sentAt !== null && m.sentAt > Date.parse(WINDOW.from))[5]
    const to = new Date(sent?.sentAt as number)
    const ids = await collect(clientFor(server).list({ from: WINDOW.from, to }))
    expect(ids).not.toContain(sent?.payload.sid)
    expect(ids.length).toBeGreaterThan(0)
  })

  it('yields each message once when a new message shifts the pages mid-listing', async () => {
    server = await startTwilioTestServer({ insertDuringPaging: true })
    const before = server.expectedIds(WINDOW)
    const ids = await collect(clientFor(server).list({ ...WINDOW, pageSize: 10 }))
    expect(ids.length).toBe(new Set(ids).size)
    expect(new Set(ids)).toEqual(new Set(before))
  })

  it('refuses to follow a next_page_uri that leaves the account’s Messages list', async () => {
    server = await startTwilioTestServer({ nextPageUriOverride: '//evil.example.com/steal?x=1' })
    const error = await collect(clientFor(server).list({ ...WINDOW, pageSize: 10 })).catch((caught: unknown) => caught)
    expect(RcsError.is(error, 'provider')).toBe(true)
    expect(server.requests).toHaveLength(1)
  })

  it('rejects modifiedSince as unsupported instead of ignoring it', async () => {
    server = await startTwilioTestServer()
    const error = await collect(clientFor(server).list({ ...WINDOW, modifiedSince: new Date() })).catch(
      (e: unknown) => e,
    )
    expect(RcsError.is(error, 'unsupported')).toBe(true)
    expect(server.requests).toHaveLength(0)
  })
})

describe('get and auth', () => {
  it('fetches one message by SID and maps a 404 to not_found', async () => {
    server = await startTwilioTestServer()
    const client = clientFor(server)
    const known = String(server.messages[5]?.payload.sid)
    expect((await client.get(known)).id).toBe(known)
    const missing = await client.get('SM00000000000000000000000000000404').catch((e: unknown) => e)
    expect(RcsError.is(missing, 'not_found')).toBe(true)
  })

  it('a refused token is an auth error that never shows the token', async () => {
    server = await startTwilioTestServer()
    const wrongToken = 'wrong-auth-token-0123456789'
    const error = await clientFor(server, { authToken: wrongToken })
      .get('SM00000000000000000000000000000001')
      .catch((e: unknown) => e)
    expect(RcsError.is(error, 'auth')).toBe(true)
    expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain(wrongToken)
    expect(JSON.stringify(error)).not.toContain(AUTH_TOKEN)
  })
})

describe('ids never change the request path (issue 14)', () => {
  it.each(['..', '.'])('get(%j) is a bad_request without any request', async (id) => {
    server = await startTwilioTestServer()
    const error = await clientFor(server)
      .get(id)
      .catch((e: unknown) => e)
    expect(RcsError.is(error, 'bad_request')).toBe(true)
    expect(server.requests).toEqual([])
  })

  it('an id with a slash stays one path segment', async () => {
    server = await startTwilioTestServer()
    await clientFor(server)
      .get('../Messages')
      .catch(() => undefined)
    expect(server.requests).toEqual([`/2010-04-01/Accounts/${server.config.accountSid}/Messages/..%2FMessages.json`])
  })
})

describe('normalize and parseWebhook', () => {
  it('an unknown error code on a failure keeps the code with reason unknown', () => {
    const result = normalize({ sid: 'SM1', status: 'failed', error_code: '63016', error_message: 'outside window' })
    expect(result._tag === 'Right' && result.right.reason).toEqual({
      code: 'unknown',
      permanent: null,
      vendorCode: '63016',
      message: 'outside window',
    })
  })

  it('a raw form-encoded callback gives one record with the reason from ErrorCode', () => {
    const result = parseWebhook(UNDELIVERED_CALLBACK_FORM)
    expect(result._tag).toBe('Right')
    const [record] = result._tag === 'Right' ? result.right : []
    expect(record).toMatchObject({ status: 'undeliverable', channel: 'rcs', sender: 'acme_agent' })
    expect(record?.reason?.code).toBe('unreachable')
  })
})

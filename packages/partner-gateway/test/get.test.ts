import { inspect } from 'node:util'
import { RcsError } from '@rcs-records/core'
import nock from 'nock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { API_KEY, RATE_LIMITED_BODY, STATUS_DELIVERED, STATUS_ITALIAN, STATUS_OVERVIEW } from './fixtures.js'
import { makeClient, ORIGIN, recordingClock, rejection, STATUS_PATH } from './helpers.js'

beforeEach(() => {
  nock.disableNetConnect()
  nock.enableNetConnect('127.0.0.1')
})
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

const kindOf = async (promise: Promise<unknown>): Promise<RcsError> => {
  const error = await rejection(promise)
  expect(error).toBeInstanceOf(RcsError)
  return error as RcsError
}

describe('get: GET /messages/status/{customerMessageId}?channel=', () => {
  it('sends the API key and the config channel upper-case, and normalises the answer', async () => {
    const scope = nock(ORIGIN)
      .get(`${STATUS_PATH}/3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f`)
      .query({ channel: 'RCS' })
      .matchHeader('x-api-key', API_KEY)
      .reply(200, STATUS_DELIVERED)
    const record = await makeClient().get('3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f')
    expect(record).toMatchObject({ provider: 'partner-gateway', status: 'delivered', channel: 'rcs' })
    expect(record.raw).toEqual(STATUS_DELIVERED)
    expect(scope.isDone()).toBe(true)
  })

  it('scopes the lookup to opts.channel; a payload without channel is on that channel', async () => {
    nock(ORIGIN).get(`${STATUS_PATH}/order-12345`).query({ channel: 'SMS' }).reply(200, STATUS_ITALIAN)
    const record = await makeClient().get('order-12345', { channel: 'sms' })
    expect(record).toMatchObject({ channel: 'sms', status: 'undeliverable', reason: { code: 'not_rcs_capable' } })
  })

  it('uses the config channel when the call names none', async () => {
    nock(ORIGIN).get(`${STATUS_PATH}/order-12345`).query({ channel: 'WHATSAPP' }).reply(200, STATUS_ITALIAN)
    expect((await makeClient({ channel: 'whatsapp' }).get('order-12345')).channel).toBe('whatsapp')
  })

  it('URL-encodes the id in the path', async () => {
    const scope = nock(ORIGIN)
      .get(`${STATUS_PATH}/order%2F1%202`)
      .query({ channel: 'RCS' })
      .reply(200, { customerMessageId: 'order/1 2', deliveryStatus: 'SENT' })
    expect((await makeClient().get('order/1 2')).id).toBe('order/1 2')
    expect(scope.isDone()).toBe(true)
  })

  it('sends Basic auth when configured with username + password', async () => {
    const expected = `Basic ${Buffer.from('acme:pässword-1', 'utf8').toString('base64')}`
    nock(ORIGIN)
      .get(`${STATUS_PATH}/order-12345`)
      .query(true)
      .matchHeader('authorization', expected)
      .reply(200, STATUS_ITALIAN)
    const client = makeClient({ apiKey: undefined, username: 'acme', password: 'pässword-1' })
    expect((await client.get('order-12345')).id).toBe('order-12345')
  })

  it('refuses a channel partner-gateway does not have, before any request', async () => {
    const error = await kindOf(makeClient().get('order-12345', { channel: 'viber' }))
    expect(error.kind).toBe('bad_request')
    expect(error.message).toContain('rcs, sms or whatsapp')
  })

  it('a single-status answer without customerMessageId (the overview shows {deliveryStatus}) is the id asked for', async () => {
    nock(ORIGIN).get(`${STATUS_PATH}/order-12345`).query({ channel: 'RCS' }).reply(200, STATUS_OVERVIEW)
    const record = await makeClient().get('order-12345')
    expect(record).toMatchObject({ id: 'order-12345', status: 'delivered', vendorStatus: 'DELIVERED', channel: 'rcs' })
    expect(record.raw).toEqual(STATUS_OVERVIEW)
    // The record of the customerMessageId asked for: no vendor message id to teach or to join by.
    expect(record.extra.messageId).toBeUndefined()
  })

  it('an answer that names another message is never returned as the answer', async () => {
    nock(ORIGIN)
      .get(`${STATUS_PATH}/order-12345`)
      .query(true)
      .reply(200, { customerMessageId: 'order-99999', deliveryStatus: 'DELIVERED' })
    const error = await kindOf(makeClient().get('order-12345'))
    expect(error.kind).toBe('provider')
    expect(error.retryable).toBe(false)
    expect(error.message).toContain('order-12345')
    expect(error.message).toContain('order-99999')
    nock(ORIGIN)
      .get(`${STATUS_PATH}/order-12345`)
      .query(true)
      .reply(200, { messageId: 'other', deliveryStatus: 'SENT' })
    expect((await kindOf(makeClient().get('order-12345'))).kind).toBe('provider')
  })

  it('WhatsApp READ from the status API is read (only standard RCS lacks READ there)', async () => {
    nock(ORIGIN)
      .get(`${STATUS_PATH}/order-12345`)
      .query({ channel: 'WHATSAPP' })
      .reply(200, { customerMessageId: 'order-12345', deliveryStatus: 'READ', deliveryDate: '2025-01-01T10:05:00Z' })
    const record = await makeClient().get('order-12345', { channel: 'whatsapp' })
    expect(record).toMatchObject({ status: 'read', final: true, vendorStatus: 'READ', channel: 'whatsapp' })
    expect(record.updatedAt).toBe('2025-01-01T10:05:00.000Z')
  })

  it('a 200 body that is not a record is a decode error', async () => {
    nock(ORIGIN).get(`${STATUS_PATH}/order-12345`).query(true).reply(200, { timestamp: 'x' })
    expect((await kindOf(makeClient().get('order-12345'))).kind).toBe('decode')
  })
})

describe('get: errors', () => {
  it('404 → not_found, saying a channel mismatch gives 404 too', async () => {
    nock(ORIGIN)
      .get(`${STATUS_PATH}/order-12345`)
      .query({ channel: 'RCS' })
      .reply(404, { timestamp: '2025-01-01T00:00:00Z', status: 404, error: 'Not Found', path: '/x' })
    const error = await kindOf(makeClient().get('order-12345'))
    expect(error).toMatchObject({ kind: 'not_found', httpStatus: 404, retryable: false, provider: 'partner-gateway' })
    expect(error.message).toContain('order-12345')
    expect(error.message).toContain('channel RCS')
    expect(error.message).toContain('channel mismatch')
  })

  it.each([401, 403])('%i → auth, never echoing the key', async (status) => {
    nock(ORIGIN)
      .get(`${STATUS_PATH}/order-12345`)
      .query(true)
      .reply(status, { status, error: 'Unauthorized', message: `invalid key ${API_KEY}` })
    const error = await kindOf(makeClient().get('order-12345'))
    expect(error).toMatchObject({ kind: 'auth', httpStatus: status, retryable: false })
    const text = `${error.message} ${JSON.stringify(error)} ${inspect(error, { depth: 10 })} ${error.stack}`
    expect(text).not.toContain(API_KEY)
  })

  it('500 is retried, then succeeds', async () => {
    nock(ORIGIN).get(`${STATUS_PATH}/order-12345`).query(true).twice().reply(500, { message: 'boom' })
    nock(ORIGIN).get(`${STATUS_PATH}/order-12345`).query(true).reply(200, STATUS_ITALIAN)
    expect((await makeClient().get('order-12345')).id).toBe('order-12345')
  })

  it('5xx that persists → provider, retryable, after the retries', async () => {
    const scope = nock(ORIGIN).get(`${STATUS_PATH}/order-12345`).query(true).times(5).reply(503, 'Service Unavailable')
    const error = await kindOf(makeClient().get('order-12345'))
    expect(error).toMatchObject({ kind: 'provider', httpStatus: 503, retryable: true })
    expect(scope.isDone()).toBe(true)
  })

  it("429 waits the body's retryAfter seconds before the retry", async () => {
    const clock = recordingClock()
    nock(ORIGIN).get(`${STATUS_PATH}/order-12345`).query(true).reply(429, RATE_LIMITED_BODY)
    nock(ORIGIN).get(`${STATUS_PATH}/order-12345`).query(true).reply(200, STATUS_ITALIAN)
    expect((await makeClient({}, { clock }).get('order-12345')).id).toBe('order-12345')
    expect(clock.sleeps).toEqual([12_000])
  })

  it('429 that persists → rate_limited with retryAfterMs from the body', async () => {
    const clock = recordingClock()
    nock(ORIGIN).get(`${STATUS_PATH}/order-12345`).query(true).times(5).reply(429, RATE_LIMITED_BODY)
    const error = await kindOf(makeClient({}, { clock }).get('order-12345'))
    expect(error).toMatchObject({ kind: 'rate_limited', httpStatus: 429, retryable: true, retryAfterMs: 12_000 })
    expect(clock.sleeps).toEqual([12_000, 12_000, 12_000, 12_000])
  })

  it('a Retry-After header wins over the body', async () => {
    const clock = recordingClock()
    nock(ORIGIN).get(`${STATUS_PATH}/order-12345`).query(true).reply(429, RATE_LIMITED_BODY, { 'Retry-After': '3' })
    nock(ORIGIN).get(`${STATUS_PATH}/order-12345`).query(true).reply(200, STATUS_ITALIAN)
    await makeClient({}, { clock }).get('order-12345')
    expect(clock.sleeps).toEqual([3_000])
  })
})

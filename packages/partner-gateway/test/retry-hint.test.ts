import nock from 'nock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { retryAfterFromBody } from '../src/api.js'
import { RATE_LIMITED_BODY, STATUS_ITALIAN } from './fixtures.js'
import { makeClient, ORIGIN, recordingClock, STATUS_PATH } from './helpers.js'

beforeEach(() => nock.disableNetConnect())
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

describe("the 429 body's retryAfter", () => {
  it('a hint of two days is capped at maxRetryAfterMs (default 60 s), not ignored for the short backoff', async () => {
    const clock = recordingClock()
    nock(ORIGIN)
      .get(`${STATUS_PATH}/order-12345`)
      .query(true)
      .reply(429, { ...RATE_LIMITED_BODY, retryAfter: 172_800 })
    nock(ORIGIN).get(`${STATUS_PATH}/order-12345`).query(true).reply(200, STATUS_ITALIAN)
    expect((await makeClient({}, { clock }).get('order-12345')).id).toBe('order-12345')
    expect(clock.sleeps).toEqual([60_000])
  })

  it.each([
    [{ retryAfter: 172_800 }, 172_800_000],
    [{ retryAfter: '90' }, 90_000],
    [{ retryAfter: 0 }, 0],
    [{ retryAfter: -1 }, null],
    [{ retryAfter: 'soon' }, null],
    [{ retryAfter: Number.POSITIVE_INFINITY }, null],
  ])('%j → %s', (body, expected) => {
    expect(retryAfterFromBody(body)).toBe(expected)
  })
})

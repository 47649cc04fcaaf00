/** Issue 14: error messages name the provider once (they used to read `spacivox: spacivox: GET …`). */
import type { RcsError } from '@rcs-records/core'
import nock from 'nock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BASE, collect, makeClient, rejection } from './fixtures.js'

beforeEach(() => nock.disableNetConnect())
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

describe('spacivox error messages', () => {
  it.each([
    [403, 'Forbidden', /^spacivox: GET \/j\/rcs_records answered 403 Forbidden: the token was refused/],
    [400, 'end: this field is required', /^spacivox: GET \/j\/rcs_records answered 400 Bad Request: end/],
  ])('a %i names the provider once', async (status, body, expected) => {
    nock(BASE).get('/j/rcs_records').query(true).reply(status, body, { 'content-type': 'text/plain' })
    const error = (await rejection(
      collect(makeClient().list({ from: '2015-01-06T00:00:00Z', to: '2015-01-07T00:00:00Z' })),
    )) as RcsError
    expect(error.message).toMatch(expected)
    expect(error.message.match(/spacivox: /g)).toHaveLength(1)
  })
})

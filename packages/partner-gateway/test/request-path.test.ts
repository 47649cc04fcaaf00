/** Issue 14: an id can never change the request path (dot segments survive encodeURIComponent). */
import { RcsError } from '@rcs-records/core'
import nock from 'nock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeClient, ORIGIN } from './helpers.js'

const paths: string[] = []

beforeEach(() => {
  nock.disableNetConnect()
  paths.length = 0
  nock(ORIGIN)
    .get(() => true)
    .query(true)
    .times(100)
    .reply(function () {
      paths.push(this.req.path.split('?')[0] ?? '')
      return [404, { message: 'Not found' }]
    })
})
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

describe('partner-gateway: ids never change the request path', () => {
  it.each(['..', '.'])('get(%j) is a bad_request without any request', async (id) => {
    const error = await makeClient()
      .get(id)
      .catch((e: unknown) => e)
    expect(RcsError.is(error, 'bad_request')).toBe(true)
    expect((error as RcsError).message).toMatch(/^partner-gateway: /)
    expect(paths).toEqual([])
  })

  it.each([
    ['../history', '/api/partner-gateway/v1/messages/status/..%2Fhistory'],
    ['..x', '/api/partner-gateway/v1/messages/status/..x'],
    ['%2e%2e', '/api/partner-gateway/v1/messages/status/%252e%252e'],
    ['a/b', '/api/partner-gateway/v1/messages/status/a%2Fb'],
  ])('get(%j) asks for the status of that id, in one path segment', async (id, path) => {
    await makeClient()
      .get(id)
      .catch(() => undefined)
    expect(paths).toEqual([path])
  })
})

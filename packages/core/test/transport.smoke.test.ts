import nock from 'nock'
import { afterEach, describe, expect, it } from 'vitest'
import { createHttpTransport } from '../src/index.js'

afterEach(() => nock.cleanAll())

describe('transport smoke', () => {
  it('retries a 503 then returns the parsed body', async () => {
    nock('https://api.example.com').get('/x').query({ a: '1' }).reply(503, 'down').get('/x').query({ a: '1' }).reply(200, { ok: true })
    const http = createHttpTransport({ provider: 'p', retry: { baseDelayMs: 1 } })
    const result = await http.request({ url: 'https://api.example.com/x', searchParams: { a: 1, b: undefined } })()
    expect(result).toMatchObject({ _tag: 'Right', right: { status: 200, body: { ok: true } } })
  })
  it('maps 404 to not_found without retry', async () => {
    nock('https://api.example.com').get('/y').reply(404, { message: 'nope' })
    const http = createHttpTransport({ provider: 'p', retry: { baseDelayMs: 1 } })
    const result = await http.request({ url: 'https://api.example.com/y' })()
    expect(result._tag === 'Left' && result.left.kind).toBe('not_found')
    expect(result._tag === 'Left' && result.left.message).toContain('nope')
  })
})

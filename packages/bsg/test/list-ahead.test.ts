import nock from 'nock'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BASE, message as bsgMessage, collect, makeClient, makeJwt, manualClock, page } from './fixtures.js'

const NOW = Date.parse('2024-08-15T12:00:00Z')
const jwt = (n: number) => makeJwt({ iat: NOW / 1000, exp: NOW / 1000 + 86_400, jti: `token-${n}` })
const message = (id: number) => bsgMessage(id, { created_at: '2024-08-02 10:00:00' })
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => message(from + i))
const expectedIds = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1))
const client = (config: Record<string, unknown> = {}) => makeClient(config, { clock: manualClock(NOW) })
const query = { from: '2024-08-01T00:00:00Z' }

/**
 * Answers /api/messages from `answer`, holding every page after the first until `gate` requests are waiting (or a
 * second has passed, so a broken limit fails the assertions below instead of hanging): the pages BSG is asked for
 * at once are counted without depending on timing.
 */
const serve = (
  answer: (offset: number, authorization: string) => [number, unknown],
  options: { gate?: number; logins?: string[] } = {},
) => {
  const state = { inFlight: 0, maxInFlight: 0, offsets: [] as number[] }
  let waiting: Array<() => void> = []
  const release = () => {
    for (const go of waiting) go()
    waiting = []
  }
  let logins = 0
  nock(BASE)
    .post('/api/auth/login')
    .times(20)
    .reply(() => {
      logins++
      options.logins?.push(jwt(logins))
      return [200, { bearer: jwt(logins) }]
    })
    .get('/api/messages')
    .query(true)
    .times(10_000)
    .reply(async function (uri) {
      const offset = Number(new URL(uri, BASE).searchParams.get('page[offset]'))
      state.offsets.push(offset)
      state.inFlight++
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight)
      if (offset > 0 && options.gate !== undefined) {
        await new Promise<void>((resolve) => {
          waiting.push(resolve)
          if (waiting.length >= (options.gate as number)) release()
          else setTimeout(release, 1000)
        })
      }
      state.inFlight--
      return answer(offset, String(this.req.headers.authorization))
    })
  return state
}

beforeEach(() => nock.disableNetConnect())
afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

describe('list: the pages after the first are fetched `listConcurrency` at a time (issue 21)', () => {
  it('asks `listConcurrency` offsets at once, never more, and yields every record once, in order', async () => {
    const state = serve((offset) => [200, page(ids(offset + 1, Math.min(500, 5000 - offset)), 5000, offset)], {
      gate: 4,
    })
    const records = await collect(client({ listConcurrency: 4 }).list(query))
    expect(records.map((r) => r.id)).toEqual(expectedIds(5000))
    expect(state.maxInFlight).toBe(4)
    expect([...state.offsets].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i * 500))
  })

  it('with concurrency 1, one page after the other', async () => {
    const state = serve((offset) => [200, page(ids(offset + 1, Math.min(500, 2000 - offset)), 2000, offset)])
    expect((await collect(client({ listConcurrency: 1 }).list(query))).map((r) => r.id)).toEqual(expectedIds(2000))
    expect(state.maxInFlight).toBe(1)
    expect(state.offsets).toEqual([0, 500, 1000, 1500])
  })

  it('reaches records appended while pages are in flight: the total of every page extends the walk', async () => {
    // The first page says 1000; each later answer sees the listing grown by 500, up to 2500 records.
    let total = 1000
    const state = serve((offset) => {
      if (offset > 0) total = Math.min(2500, total + 500)
      return [200, page(ids(offset + 1, Math.max(0, Math.min(500, total - offset))), total, offset)]
    })
    const records = await collect(client({ listConcurrency: 4 }).list(query))
    expect(records.map((r) => r.id)).toEqual(expectedIds(2500))
    expect(state.offsets.filter((offset) => offset >= 2500)).toEqual([])
  })

  it('stops on an empty page and drops the pages fetched ahead of it', async () => {
    // The total claims 5000, but the records end at 1200 (deleted meanwhile).
    serve((offset) => [200, page(ids(offset + 1, Math.max(0, Math.min(500, 1200 - offset))), 5000, offset)])
    expect((await collect(client({ listConcurrency: 4 }).list(query))).map((r) => r.id)).toEqual(expectedIds(1200))
  })

  it('a page that fails throws in order, after every earlier page was yielded', async () => {
    serve((offset) =>
      offset === 1000
        ? [422, { message: 'The given data was invalid.', errors: {} }]
        : [200, page(ids(offset + 1, 500), 3000, offset)],
    )
    const seen: string[] = []
    const error = await (async () => {
      for await (const record of client({ listConcurrency: 4 }).list(query)) seen.push(record.id)
    })().catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'bad_request', httpStatus: 422 })
    expect(seen).toEqual(expectedIds(1000))
  })

  it('a token refused while pages are in flight: one shared re-login, every record once, in order', async () => {
    // Every token is refused after the first page was served with it (as if BSG expired it then): the pages in
    // flight all get 401 together and must share one new login.
    const refusedAfterFirstPage = new Set<string>()
    const logins: string[] = []
    serve(
      (offset, authorization) => {
        const token = authorization.replace(/^Bearer /, '')
        if (refusedAfterFirstPage.has(token) && token === logins[0]) return [401, { message: 'Unauthenticated.' }]
        if (offset === 0) refusedAfterFirstPage.add(token)
        return [200, page(ids(offset + 1, Math.min(500, 4000 - offset)), 4000, offset)]
      },
      { gate: 4, logins },
    )
    const records = await collect(client({ listConcurrency: 4 }).list(query))
    expect(records.map((r) => r.id)).toEqual(expectedIds(4000))
    expect(logins).toHaveLength(2)
  })
})

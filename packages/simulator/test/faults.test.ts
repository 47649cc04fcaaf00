import { describe, expect, it } from 'vitest'
import type { Simulator } from '../src/index.js'
import { bsgLogin, bsgMessages, DAY, iso, NOW, pgGet, spacivoxGet, useSimulator } from './support.js'

const { start } = useSimulator()

const history = (page = 0, limit = 20) =>
  `/history?channel=RCS&from=${iso(NOW - 8 * DAY)}&to=${iso(NOW)}&page=${page}&limit=${limit}`
const spacivoxWindow = `start=${iso(NOW - 8 * DAY)}&end=${iso(NOW)}`
const pgStatuses = async (sim: Simulator, path = history()) => {
  const response = await pgGet(sim, path)
  return { response, text: await response.text() }
}

describe('faults: retry hints and server errors', () => {
  it('rate-limit: partner-gateway’s documented 429 body, Retry-After for BSG and spacivox', async () => {
    const sim = await start({
      faults: {
        'partner-gateway': { kind: 'rate-limit', retryAfterSeconds: 2 },
        bsg: { kind: 'rate-limit', routes: ['messages'] },
        spacivox: { kind: 'rate-limit', retryAfterSeconds: 3 },
      },
    })
    const pg = await pgGet(sim, history())
    expect(pg.status).toBe(429)
    expect(await pg.json()).toEqual({
      status: 429,
      error: 'Too Many Requests',
      message: 'Rate limit exceeded. Please retry after 2 seconds.',
      retryAfter: 2,
    })
    expect(pg.headers.get('x-ratelimit-remaining')).toBe('0')
    const token = await bsgLogin(sim)
    const bsg = await bsgMessages(sim, '', token)
    expect(bsg.status).toBe(429)
    expect(bsg.headers.get('retry-after')).toBe('1')
    const spacivox = await spacivoxGet(sim, spacivoxWindow)
    expect(spacivox.status).toBe(429)
    expect(spacivox.headers.get('retry-after')).toBe('3')
    expect(sim.stats().faults['rate-limit']).toBe(3)
  })

  it('error: 500/503 with each vendor’s error body, 502 as a proxy page, optional Retry-After', async () => {
    const sim = await start({
      faults: {
        'partner-gateway': [
          { kind: 'error', status: 500, on: 1 },
          { kind: 'error', status: 502, on: 2 },
        ],
        bsg: { kind: 'error', routes: ['login'], retryAfterSeconds: 1 },
        spacivox: { kind: 'error', status: 500 },
      },
    })
    const first = await pgGet(sim, history())
    expect(first.status).toBe(500)
    expect(await first.json()).toMatchObject({ status: 500, error: 'Internal Server Error' })
    const second = await pgGet(sim, history())
    expect(second.status).toBe(502)
    expect(second.headers.get('content-type')).toContain('text/html')
    expect((await pgGet(sim, history())).status).toBe(200)
    const login = await fetch(`${sim.config.bsg.baseUrl}/api/auth/login`, { method: 'POST', body: '{}' })
    expect(login.status).toBe(503)
    expect(login.headers.get('retry-after')).toBe('1')
    expect(await login.json()).toEqual({ message: 'Server Error' })
    expect((await spacivoxGet(sim, spacivoxWindow)).status).toBe(500)
  })
})

describe('faults: the connection', () => {
  it('latency: answers late, then normally', async () => {
    const sim = await start({ faults: { spacivox: { kind: 'latency', delayMs: 250 } } })
    const started = performance.now()
    const response = await spacivoxGet(sim, spacivoxWindow)
    expect(performance.now() - started).toBeGreaterThanOrEqual(240)
    expect(response.status).toBe(200)
    expect(((await response.json()) as unknown[]).length).toBe(300)
  })

  it('latency: the answer is the one due when the request arrived, held `delayMs` (the network is slow, not the server)', async () => {
    const sim = await start({ faults: { spacivox: { kind: 'latency', delayMs: 300 } } })
    const answer = spacivoxGet(sim, spacivoxWindow)
    while (sim.stats().requests === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    await new Promise((resolve) => setTimeout(resolve, 50))
    // Built after the delay, the answer would hold this record, inserted after the request arrived.
    sim.insert('spacivox', { createdAt: NOW - DAY })
    expect(((await (await answer).json()) as unknown[]).length).toBe(300)
    expect(((await (await spacivoxGet(sim, spacivoxWindow)).json()) as unknown[]).length).toBe(301)
  })

  it('hang: never answers, so the client times out; close() still returns', async () => {
    const sim = await start({ faults: { bsg: { kind: 'hang', routes: ['login'] } } })
    const request = fetch(`${sim.config.bsg.baseUrl}/api/auth/login`, {
      method: 'POST',
      body: '{}',
      signal: AbortSignal.timeout(300),
    })
    await expect(request).rejects.toThrow(/abort|timeout/i)
    expect(sim.stats().faults.hang).toBe(1)
    expect(sim.stats().byStatus).toEqual({})
  })

  it('reset: destroys the connection without an answer', async () => {
    const sim = await start({ faults: { 'partner-gateway': { kind: 'reset', on: 1 } } })
    await expect(pgGet(sim, history())).rejects.toThrow(/fetch failed/)
    expect((await pgGet(sim, history())).status).toBe(200)
  })
})

describe('faults: broken bodies', () => {
  it('malformed: a 200 whose body is not JSON', async () => {
    const sim = await start({ faults: { 'partner-gateway': { kind: 'malformed' } } })
    const { response, text } = await pgStatuses(sim)
    expect(response.status).toBe(200)
    expect(text.startsWith('[,{')).toBe(true)
    expect(() => JSON.parse(text)).toThrow()
  })

  it('truncated: a complete HTTP answer carrying the first half of the JSON', async () => {
    const sim = await start()
    const { text: full } = await pgStatuses(sim)
    sim.faults.add('partner-gateway', { kind: 'truncated', on: 1 })
    const { response, text } = await pgStatuses(sim)
    expect(response.status).toBe(200)
    expect(full.startsWith(text)).toBe(true)
    expect(text.length).toBe(Math.floor(full.length / 2))
    expect(() => JSON.parse(text)).toThrow()
    sim.faults.add('spacivox', { kind: 'truncated' })
    const streamed = await (await spacivoxGet(sim, spacivoxWindow)).text()
    expect(streamed.startsWith('[{"campaign":')).toBe(true)
    expect(() => JSON.parse(streamed)).toThrow()
  })
})

describe('faults: schema drift', () => {
  it('unknown-status on a share of records, reflected in the truth as `unknown`', async () => {
    const sim = await start({
      records: 1000,
      faults: { spacivox: { kind: 'drift', drift: 'unknown-status', records: 0.1 } },
    })
    const body = (await (await spacivoxGet(sim, spacivoxWindow)).json()) as { id: number; state: number }[]
    const drifted = body.filter((r) => r.state === 7)
    expect(drifted.length).toBeGreaterThan(50)
    expect(drifted.length).toBeLessThan(150)
    const truth = sim.truth.expected('spacivox')
    for (const record of body) {
      expect(truth.get(String(record.id))).toBe(
        record.state === 7 ? 'unknown' : sim.truth.record('spacivox', String(record.id))?.status,
      )
    }
    expect([...sim.truth.records('spacivox')].filter((r) => r.drifted).map((r) => Number(r.id))).toEqual(
      drifted.map((r) => r.id),
    )
  })

  it('missing optional fields, extra fields, and BSG phone as a string', async () => {
    const sim = await start({
      faults: {
        bsg: [
          { kind: 'drift', drift: 'phone-as-string', routes: ['messages'], on: 1 },
          { kind: 'drift', drift: ['missing-optional', 'extra-fields'], routes: ['messages'], on: 2 },
        ],
      },
    })
    const token = await bsgLogin(sim)
    const first = (await (await bsgMessages(sim, 'page[limit]=15', token)).json()) as {
      data: Record<string, unknown>[]
    }
    expect(first.data.every((m) => typeof m.phone === 'string' && /^\d+$/.test(m.phone as string))).toBe(true)
    const second = (await (await bsgMessages(sim, 'page[limit]=15', token)).json()) as {
      data: Record<string, unknown>[]
    }
    for (const message of second.data) {
      expect(message).not.toHaveProperty('amount')
      expect(message).not.toHaveProperty('sent_at')
      expect(message).toHaveProperty('operator', 'Kyivstar')
      expect(typeof message.status).toBe('string')
    }
    const third = (await (await bsgMessages(sim, 'page[limit]=15', token)).json()) as {
      data: Record<string, unknown>[]
    }
    expect(typeof third.data[0]?.phone).toBe('number')
    expect(third.data[0]).toHaveProperty('amount')
  })

  it('partner-gateway’s wrapped history variant and Italian field names', async () => {
    const sim = await start({
      faults: {
        'partner-gateway': [
          { kind: 'drift', drift: 'wrapped-history', routes: ['history'], on: 1 },
          { kind: 'drift', drift: 'italian-fields', routes: ['batch'] },
        ],
      },
    })
    const wrapped = JSON.parse((await pgStatuses(sim)).text) as { messages: Record<string, unknown>[] }
    expect(wrapped.messages).toHaveLength(20)
    expect(Object.keys(wrapped.messages[0] as object)).toEqual([
      'messageId',
      'channel',
      'direction',
      'destination',
      'sender',
      'body',
      'status',
      'sendDate',
      'deliveryDate',
      'cost',
      'parts',
    ])
    const ids = wrapped.messages.map((m) => m.messageId)
    const batch = (await (await pgGet(sim, `/status?channel=RCS&ids=${ids.join(',')}`)).json()) as Record<
      string,
      unknown
    >[]
    expect(batch).toHaveLength(20)
    for (const item of batch) {
      expect(item).toHaveProperty('deliveryStato')
      expect(item).toHaveProperty('deliveryStatoDescription')
      expect(item).not.toHaveProperty('deliveryStatus')
    }
    expect(Array.isArray(JSON.parse((await pgStatuses(sim)).text))).toBe(true)
  })
})

describe('faults: token expiry and inserted records', () => {
  it('token-expiry invalidates every BSG token: the request gets 401, a new login works', async () => {
    const sim = await start({ faults: { bsg: { kind: 'token-expiry', on: 2 } } })
    const token = await bsgLogin(sim)
    expect((await bsgMessages(sim, '', token)).status).toBe(200)
    expect((await bsgMessages(sim, '', token)).status).toBe(401)
    const fresh = await bsgLogin(sim)
    expect((await bsgMessages(sim, '', fresh)).status).toBe(200)
    expect(sim.stats()).toMatchObject({ logins: 2, tokenInvalidations: 1 })
  })

  it('insert: new records appear at the head of a newest-first listing between two pages', async () => {
    const sim = await start({ faults: { 'partner-gateway': { kind: 'insert', on: 2, count: 2 } } })
    const first = JSON.parse((await pgStatuses(sim, history(0, 10))).text) as { customerMessageId: string }[]
    const second = JSON.parse((await pgStatuses(sim, history(1, 10))).text) as { customerMessageId: string }[]
    // The two inserted records pushed everything down by two: page 1 starts with page 0's last two.
    expect(second.slice(0, 2).map((r) => r.customerMessageId)).toEqual(first.slice(8).map((r) => r.customerMessageId))
    const inserted = sim.truth.inserted('partner-gateway')
    expect(inserted).toHaveLength(2)
    const head = JSON.parse((await pgStatuses(sim, history(0, 10))).text) as { customerMessageId: string }[]
    expect(
      head
        .slice(0, 2)
        .map((r) => r.customerMessageId)
        .sort(),
    ).toEqual([...inserted].sort())
    const expected = sim.truth.expected('partner-gateway', { channel: 'rcs' })
    for (const id of inserted) expect(expected.has(id)).toBe(true)
    expect(sim.truth.count('partner-gateway', { channel: 'rcs' })).toBe(expected.size)
    expect(sim.stats().inserted['partner-gateway']).toBe(2)
  })

  it('insert: BSG’s total grows inside the filtered window; sim.insert adds records directly', async () => {
    const sim = await start({ faults: { bsg: { kind: 'insert', on: 2 } } })
    const token = await bsgLogin(sim)
    const query = `filter[from]=2026-02-20%2000:00:00&filter[to]=2026-02-28%2000:00:00&way=desc`
    const before = (await (await bsgMessages(sim, query, token)).json()) as {
      data: { id: number; created_at: string }[]
      meta: { page: { total: number } }
    }
    const after = (await (await bsgMessages(sim, query, token)).json()) as typeof before
    expect(after.meta.page.total).toBe(before.meta.page.total + 1)
    expect(String(after.data[0]?.id)).toBe(sim.truth.inserted('bsg')[0])
    expect(after.data[0]?.created_at).toBe('2026-02-28 00:00:00')
    const [id] = sim.insert('spacivox', { createdAt: NOW - DAY })
    expect(sim.truth.record('spacivox', id as string)?.inserted).toBe(true)
    const listed = (await (await spacivoxGet(sim, spacivoxWindow)).json()) as { id: number }[]
    expect(listed.map((r) => String(r.id))).toContain(id)
  })
})

describe('faults: selection', () => {
  it('hits the n-th, every n-th, after n, at most n times, and only the given routes', async () => {
    const sim = await start()
    const statuses = async (n: number) => {
      const out: number[] = []
      for (let i = 0; i < n; i++) out.push((await pgGet(sim, history())).status)
      return out
    }
    const off = sim.faults.add('partner-gateway', { kind: 'error', on: [2, 4] })
    expect(await statuses(5)).toEqual([200, 503, 200, 503, 200])
    off()
    sim.faults.add('partner-gateway', { kind: 'error', every: 2, after: 2, times: 2 })
    expect(await statuses(8)).toEqual([200, 200, 200, 503, 200, 503, 200, 200])
    sim.faults.clear()
    sim.faults.add('partner-gateway', { kind: 'error', routes: ['batch'] })
    expect(await statuses(2)).toEqual([200, 200])
    expect((await pgGet(sim, '/status?channel=RCS&ids=a')).status).toBe(503)
    expect(sim.faults.list()).toMatchObject([{ vendor: 'partner-gateway', matched: 1, injected: 1 }])
    expect(() => sim.faults.add('bsg', { kind: 'error', rate: 2 })).toThrow(RangeError)
  })

  it('draws rate faults from the seed: the same seed hits the same requests', async () => {
    const run = async (seed: number) => {
      const sim = await start({ seed, faults: { 'partner-gateway': { kind: 'error', rate: 0.3 } } })
      const out: number[] = []
      for (let i = 0; i < 30; i++) out.push((await pgGet(sim, history(0, 1))).status)
      return out
    }
    const a = await run(5)
    expect(await run(5)).toEqual(a)
    expect(a.filter((s) => s === 503).length).toBeGreaterThan(3)
    expect(a.filter((s) => s === 503).length).toBeLessThan(20)
    expect(await run(6)).not.toEqual(a)
  })
})

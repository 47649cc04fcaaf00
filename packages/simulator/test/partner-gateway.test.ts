import { describe, expect, it } from 'vitest'
import { DAY, iso, NOW, pgGet, useSimulator } from './support.js'

const { start } = useSimulator()

interface StatusResponse {
  customerMessageId: string
  deliveryStatus: string
  deliveryStatusDescription: string | null
  channel: string
  destination: string
  sendDate: string
  deliveryDate: string | null
  cost: number | null
}

const window = `from=${iso(NOW - 8 * DAY)}&to=${iso(NOW)}`

describe('partner-gateway: auth', () => {
  it('answers 401 without credentials or with a wrong key, 200 with X-Api-Key or Basic auth', async () => {
    const sim = await start()
    const id = sim.truth.ids('partner-gateway', { channel: 'rcs' })[0] as string
    const path = `/status/${id}?channel=RCS`
    const missing = await pgGet(sim, path, {})
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({ status: 401, error: 'Unauthorized' })
    expect((await pgGet(sim, path, { 'X-Api-Key': 'wrong' })).status).toBe(401)
    expect((await pgGet(sim, path)).status).toBe(200)
    const { username, password } = sim.credentials['partner-gateway']
    const basic = Buffer.from(`${username}:${password}`).toString('base64')
    expect((await pgGet(sim, path, { Authorization: `Basic ${basic}` })).status).toBe(200)
    const wrongBasic = Buffer.from(`${username}:nope`).toString('base64')
    expect((await pgGet(sim, path, { Authorization: `Basic ${wrongBasic}` })).status).toBe(401)
    expect(sim.stats().unauthorized['partner-gateway']).toBe(3)
  })
})

describe('partner-gateway: single status', () => {
  it('returns the DeliveryStatusResponse scoped to its channel, 404 on a channel mismatch or unknown id', async () => {
    const sim = await start()
    const rcs = sim.truth.records('partner-gateway', { channel: 'rcs' }).next().value
    const sms = sim.truth.records('partner-gateway', { channel: 'sms' }).next().value
    if (rcs === undefined || sms === undefined) throw new Error('expected both channels')
    const ok = await pgGet(sim, `/status/${rcs.id}?channel=RCS`)
    const body = (await ok.json()) as StatusResponse
    expect(body).toEqual(sim.truth.payload('partner-gateway', rcs.id))
    expect(body.customerMessageId).toBe(rcs.id)
    expect(body.deliveryStatus).toBe(rcs.vendorStatus)
    expect(body.destination).toMatch(/^\+\d{10,13}$/)
    expect(body.sendDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/)
    expect((await pgGet(sim, `/status/${rcs.id}?channel=SMS`)).status).toBe(404)
    expect((await pgGet(sim, `/status/${sms.id}?channel=SMS`)).status).toBe(200)
    expect((await pgGet(sim, `/status/${sms.id}?channel=RCS`)).status).toBe(404)
    const unknown = await pgGet(sim, '/status/order-0000?channel=RCS')
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ status: 404, error: 'Not Found' })
    expect((await pgGet(sim, '/status/%E0%A4%A?channel=RCS')).status).toBe(404)
  })

  it('requires a valid channel (400)', async () => {
    const sim = await start()
    const id = sim.truth.ids('partner-gateway')[0] as string
    expect((await pgGet(sim, `/status/${id}`)).status).toBe(400)
    expect((await pgGet(sim, `/status/${id}?channel=rcs`)).status).toBe(400)
  })

  it('never reports READ: partner-gateway gives none through the API', async () => {
    const sim = await start({ records: 2000 })
    const statuses = new Set(Array.from(sim.truth.records('partner-gateway'), (r) => r.vendorStatus))
    expect(statuses.has('READ')).toBe(false)
    expect([...statuses].sort()).toEqual(['DELIVERED', 'ERROR', 'EXPIRED', 'RECEIVED', 'SENT', 'UNKNOWN'])
  })
})

describe('partner-gateway: batch status', () => {
  it('omits unknown ids, ignores duplicates, returns an unordered array, and [] when nothing matches', async () => {
    const sim = await start()
    const ids = sim.truth.ids('partner-gateway', { channel: 'rcs' }).slice(0, 30)
    const response = await pgGet(sim, `/status?channel=RCS&ids=${[...ids, 'order-1', ids[0]].join(',')}`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as StatusResponse[]
    expect(body.map((r) => r.customerMessageId).sort()).toEqual([...ids].sort())
    expect(body.map((r) => r.customerMessageId)).not.toEqual(ids)
    const none = await pgGet(sim, '/status?channel=RCS&ids=nope,order-2')
    expect(none.status).toBe(200)
    expect(await none.json()).toEqual([])
    const wrongChannel = await pgGet(sim, `/status?channel=WHATSAPP&ids=${ids.join(',')}`)
    expect(await wrongChannel.json()).toEqual([])
  })

  it('requires ids and channel (400)', async () => {
    const sim = await start()
    expect((await pgGet(sim, '/status?channel=RCS')).status).toBe(400)
    expect((await pgGet(sim, '/status?ids=a,b')).status).toBe(400)
  })

  it('answers 414 when the request line exceeds the limit, as a proxy would', async () => {
    const sim = await start({ requestLineLimit: 2000 })
    const ids = sim.truth.ids('partner-gateway', { channel: 'rcs' }).slice(0, 100)
    const long = await pgGet(sim, `/status?channel=RCS&ids=${ids.join(',')}`)
    expect(long.status).toBe(414)
    expect(await long.text()).toContain('414 Request-URI Too Large')
    const short = await pgGet(sim, `/status?channel=RCS&ids=${ids.slice(0, 20).join(',')}`)
    expect(short.status).toBe(200)
  })
})

describe('partner-gateway: history', () => {
  it('requires channel, from and to, each with an offset (400 otherwise)', async () => {
    const sim = await start()
    for (const query of [
      `from=${iso(NOW - DAY)}&to=${iso(NOW)}`,
      `channel=RCS&to=${iso(NOW)}`,
      `channel=RCS&from=${iso(NOW - DAY)}`,
      `channel=RCS&from=2026-03-01&to=${iso(NOW)}`,
      `channel=RCS&from=2026-03-01T00:00:00&to=${iso(NOW)}`,
      // '+' not encoded as %2B arrives as a space
      `channel=RCS&from=2026-03-01T00:00:00+01:00&to=${iso(NOW)}`,
      `channel=RCS&${window}&status=READ`,
      `channel=RCS&${window}&page=-1`,
      `channel=RCS&${window}&limit=0`,
      `channel=RCS&${window}&limit=5000`,
    ]) {
      const response = await pgGet(sim, `/history?${query}`)
      expect(response.status, query).toBe(400)
      expect(await response.json()).toMatchObject({ status: 400, error: 'Bad Request' })
    }
    const encoded = await pgGet(sim, `/history?channel=RCS&from=2026-03-01T00:00:00%2B01:00&to=${iso(NOW)}`)
    expect(encoded.status).toBe(200)
  })

  it('pages from 0 with limit, newest first, the last page shorter, together exactly the truth', async () => {
    const sim = await start({ records: 1000 })
    const pages: StatusResponse[][] = []
    for (let page = 0; ; page++) {
      const response = await pgGet(sim, `/history?channel=RCS&${window}&page=${page}&limit=100`)
      expect(response.status).toBe(200)
      const body = (await response.json()) as StatusResponse[]
      pages.push(body)
      if (body.length < 100) break
    }
    const all = pages.flat()
    const expected = sim.truth.expected('partner-gateway', { channel: 'rcs' })
    expect(all).toHaveLength(expected.size)
    expect(new Set(all.map((r) => r.customerMessageId)).size).toBe(all.length)
    for (const record of all) {
      expect(record.channel).toBe('RCS')
      expect(sim.truth.record('partner-gateway', record.customerMessageId)?.vendorStatus).toBe(record.deliveryStatus)
    }
    const sent = all.map((r) => Date.parse(r.sendDate))
    expect([...sent].sort((a, b) => b - a)).toEqual(sent)
    expect((pages.at(-1) as StatusResponse[]).length).toBeLessThan(100)
  })

  it('defaults to 20 per page, both ends inclusive, from > to gives []', async () => {
    const sim = await start()
    const first = sim.truth.records('partner-gateway', { channel: 'rcs' }).next().value
    if (first === undefined) throw new Error('no records')
    const at = Date.parse(first.createdAt)
    const exact = await pgGet(sim, `/history?channel=RCS&from=${iso(at)}&to=${iso(at)}`)
    expect(((await exact.json()) as StatusResponse[]).map((r) => r.customerMessageId)).toContain(first.id)
    const page = (await (await pgGet(sim, `/history?channel=RCS&${window}`)).json()) as StatusResponse[]
    expect(page).toHaveLength(20)
    const reversed = await pgGet(sim, `/history?channel=RCS&from=${iso(NOW)}&to=${iso(NOW - DAY)}`)
    expect(reversed.status).toBe(200)
    expect(await reversed.json()).toEqual([])
  })

  it('filters by one status', async () => {
    const sim = await start({ records: 1000 })
    const body = (await (
      await pgGet(sim, `/history?channel=RCS&${window}&status=ERROR&limit=1000`)
    ).json()) as StatusResponse[]
    const expected = [...sim.truth.records('partner-gateway', { channel: 'rcs' })].filter(
      (r) => r.vendorStatus === 'ERROR',
    )
    expect(body.map((r) => r.customerMessageId).sort()).toEqual(expected.map((r) => r.id).sort())
    expect(new Set(body.map((r) => r.deliveryStatusDescription)).size).toBeGreaterThan(2)
    const page2 = (await (
      await pgGet(sim, `/history?channel=RCS&${window}&status=ERROR&limit=10&page=1`)
    ).json()) as StatusResponse[]
    expect(page2.map((r) => r.customerMessageId)).toEqual(body.slice(10, 20).map((r) => r.customerMessageId))
  })

  it('lets statuses evolve with the clock', async () => {
    const sim = await start({ records: 500 })
    const newest = (await (await pgGet(sim, `/history?channel=RCS&${window}&limit=50`)).json()) as StatusResponse[]
    sim.clock.advance(2 * DAY)
    const later = (await (await pgGet(sim, `/history?channel=RCS&${window}&limit=50`)).json()) as StatusResponse[]
    expect(later.map((r) => r.customerMessageId)).toEqual(newest.map((r) => r.customerMessageId))
    expect(later.map((r) => r.deliveryStatus)).not.toEqual(newest.map((r) => r.deliveryStatus))
    for (const record of later) {
      expect(sim.truth.record('partner-gateway', record.customerMessageId)?.vendorStatus).toBe(record.deliveryStatus)
    }
  })
})

describe('partner-gateway: rate limit', () => {
  it('refuses over the per-key limit with the documented 429 body and X-RateLimit-* headers', async () => {
    const sim = await start({ rateLimit: { limit: 3, windowMs: 60_000 } })
    const path = `/history?channel=RCS&${window}&limit=1`
    const first = await pgGet(sim, path)
    expect(first.headers.get('x-ratelimit-limit')).toBe('3')
    expect(first.headers.get('x-ratelimit-remaining')).toBe('2')
    await pgGet(sim, path)
    await pgGet(sim, path)
    const refused = await pgGet(sim, path)
    expect(refused.status).toBe(429)
    const body = (await refused.json()) as { status: number; error: string; message: string; retryAfter: number }
    expect(body).toMatchObject({ status: 429, error: 'Too Many Requests' })
    expect(body.retryAfter).toBeGreaterThanOrEqual(1)
    expect(body.message).toBe(`Rate limit exceeded. Please retry after ${body.retryAfter} seconds.`)
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0')
  })

  it('resets after the window', async () => {
    const sim = await start({ rateLimit: { limit: 1, windowMs: 300 } })
    const path = `/history?channel=RCS&${window}&limit=1`
    expect((await pgGet(sim, path)).status).toBe(200)
    expect((await pgGet(sim, path)).status).toBe(429)
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect((await pgGet(sim, path)).status).toBe(200)
  })
})

describe('partner-gateway: history quirks the adapter must survive (issue 14)', () => {
  it('historyLimitCap: serves at most the cap per page whatever `limit` asks, paging in the capped size', async () => {
    const sim = await start({ records: 1000, historyLimitCap: 50 })
    const expected = sim.truth.ids('partner-gateway', { channel: 'rcs' })
    const ids: string[] = []
    for (let page = 0; ; page++) {
      const body = (await (
        await pgGet(sim, `/history?channel=RCS&${window}&page=${page}&limit=100`)
      ).json()) as StatusResponse[]
      if (body.length === 0) break
      expect(body.length).toBeLessThanOrEqual(50)
      ids.push(...body.map((r) => r.customerMessageId))
    }
    expect(new Set(ids)).toEqual(new Set(expected))
    expect(ids).toHaveLength(expected.length)
  })

  it('an undocumented-channel drift writes RCS_BUSINESS on records still listed on RCS', async () => {
    const sim = await start({
      faults: { 'partner-gateway': [{ kind: 'drift', drift: 'undocumented-channel', routes: ['history'] }] },
    })
    const body = (await (await pgGet(sim, `/history?channel=RCS&${window}&limit=5`)).json()) as StatusResponse[]
    expect(body.map((r) => r.channel)).toEqual(Array(5).fill('RCS_BUSINESS'))
  })

  it('an inbound-reply drift lists a reply (direction INBOUND) right after its record', async () => {
    const sim = await start({
      faults: { 'partner-gateway': [{ kind: 'drift', drift: 'inbound-reply', routes: ['history'] }] },
    })
    const body = (await (await pgGet(sim, `/history?channel=RCS&${window}&limit=3`)).json()) as Array<
      Record<string, unknown>
    >
    expect(body).toHaveLength(6)
    expect(body.map((item) => item.direction ?? 'record')).toEqual([
      'record',
      'INBOUND',
      'record',
      'INBOUND',
      'record',
      'INBOUND',
    ])
    expect(body[1]?.messageId).toBe(`${body[0]?.customerMessageId}-reply`)
  })

  it('refuses a historyLimitCap that is not a positive integer', async () => {
    await expect(start({ historyLimitCap: 0 })).rejects.toThrow(/historyLimitCap/)
  })
})

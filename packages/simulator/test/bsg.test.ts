import { describe, expect, it } from 'vitest'
import { bsgLogin, bsgMessages, DAY, HOUR, kyiv, NOW, useSimulator } from './support.js'

const { start } = useSimulator()

interface Message {
  id: number
  campaign_id: number
  reference_id: string | null
  type: string
  phone: number | string
  status: string
  amount: { value: string; currency: string }
  created_at: string
  sent_at: string | null
  delivered_at: string | null
  alternative_channels: { sms: { parts: number; id: number[] } } | null
}
interface Page {
  data: Message[]
  meta: { page: { total: number; offset: number; limit: number } }
}

const decodeJwt = (token: string) =>
  token.split('.').map((part, i) => (i < 2 ? JSON.parse(Buffer.from(part, 'base64url').toString()) : part))

const fullWindow = `filter[from]=${kyiv(NOW - 8 * DAY)}&filter[to]=${kyiv(NOW)}`

describe('BSG: auth', () => {
  it('logs in with the api key and issues a real JWT with iat and exp (the configured lifetime)', async () => {
    const sim = await start({ tokenLifetimeMs: 2 * HOUR })
    const token = await bsgLogin(sim)
    const [header, claims] = decodeJwt(token)
    expect(header).toEqual({ typ: 'JWT', alg: 'HS256' })
    expect(claims.iat).toBe(Math.floor(NOW / 1000))
    expect(claims.exp - claims.iat).toBe(2 * 3600)
    expect(sim.stats().logins).toBe(1)
  })

  it('refuses a wrong key (401) and a missing one (422)', async () => {
    const sim = await start()
    const login = (body: string) =>
      fetch(`${sim.config.bsg.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
    expect((await login(JSON.stringify({ api_key: 'live_wrong' }))).status).toBe(401)
    const missing = await login('{}')
    expect(missing.status).toBe(422)
    expect(await missing.json()).toEqual({
      message: 'The given data was invalid.',
      errors: { api_key: ['The api key field is required.'] },
    })
    expect((await login(JSON.stringify({ api_key: sim.credentials.bsg.testApiKey }))).status).toBe(200)
  })

  it('answers 401 without a token, with a forged one, and once it expired on the simulator clock', async () => {
    const sim = await start({ tokenLifetimeMs: 60_000 })
    const token = await bsgLogin(sim)
    expect((await bsgMessages(sim, '', token)).status).toBe(200)
    const none = await fetch(`${sim.config.bsg.baseUrl}/api/messages`)
    expect(none.status).toBe(401)
    expect(await none.json()).toMatchObject({ message: 'Unauthenticated.' })
    const [h, p] = token.split('.')
    expect((await bsgMessages(sim, '', `${h}.${p}.forged`)).status).toBe(401)
    sim.clock.advance(61_000)
    const expired = await bsgMessages(sim, '', token)
    expect(expired.status).toBe(401)
    expect(await expired.json()).toMatchObject({ error: 'token_expired' })
  })

  it('refreshes a valid token into a new one; expireTokens() invalidates every token issued so far', async () => {
    const sim = await start()
    const token = await bsgLogin(sim)
    sim.clock.advance(1000)
    const refreshed = await fetch(`${sim.config.bsg.baseUrl}/api/auth/refresh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(refreshed.status).toBe(200)
    const { bearer } = (await refreshed.json()) as { bearer: string }
    expect(bearer).not.toBe(token)
    expect(decodeJwt(bearer)[1].exp).toBeGreaterThan(decodeJwt(token)[1].exp)
    expect((await bsgMessages(sim, '', bearer)).status).toBe(200)
    sim.expireTokens()
    expect((await bsgMessages(sim, '', bearer)).status).toBe(401)
    const noToken = await fetch(`${sim.config.bsg.baseUrl}/api/auth/refresh`, { method: 'POST' })
    expect(noToken.status).toBe(401)
    expect(sim.stats()).toMatchObject({ logins: 1, refreshes: 1, tokenInvalidations: 1 })
  })
})

describe('BSG: /api/messages', () => {
  it('pages with page[limit]/page[offset] and meta.page.total; together exactly the truth, in id order', async () => {
    const sim = await start({ records: 700 })
    const token = await bsgLogin(sim)
    const all: Message[] = []
    let total = Number.POSITIVE_INFINITY
    for (let offset = 0; offset < total; offset += 200) {
      const page = (await (
        await bsgMessages(sim, `${fullWindow}&page[limit]=200&page[offset]=${offset}`, token)
      ).json()) as Page
      expect(page.meta.page).toEqual({ total: 700, offset, limit: 200 })
      total = page.meta.page.total
      all.push(...page.data)
    }
    expect(all.map((m) => m.id)).toEqual([...all.map((m) => m.id)].sort((a, b) => a - b))
    expect(new Map(all.map((m) => [String(m.id), m.status]))).toEqual(
      new Map([...sim.truth.records('bsg')].map((r) => [r.id, r.vendorStatus])),
    )
    expect(new Map(all.map((m) => [String(m.id), sim.truth.record('bsg', String(m.id))?.status]))).toEqual(
      sim.truth.expected('bsg'),
    )
  })

  it('defaults to 50 per page and validates page[limit] 15–500, page[offset], sort and way (422)', async () => {
    const sim = await start()
    const token = await bsgLogin(sim)
    const page = (await (await bsgMessages(sim, '', token)).json()) as Page
    expect(page.data).toHaveLength(50)
    expect(page.meta.page).toMatchObject({ offset: 0, limit: 50 })
    for (const query of ['page[limit]=14', 'page[limit]=501', 'page[offset]=-1', 'sort=status', 'way=up']) {
      const response = await bsgMessages(sim, query, token)
      expect(response.status, query).toBe(422)
      const body = (await response.json()) as { message: string; errors: Record<string, string[]> }
      expect(body.message).toBe('The given data was invalid.')
      expect(Object.values(body.errors).flat().length).toBeGreaterThan(0)
    }
    expect((await bsgMessages(sim, 'page[limit]=15', token)).status).toBe(200)
    expect((await bsgMessages(sim, 'page[limit]=500', token)).status).toBe(200)
  })

  it('enforces the yyyy-mm-dd hh:mm:ss format, no future dates and at most 3 months (422)', async () => {
    const sim = await start()
    const token = await bsgLogin(sim)
    const cases: Record<string, string> = {
      'filter[from]=2026-03-01T00:00:00Z': 'filter.from',
      [`filter[to]=${kyiv(NOW + DAY)}`]: 'filter.to',
      [`filter[from]=${kyiv(NOW + DAY)}&filter[to]=${kyiv(NOW + 2 * DAY)}`]: 'filter.from',
      [`filter[from]=${kyiv(NOW - 100 * DAY)}&filter[to]=${kyiv(NOW)}`]: 'filter.to',
      [`filter[from]=${kyiv(NOW - DAY)}&filter[to]=${kyiv(NOW - 2 * DAY)}`]: 'filter.to',
    }
    for (const [query, field] of Object.entries(cases)) {
      const response = await bsgMessages(sim, query, token)
      expect(response.status, query).toBe(422)
      const body = (await response.json()) as { errors: Record<string, string[]> }
      expect(Object.keys(body.errors), query).toContain(field)
    }
    const threeMonths = `filter[from]=${kyiv(NOW - 89 * DAY)}&filter[to]=${kyiv(NOW)}`
    expect((await bsgMessages(sim, threeMonths, token)).status).toBe(200)
  })

  it('filters by a window in the configured zone, both ends inclusive to the second', async () => {
    const sim = await start({ records: 500 })
    const token = await bsgLogin(sim)
    const target = [...sim.truth.records('bsg')][250]
    if (target === undefined) throw new Error('no record')
    const at = Date.parse(target.createdAt)
    const page = (await (
      await bsgMessages(sim, `filter[from]=${kyiv(at)}&filter[to]=${kyiv(at)}`, token)
    ).json()) as Page
    expect(page.data.map((m) => String(m.id))).toContain(target.id)
    const created = page.data.find((m) => String(m.id) === target.id)?.created_at
    expect(created).toBe(decodeURIComponent(kyiv(at)))
    const expected = sim.truth.ids('bsg', { from: at - 3 * HOUR, to: at + 3 * HOUR + 1000 })
    const windowed = (await (
      await bsgMessages(
        sim,
        `filter[from]=${kyiv(at - 3 * HOUR)}&filter[to]=${kyiv(at + 3 * HOUR)}&page[limit]=500`,
        token,
      )
    ).json()) as Page
    expect(windowed.data.map((m) => String(m.id))).toEqual(expected)
    expect(windowed.meta.page.total).toBe(expected.length)
  })

  it('filters by campaign_id, reference_id and id', async () => {
    const sim = await start({ records: 900 })
    const token = await bsgLogin(sim)
    const all = (await (await bsgMessages(sim, 'page[limit]=500', token)).json()) as Page
    const sample = all.data[123] as Message
    const byCampaign = (await (
      await bsgMessages(sim, `filter[campaign_id]=${sample.campaign_id}&page[limit]=500`, token)
    ).json()) as Page
    expect(byCampaign.data.length).toBeGreaterThan(100)
    expect(byCampaign.data.every((m) => m.campaign_id === sample.campaign_id)).toBe(true)
    const withReference = all.data.find((m) => m.reference_id !== null) as Message
    const byReference = (await (
      await bsgMessages(sim, `filter[reference_id]=${withReference.reference_id}`, token)
    ).json()) as Page
    expect(byReference.data.map((m) => m.id)).toEqual([withReference.id])
    const byId = (await (await bsgMessages(sim, `filter[id]=${sample.id}`, token)).json()) as Page
    expect(byId.data.map((m) => m.id)).toEqual([sample.id])
    expect(byId.meta.page.total).toBe(1)
    const unknown = (await (await bsgMessages(sim, 'filter[id]=1', token)).json()) as Page
    expect(unknown).toMatchObject({ data: [], meta: { page: { total: 0 } } })
    expect((await bsgMessages(sim, 'filter[id]=abc', token)).status).toBe(422)
    expect((await bsgMessages(sim, 'filter[reference_id]=has-dash', token)).status).toBe(422)
  })

  it('sorts by id, phone or delivered, asc or desc', async () => {
    const sim = await start({ records: 200 })
    const token = await bsgLogin(sim)
    const get = async (query: string) =>
      ((await (await bsgMessages(sim, `page[limit]=500&${query}`, token)).json()) as Page).data
    const desc = await get('way=desc')
    expect(desc.map((m) => m.id)).toEqual([...desc.map((m) => m.id)].sort((a, b) => b - a))
    const byPhone = await get('sort=phone')
    expect(byPhone.map((m) => Number(m.phone))).toEqual([...byPhone.map((m) => Number(m.phone))].sort((a, b) => a - b))
    const byDelivered = await get('sort=delivered&way=desc')
    const delivered = byDelivered.map((m) => m.delivered_at ?? '')
    expect(delivered).toEqual([...delivered].sort().reverse())
  })

  it('serves phone as a number, 7-place amounts, and RCS fallbacks whose SMS can be fetched by filter[id]', async () => {
    const sim = await start({ records: 600 })
    const token = await bsgLogin(sim)
    const all: Message[] = []
    for (let offset = 0; offset < 600; offset += 500) {
      all.push(
        ...((await (await bsgMessages(sim, `page[limit]=500&page[offset]=${offset}`, token)).json()) as Page).data,
      )
    }
    expect(all.every((m) => typeof m.phone === 'number' && /^\d+\.\d{7}$/.test(m.amount.value))).toBe(true)
    const withFallback = all.filter((m) => m.alternative_channels !== null)
    expect(withFallback.length).toBeGreaterThan(5)
    for (const rcs of withFallback.slice(0, 5)) {
      expect(rcs.type).toBe('rcs')
      const smsId = rcs.alternative_channels?.sms.id[0]
      const sms = (await (await bsgMessages(sim, `filter[id]=${smsId}`, token)).json()) as Page
      expect(sms.data).toHaveLength(1)
      expect(sms.data[0]).toMatchObject({ id: smsId, type: 'sms', phone: rcs.phone })
    }
  })
})

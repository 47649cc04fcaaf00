import { describe, expect, it } from 'vitest'
import { DAY, HOUR, iso, NOW, spacivoxGet, useSimulator } from './support.js'

const { start } = useSimulator()

interface RcsRecordWire {
  campaign: number
  id: number
  job: number
  number: string
  portal: number | null
  reference: string
  state: number
  team: number
  timestamp: string
  content_message?: unknown
}

const fullWindow = `start=${iso(NOW - 8 * DAY)}&end=${iso(NOW)}`

describe('/j/rcs_records', () => {
  it('answers 403 without the Bearer token (not 401)', async () => {
    const sim = await start()
    expect((await spacivoxGet(sim, fullWindow, {})).status).toBe(403)
    expect((await spacivoxGet(sim, fullWindow, { authorization: 'Bearer wrong' })).status).toBe(403)
    expect((await spacivoxGet(sim, fullWindow, { authorization: sim.config.spacivox.token })).status).toBe(403)
    expect((await spacivoxGet(sim, fullWindow)).status).toBe(200)
  })

  it('requires start and end (400)', async () => {
    const sim = await start()
    expect((await spacivoxGet(sim, `start=${iso(NOW - DAY)}`)).status).toBe(400)
    expect((await spacivoxGet(sim, `end=${iso(NOW)}`)).status).toBe(400)
    expect((await spacivoxGet(sim, `start=yesterday&end=${iso(NOW)}`)).status).toBe(400)
    expect((await spacivoxGet(sim, `start=${iso(NOW)}&end=${iso(NOW - DAY)}`)).status).toBe(400)
    expect((await spacivoxGet(sim, `${fullWindow}&team=x`)).status).toBe(400)
  })

  it('returns a bare, unpaginated array of the window [start, end), exactly the truth', async () => {
    const sim = await start({ records: 3000 })
    const from = NOW - 3 * DAY
    const to = NOW - DAY
    const body = (await (await spacivoxGet(sim, `start=${iso(from)}&end=${iso(to)}`)).json()) as RcsRecordWire[]
    expect(Array.isArray(body)).toBe(true)
    expect(body.length).toBeGreaterThan(500)
    expect(new Map(body.map((r) => [String(r.id), r.state]))).toEqual(
      new Map([...sim.truth.records('spacivox', { from, to })].map((r) => [r.id, r.vendorStatus])),
    )
    for (const record of body) {
      const t = Date.parse(record.timestamp)
      expect(t >= from && t < to).toBe(true)
      expect(record.number).toMatch(/^\+3\d{10}$/)
      expect(record.content_message).toBeUndefined()
    }
    expect(Object.keys(body[0] as object)).toEqual([
      'campaign',
      'id',
      'job',
      'number',
      'portal',
      'reference',
      'state',
      'team',
      'timestamp',
    ])
  })

  it('filters by team and adds content_message on include=content_message', async () => {
    const sim = await start({ records: 2000 })
    const all = (await (await spacivoxGet(sim, fullWindow)).json()) as RcsRecordWire[]
    const teams = new Set(all.map((r) => r.team))
    expect(teams.size).toBeGreaterThan(1)
    const team = [...teams][0] as number
    const filtered = (await (
      await spacivoxGet(sim, `${fullWindow}&team=${team}&include=content_message`)
    ).json()) as RcsRecordWire[]
    expect(filtered.map((r) => r.id)).toEqual(all.filter((r) => r.team === team).map((r) => r.id))
    expect(filtered.every((r) => typeof r.content_message === 'object' && r.content_message !== null)).toBe(true)
    expect(filtered.map((r) => String(r.id))).toEqual(sim.truth.ids('spacivox', { team }))
  })

  it('accepts modified_since only within the past 48 hours, and returns only records changed after it', async () => {
    const sim = await start({ records: 3000 })
    expect((await spacivoxGet(sim, `${fullWindow}&modified_since=${iso(NOW - 49 * HOUR)}`)).status).toBe(400)
    expect((await spacivoxGet(sim, `${fullWindow}&modified_since=${iso(NOW + HOUR)}`)).status).toBe(400)
    const since = NOW - 6 * HOUR
    const changed = (await (
      await spacivoxGet(sim, `${fullWindow}&modified_since=${iso(since)}`)
    ).json()) as RcsRecordWire[]
    const expected = sim.truth.ids('spacivox', { modifiedSince: since })
    expect(changed.map((r) => String(r.id))).toEqual(expected)
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.length).toBeLessThan(sim.truth.count('spacivox'))
    // Records created before the cut-off but changed after it are included.
    expect(changed.some((r) => Date.parse(r.timestamp) < since)).toBe(true)
  })

  it('streams a large answer in one response', async () => {
    const sim = await start({ records: 60_000 })
    const response = await spacivoxGet(sim, fullWindow)
    expect(response.headers.get('content-length')).toBeNull()
    const body = (await response.json()) as RcsRecordWire[]
    expect(body).toHaveLength(60_000)
    expect(sim.stats().recordsServed.spacivox).toBe(60_000)
  })
})

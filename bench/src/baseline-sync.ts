import { formatZonedTimestamp } from '@rcs-records/core/kit'
import type { Simulator, Vendor } from '@rcs-records/simulator'
import ky from 'ky'

/**
 * Page sizes shared by our `list()` and the bare baseline, so both move the same pages.
 *
 * @example
 * PAGE_SIZES.bsg // 500
 */
export const PAGE_SIZES = { 'partner-gateway': 1000, bsg: 500, spacivoxSliceHours: 24 } as const

const countArray = (body: unknown): number => (Array.isArray(body) ? body.length : 0)

/**
 * The baseline a user would write by hand: a bare ky loop that fetches the same pages as the adapter, one after
 * the other, and only `JSON.parse`s them (no validation, no normalisation, no retries). Returns the records seen.
 * `sizes`: the page sizes (default {@link PAGE_SIZES}).
 *
 * @example
 * const count = await bareSync('bsg', sim.config, sim.windows.bsg)
 */
export const bareSync = async (
  vendor: Vendor,
  config: Simulator['config'],
  window: { from: string; to: string },
  sizes: { 'partner-gateway': number; bsg: number; spacivoxSliceHours: number } = PAGE_SIZES,
): Promise<number> => {
  let seen = 0
  if (vendor === 'partner-gateway') {
    const { baseUrl, apiKey } = config['partner-gateway']
    const limit = sizes['partner-gateway']
    for (let page = 0; ; page++) {
      const text = await ky
        .get(`${baseUrl}/partner-gateway/v1/messages/history`, {
          headers: { 'X-Api-Key': apiKey },
          searchParams: { channel: 'RCS', from: window.from, to: window.to, page, limit },
        })
        .text()
      const items = countArray(JSON.parse(text))
      seen += items
      if (items < limit) return seen
    }
  }
  if (vendor === 'bsg') {
    const { baseUrl, apiKey, timeZone } = config.bsg
    const { bearer } = await ky
      .post(`${baseUrl}/api/auth/login`, { json: { api_key: apiKey } })
      .json<{ bearer: string }>()
    const limit = sizes.bsg
    for (let offset = 0; ; offset += limit) {
      const text = await ky
        .get(`${baseUrl}/api/messages`, {
          headers: { authorization: `Bearer ${bearer}` },
          searchParams: {
            'filter[from]': formatZonedTimestamp(new Date(window.from), timeZone),
            'filter[to]': formatZonedTimestamp(new Date(window.to), timeZone),
            'page[limit]': limit,
            'page[offset]': offset,
            sort: 'id',
            way: 'asc',
          },
        })
        .text()
      const body = JSON.parse(text) as { data: unknown[]; meta: { page: { total: number } } }
      seen += body.data.length
      if (body.data.length === 0 || offset + limit >= body.meta.page.total) return seen
    }
  }
  const { baseUrl, token } = config.spacivox
  const sliceMs = sizes.spacivoxSliceHours * 3_600_000
  const end = Date.parse(window.to)
  for (let start = Date.parse(window.from); start < end; start += sliceMs) {
    const text = await ky
      .get(`${baseUrl}/j/rcs_records`, {
        headers: { authorization: `Bearer ${token}` },
        searchParams: {
          start: new Date(start).toISOString(),
          end: new Date(Math.min(end, start + sliceMs)).toISOString(),
        },
      })
      .text()
    seen += countArray(JSON.parse(text))
  }
  return seen
}

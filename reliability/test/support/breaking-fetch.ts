import type { Vendor } from '@rcs-records/simulator'

/** How a record is broken on its way from the simulator to the client. */
export type Breakage = 'drop-id' | 'drop-status' | 'retype-status'

/** One record that was broken, as the client received it. */
export interface BrokenRecord {
  breakage: Breakage
  /** The record's id before it was broken. */
  id: string
  /** The broken record, as sent. */
  sent: Record<string, unknown>
}

const FIELDS: Readonly<Record<Vendor, { id: string; status: string; items: (body: unknown) => unknown[] | null }>> = {
  'partner-gateway': {
    id: 'customerMessageId',
    status: 'deliveryStatus',
    items: (body) => (Array.isArray(body) ? body : null),
  },
  bsg: {
    id: 'id',
    status: 'status',
    items: (body) => {
      const data = (body as { data?: unknown } | null)?.data
      return Array.isArray(data) ? data : null
    },
  },
  spacivox: { id: 'id', status: 'state', items: (body) => (Array.isArray(body) ? body : null) },
}

const LISTING_PATH: Readonly<Record<Vendor, string>> = {
  'partner-gateway': '/messages/history',
  bsg: '/api/messages',
  spacivox: '/j/rcs_records',
}

/**
 * A `fetch` for the client's `http.fetch` that breaks some records of the vendor's listing answers, in order:
 * record k (counted across the whole sync) loses its id when k % 37 === 5, loses its status when k % 37 === 17,
 * and gets an object for a status when k % 37 === 29. The rest of each page is left alone.
 */
export const breakingFetch = (vendor: Vendor): { fetch: typeof fetch; broken: BrokenRecord[] } => {
  const fields = FIELDS[vendor]
  const broken: BrokenRecord[] = []
  let counter = 0
  const breakRecord = (item: Record<string, unknown>): void => {
    const k = counter++ % 37
    const breakage: Breakage | null = k === 5 ? 'drop-id' : k === 17 ? 'drop-status' : k === 29 ? 'retype-status' : null
    if (breakage === null) return
    const id = String(item[fields.id])
    if (breakage === 'drop-id') delete item[fields.id]
    else if (breakage === 'drop-status') delete item[fields.status]
    else item[fields.status] = { value: item[fields.status] }
    broken.push({ breakage, id, sent: structuredClone(item) })
  }
  const wrapped: typeof fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init)
    const url = input instanceof Request ? input.url : String(input)
    if (!response.ok || !new URL(url).pathname.endsWith(LISTING_PATH[vendor])) return response
    const body: unknown = await response.json()
    for (const item of fields.items(body) ?? []) breakRecord(item as Record<string, unknown>)
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    headers.delete('content-encoding')
    return new Response(JSON.stringify(body), { status: response.status, headers })
  }
  return { fetch: wrapped, broken }
}

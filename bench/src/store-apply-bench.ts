import { createNormalizer as createBsgNormalizer } from '@rcs-records/bsg'
import type { RcsRecord } from '@rcs-records/core'
import { generateVendorPage } from '@rcs-records/simulator'
import { openStore, type RecordStore } from '@rcs-records/store'
import { collectGarbage, median, since } from './stats.js'

/**
 * `store.apply` throughput against the floor: a plain multi-row `INSERT … ON CONFLICT DO NOTHING` of the same rows
 * into a table like `rcs_records` (same columns, same indexes: `LIKE … INCLUDING ALL`) on the same database, in
 * batches of the same size, each its own transaction. Both sides get fresh message ids each run (first sight).
 *
 * @example
 * const result = await benchStoreApply(undefined, { records: 20_000, runs: 5 })
 */
export interface StoreApplyResult {
  engine: string
  records: number
  /** Median ms of `apply` (new messages: insert, change log). */
  oursMs: number
  /** Median ms of the same records applied again as a later status (lock, merge, update, change log). */
  updateMs: number
  floorMs: number
  /** Our records/s ÷ the floor's. Target ≥ 0.5. */
  ratio: number
}

const BATCH = 1_000

/** BSG-shaped records, normalised from the simulator's documented payloads (a realistic mix of fields). */
const sampleRecords = (count: number): RcsRecord[] => {
  const normalize = createBsgNormalizer('Europe/Kyiv')
  return generateVendorPage('bsg', { count, seed: 5 }).map((payload) => {
    const result = normalize(payload)
    if (result._tag === 'Left') throw result.left
    return result.right
  })
}

const FLOOR_COLUMNS = `provider, id, reference, channel, recipient, sender, campaign, status, final, reason_code,
  reason_permanent, reason_vendor_code, reason_message, vendor_status, vendor_status_number, vendor_description,
  created_at, sent_at, delivered_at, read_at, updated_at, cost_amount, cost_currency, fallback_channel, fallback_ids,
  fallback_parts, extra, raw`

const FLOOR_TYPES = `provider text, id text, reference text, channel text, recipient text, sender text, campaign text,
  status text, final boolean, reason_code text, reason_permanent boolean, reason_vendor_code text,
  reason_message text, vendor_status text, vendor_status_number boolean, vendor_description text,
  created_at timestamptz, sent_at timestamptz, delivered_at timestamptz, read_at timestamptz, updated_at timestamptz,
  cost_amount numeric, cost_currency text, fallback_channel text, fallback_ids text[], fallback_parts float8,
  extra jsonb, raw jsonb`

/** The row a hand-written insert would send: the record's fields as columns, nothing checked, nothing merged. */
const floorRow = (r: RcsRecord) => ({
  provider: r.provider,
  id: r.id,
  reference: r.reference,
  channel: r.channel,
  recipient: r.recipient,
  sender: r.sender,
  campaign: r.campaign,
  status: r.status,
  final: r.final,
  reason_code: r.reason?.code ?? null,
  reason_permanent: r.reason?.permanent ?? null,
  reason_vendor_code: r.reason?.vendorCode ?? null,
  reason_message: r.reason?.message ?? null,
  vendor_status: String(r.vendorStatus),
  vendor_status_number: typeof r.vendorStatus === 'number',
  vendor_description: r.vendorDescription,
  created_at: r.createdAt,
  sent_at: r.sentAt,
  delivered_at: r.deliveredAt,
  read_at: r.readAt,
  updated_at: r.updatedAt,
  cost_amount: r.cost?.amount ?? null,
  cost_currency: r.cost?.currency ?? null,
  fallback_channel: r.fallback?.channel ?? null,
  fallback_ids: r.fallback?.ids ?? null,
  fallback_parts: r.fallback?.parts ?? null,
  extra: r.extra,
  raw: r.raw,
})

const floorInsert = async (store: RecordStore, records: readonly RcsRecord[]) => {
  for (let offset = 0; offset < records.length; offset += BATCH) {
    const rows = records.slice(offset, offset + BATCH).map(floorRow)
    await store.sql(
      `INSERT INTO bench_floor (${FLOOR_COLUMNS})
       SELECT ${FLOOR_COLUMNS} FROM json_to_recordset($1::json) AS r(${FLOOR_TYPES})
       ON CONFLICT (provider, id) DO NOTHING`,
      [JSON.stringify(rows)],
    )
  }
}

/**
 * Alternates the floor and `apply` (`runs` each, order switching every run) on one store and compares medians.
 *
 * @example
 * (await benchStoreApply(process.env.RCS_RECORDS_BENCH_POSTGRES_URL, { records: 20_000, runs: 5 })).ratio
 */
export const benchStoreApply = async (
  url: string | undefined,
  options: { records: number; runs: number },
): Promise<StoreApplyResult> => {
  const sample = sampleRecords(options.records)
  const store = await openStore(url, { batchSize: BATCH })
  try {
    await store.sql('DROP TABLE IF EXISTS bench_floor')
    await store.sql('CREATE TABLE bench_floor (LIKE rcs_records INCLUDING ALL)')
    const ours: number[] = []
    const updates: number[] = []
    const floor: number[] = []
    for (let run = 0; run < options.runs + 1; run++) {
      // Fresh message ids each run, so both sides insert; run 0 warms both up and is not counted.
      const provider = `bench-${Date.now()}-${run}`
      const records = sample.map((record) => ({ ...record, provider }))
      const later = records.map((record) => ({
        ...record,
        status: 'read' as const,
        final: true,
        reason: null,
        readAt: record.createdAt,
        updatedAt: '2030-01-01T00:00:00.000Z',
      }))
      const timeFloor = async () => {
        collectGarbage()
        const start = performance.now()
        await floorInsert(store, records)
        return since(start)
      }
      const timeOurs = async () => {
        collectGarbage()
        const start = performance.now()
        await store.apply(records)
        return since(start)
      }
      let floorMs: number
      let oursMs: number
      if (run % 2 === 0) {
        floorMs = await timeFloor()
        oursMs = await timeOurs()
      } else {
        oursMs = await timeOurs()
        floorMs = await timeFloor()
      }
      collectGarbage()
      const updateStart = performance.now()
      await store.apply(later)
      const updateMs = since(updateStart)
      if (run === 0) continue
      floor.push(floorMs)
      ours.push(oursMs)
      updates.push(updateMs)
    }
    const oursMs = median(ours)
    const floorMs = median(floor)
    return {
      engine: store.engine === 'pglite' ? 'PGlite' : 'PostgreSQL',
      records: options.records,
      oursMs,
      updateMs: median(updates),
      floorMs,
      ratio: floorMs / oursMs,
    }
  } finally {
    await store.sql('DROP TABLE IF EXISTS bench_floor').catch(() => {})
    await store.close()
  }
}

import type { DecodeErrorDetails, RcsError } from '@rcs-records/core'
import type { Simulator, Vendor } from '@rcs-records/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrokenRecord, breakingFetch } from './support/breaking-fetch.js'
import { captureLogger } from './support/logger.js'
import { startFrozenSimulator, truthOf, type Window, windowOfExactly } from './support/simulator.js'
import { asRcsError, compareWithTruth, runList } from './support/sync.js'
import { clientFor, FAST_HTTP, VENDORS } from './support/vendors.js'

const RECORDS = 3_000
const SETTINGS: Readonly<Record<Vendor, Record<string, unknown>>> = {
  'partner-gateway': { pageSize: 200 },
  bsg: { pageSize: 200 },
  // One slice in flight: answers arrive in the order they are consumed, so breakages and reports line up.
  spacivox: { sliceHours: 12, concurrency: 1 },
}
/** The decode path that names each breakage, per vendor. */
const PATHS: Readonly<Record<Vendor, { id: string; status: string }>> = {
  'partner-gateway': { id: 'customerMessageId', status: 'deliveryStatus' },
  bsg: { id: 'id', status: 'status' },
  spacivox: { id: 'id', status: 'state' },
}

describe.each(VENDORS)('%s: bad records inside good pages', (vendor) => {
  let sim: Simulator
  let window: Window
  let truth: Map<string, string>

  beforeAll(async () => {
    sim = await startFrozenSimulator({
      records: { 'partner-gateway': 0, bsg: 0, spacivox: 0, [vendor]: RECORDS + 600 },
    })
    window = windowOfExactly(sim, vendor, RECORDS)
    truth = truthOf(sim, vendor, window)
  })
  afterAll(() => sim.close())

  const setUp = () => {
    const breaking = breakingFetch(vendor)
    const captured = captureLogger()
    const client = clientFor(vendor, {
      config: { ...sim.config[vendor], ...SETTINGS[vendor] },
      http: { ...FAST_HTTP, fetch: breaking.fetch },
      logger: captured.logger,
    })
    const query = { from: new Date(window.from), to: new Date(window.to) }
    return { broken: breaking.broken, captured, client, query }
  }

  const expectReported = (error: RcsError, record: BrokenRecord) => {
    expect(error.kind).toBe('decode')
    expect(error.provider).toBe(vendor)
    const details = error.details as DecodeErrorDetails
    const paths = details.issues.map((issue) => issue.path)
    expect(paths).toContain(record.breakage === 'drop-id' ? PATHS[vendor].id : PATHS[vendor].status)
    expect(details.raw).toEqual(record.sent)
    expect(details.id).toBe(record.breakage === 'drop-id' ? null : record.id)
  }

  it('skips each bad record, reports it to onInvalid with its path, id and raw record, and syncs all the others', async () => {
    const { broken, captured, client, query } = setUp()
    const reported: RcsError[] = []
    const outcome = await runList(client, { ...query, onInvalid: (error) => reported.push(error) })
    expect(outcome.error).toBeNull()
    const rest = RECORDS % 37
    expect(broken.length).toBe(3 * Math.floor(RECORDS / 37) + [5, 17, 29].filter((k) => k < rest).length)
    expect(reported).toHaveLength(broken.length)
    for (const [index, error] of reported.entries()) expectReported(error, broken[index] as BrokenRecord)
    const good = new Map(truth)
    for (const record of broken) good.delete(record.id)
    const comparison = compareWithTruth(outcome.records, good)
    expect(comparison.lost).toEqual([])
    expect(comparison.unexpected).toEqual([])
    expect(comparison.wrongStatus).toEqual([])
    expect(comparison.duplicated).toBe(0)
    expect(outcome.records).toHaveLength(RECORDS - broken.length)
    expect(captured.warnings()).toEqual([])
  })

  it('without onInvalid, warns through the client logger with the decode path and the readable id', async () => {
    const { broken, captured, client, query } = setUp()
    const outcome = await runList(client, query)
    expect(outcome.error).toBeNull()
    expect(outcome.records).toHaveLength(RECORDS - broken.length)
    const warnings = captured.warnings()
    expect(warnings).toHaveLength(broken.length)
    warnings.forEach((warning, index) => {
      const record = broken[index] as BrokenRecord
      expect(warning.fields).toMatchObject({
        provider: vendor,
        id: record.breakage === 'drop-id' ? null : record.id,
      })
      expect(warning.fields?.paths).toContain(record.breakage === 'drop-id' ? PATHS[vendor].id : PATHS[vendor].status)
    })
  })

  it('with strict: true, throws the first bad record’s decode error after yielding the good records before it', async () => {
    const { broken, client, query } = setUp()
    const outcome = await runList(client, { ...query, strict: true })
    const error = asRcsError(outcome.error)
    expectReported(error, broken[0] as BrokenRecord)
    // The first broken record is the 6th of the first answer (k = 5).
    expect(outcome.records).toHaveLength(5)
    const comparison = compareWithTruth(outcome.records, truth)
    expect(comparison.invalid).toEqual([])
    expect(comparison.unexpected).toEqual([])
    expect(comparison.wrongStatus).toEqual([])
  })
})

import type { DeliveryStatus, ListQuery, RcsRecord } from '@rcs-records/core'
import type { ConformanceCheck } from '../check.js'
import { report, skipped } from '../check.js'
import { drainList, expectThrownKind, windowQuery } from '../probe.js'
import type { ConformanceRun } from '../run-context.js'

/** Final statuses that can no longer change (delivered may still become read), so a filter on them is stable. */
const STABLE: ReadonlySet<DeliveryStatus> = new Set(['read', 'rejected', 'undeliverable', 'expired', 'canceled'])

interface FilterCase {
  label: string
  query: Partial<ListQuery>
  matches: (record: RcsRecord) => boolean
  /** An id that must be in the result. */
  mustInclude: string | null
}

const mostCommonStatus = (records: readonly RcsRecord[]): DeliveryStatus | null => {
  const counts = new Map<DeliveryStatus, number>()
  for (const record of records) counts.set(record.status, (counts.get(record.status) ?? 0) + 1)
  const stable = [...counts].filter(([status]) => STABLE.has(status)).sort((a, b) => b[1] - a[1])
  const any = [...counts].sort((a, b) => b[1] - a[1])
  return (stable[0] ?? any[0])?.[0] ?? null
}

const filterCases = (records: readonly RcsRecord[]): FilterCase[] => {
  const cases: FilterCase[] = []
  const status = mostCommonStatus(records)
  if (status !== null) {
    const sample = records.find((record) => record.status === status && STABLE.has(status))
    cases.push({
      label: `status: ${JSON.stringify(status)}`,
      query: { status },
      matches: (record) => record.status === status,
      mustInclude: sample?.id ?? null,
    })
    const other = records.find((record) => record.status !== status)?.status
    if (other !== undefined) {
      const pair: DeliveryStatus[] = [status, other]
      cases.push({
        label: `status: ${JSON.stringify(pair)}`,
        query: { status: pair },
        matches: (record) => pair.includes(record.status),
        mustInclude: sample?.id ?? null,
      })
    }
  }
  const withReference = records.find((record) => record.reference !== null)
  if (withReference?.reference != null) {
    const reference = withReference.reference
    cases.push({
      label: `reference: ${JSON.stringify(reference)}`,
      query: { reference },
      matches: (record) => record.reference === reference,
      mustInclude: withReference.id,
    })
  }
  const withCampaign = records.find((record) => record.campaign !== null)
  if (withCampaign?.campaign != null) {
    const campaign = withCampaign.campaign
    cases.push({
      label: `campaign: ${JSON.stringify(campaign)}`,
      query: { campaign },
      matches: (record) => record.campaign === campaign,
      mustInclude: withCampaign.id,
    })
  }
  const channel = records[0]?.channel
  if (channel !== undefined) {
    cases.push({
      label: `channel: ${JSON.stringify(channel)}`,
      query: { channel },
      matches: (record) => record.channel === channel,
      mustInclude: records[0]?.id ?? null,
    })
  }
  return cases
}

const runFilter = async <C>(run: ConformanceRun<C>, filter: FilterCase): Promise<string[]> => {
  const connection = await run.connect()
  if (connection === null) return []
  const { client, server } = connection
  const problems: string[] = []
  const ids: string[] = []
  const ended = await drainList(async function* () {
    for await (const record of client.list(windowQuery(server.window, server.pageSize, filter.query))) {
      run.noteRecord({ record, source: `list with ${filter.label}` })
      ids.push(record.id)
      if (!filter.matches(record)) problems.push(`list with ${filter.label} yielded ${record.id}, which does not match`)
      yield record
    }
  })
  if (ended.threw) {
    run.noteError(ended.error, `list with ${filter.label}`)
    return [`list with ${filter.label} failed: ${String((ended.error as Error)?.message ?? ended.error)}`]
  }
  if (filter.mustInclude !== null && !ids.includes(filter.mustInclude)) {
    problems.push(`list with ${filter.label} did not yield ${filter.mustInclude}, which matches`)
  }
  return problems.slice(0, 10)
}

/**
 * `list.filters`: `status` (one or several), `reference`, `campaign` and `channel` filters are applied — server-side
 * or client-side — so every record yielded matches, and a record known to match is yielded.
 */
export const listFilters: ConformanceCheck = {
  name: 'list.filters',
  description: 'list applies status, reference, campaign and channel filters',
  run: async (run) => {
    if (!run.definition.capabilities.list) return skipped('the adapter declares no list')
    const listed = await run.listed()
    if (listed === null) return skipped('no server given (options.server)')
    if (listed.records.length === 0) return skipped('list over the server window yielded no records to filter on')
    const cases = filterCases(listed.records)
    const problems: string[] = []
    for (const filter of cases) problems.push(...(await runFilter(run, filter)))
    return report(problems, [`filters tried: ${cases.map((filter) => filter.label).join(', ')}`])
  },
}

/**
 * `list.dates`: a `from` or `to` that is not a date is a `bad_request` RcsError thrown before any request.
 */
export const listDates: ConformanceCheck = {
  name: 'list.dates',
  description: 'list rejects unusable dates with bad_request before any request',
  run: async (run) => {
    if (!run.definition.capabilities.list) return skipped('the adapter declares no list')
    const offline = run.offline()
    const now = new Date()
    const queries: Array<[string, ListQuery]> = [
      ['from: "not a date"', { from: 'not a date', to: now }],
      ['to: "2025-13-45"', { from: new Date(now.getTime() - 3_600_000), to: '2025-13-45' }],
      ['from: Invalid Date', { from: new Date(Number.NaN), to: now }],
    ]
    const problems: string[] = []
    for (const [label, query] of queries) {
      const before = offline.requests()
      const ended = await drainList(() => offline.adapter.list(query), 1)
      if (ended.threw) run.noteError(ended.error, `list with ${label}`)
      const problem = expectThrownKind(ended, 'bad_request', `list with ${label}`)
      if (problem !== null) problems.push(problem)
      if (offline.requests() !== before) problems.push(`list with ${label} made a request before rejecting the date`)
    }
    return report(problems)
  },
}

import { type ListQuery, RcsError, type RcsRecord } from '@rcs-records/core'
import type { CheckReport, ConformanceCheck } from '../check.js'
import { report, skipped } from '../check.js'
import { describeError } from '../outcome.js'
import { drainList, windowQuery } from '../probe.js'
import type { ConformanceRun, Connection, ListedWindow } from '../run-context.js'

const NO_SERVER = 'no server given (options.server)'

const messageOf = (error: unknown): string => String((error as Error)?.message ?? error)

/** Queries core must refuse, each with the field the `bad_request` must name. */
const invalidQueries = (from: Date, to: Date): Array<[string, string, Record<string, unknown>]> =>
  [
    ['status: "delivred"', 'status', { status: 'delivred' }],
    ['status: ["delivered", "nope"]', 'status', { status: ['delivered', 'nope'] }],
    ['channel: "telegram"', 'channel', { channel: 'telegram' }],
    ['from: "not a date"', 'from', { from: 'not a date' }],
    ['to: "2025-13-45"', 'to', { to: '2025-13-45' }],
    ['from equal to to', 'from', { from: to }],
    ['from after to', 'from', { from: new Date(to.getTime() + 60_000) }],
    ['pageSize: 0', 'pageSize', { pageSize: 0 }],
    ['pageSize: -5', 'pageSize', { pageSize: -5 }],
    ['pageSize: 2.5', 'pageSize', { pageSize: 2.5 }],
    ['pageSize: "20"', 'pageSize', { pageSize: '20' }],
  ].map(
    ([label, field, change]) =>
      [label, field, { from, to, ...(change as object) }] as [string, string, Record<string, unknown>],
  )

/** Queries the contract allows: no adapter may refuse them as a `bad_request`. */
const validQueries = (from: Date, to: Date): Array<[string, ListQuery]> => [
  ['status: "unknown"', { from, to, status: 'unknown' }],
  ['status: ["read", "expired"]', { from, to, status: ['read', 'expired'] }],
  ['channel: "other"', { from, to, channel: 'other' }],
  ['pageSize: 1', { from, to, pageSize: 1 }],
  ['no `to`', { from }],
  ['ISO strings with an offset', { from: '2025-01-01T01:00:00+01:00', to: '2025-01-02T01:00:00+01:00' }],
]

/**
 * `list.query`: one ListQuery contract for every adapter — through core's client, an unknown status or channel, a
 * `from`/`to` that is not a date, `from` not before `to` and a `pageSize` that is not a positive integer are each a
 * `bad_request` naming the field, thrown before any request; and no query the contract allows (status `unknown`,
 * channel `other`, `pageSize: 1`, no `to`…) is refused as a `bad_request`.
 */
export const listQuery: ConformanceCheck = {
  name: 'list.query',
  description: 'list checks its query before any request (bad_request naming the field) and refuses no valid one',
  run: async (run) => {
    if (!run.definition.capabilities.list) return skipped('the adapter declares no list')
    const offline = run.offline()
    const to = new Date(Math.floor(Date.now() / 1000) * 1000)
    const from = new Date(to.getTime() - 3_600_000)
    const problems: string[] = []
    for (const [label, field, query] of invalidQueries(from, to)) {
      const before = offline.requests()
      const ended = await drainList(() => offline.client.list(query as unknown as ListQuery), 1)
      if (ended.threw) run.noteError(ended.error, `list with ${label}`)
      if (!(ended.threw && RcsError.is(ended.error, 'bad_request'))) {
        problems.push(
          `list with ${label} should throw a bad_request RcsError, but ${ended.threw ? `threw ${describeError(ended.error)}` : `yielded ${ended.count} record(s)`}`,
        )
      } else if (!messageOf(ended.error).includes(field)) {
        problems.push(`list with ${label}: the bad_request does not name \`${field}\`: ${messageOf(ended.error)}`)
      }
      if (offline.requests() !== before) problems.push(`list with ${label} made a request before rejecting the query`)
    }
    for (const [label, query] of validQueries(from, to)) {
      const ended = await drainList(() => offline.client.list(query), 1)
      if (ended.threw && RcsError.is(ended.error, 'bad_request')) {
        run.noteError(ended.error, `list with ${label}`)
        problems.push(`list with ${label} (a valid query) was refused: ${messageOf(ended.error)}`)
      }
    }
    return report(problems)
  },
}

const timeOf = (record: RcsRecord, field: NonNullable<ConformanceRun<unknown>['options']['listInstant']>) => {
  const value = record[field]
  if (typeof value !== 'string') return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

const collectIds = async <C>(run: ConformanceRun<C>, query: ListQuery, label: string) => {
  const connection = await run.connect()
  if (connection === null) return null
  const records: RcsRecord[] = []
  const ended = await drainList(async function* () {
    for await (const record of connection.client.list(query)) {
      run.noteRecord({ record, source: `list ${label}` })
      records.push(record)
      yield record
    }
  })
  if (ended.threw) run.noteError(ended.error, `list ${label}`)
  return { records, error: ended.threw ? ended.error : null }
}

/** The started server and its window's listing, or the report skipping a check that needs both. */
const windowListing = async <C>(
  run: ConformanceRun<C>,
): Promise<{ connection: Connection; listed: ListedWindow } | CheckReport> => {
  if (!run.definition.capabilities.list) return skipped('the adapter declares no list')
  const connection = await run.connect()
  const listed = await run.listed()
  if (connection === null || listed === null) return skipped(NO_SERVER)
  if (listed.error !== null) return skipped('list over the window failed (see capability.list)')
  return { connection, listed }
}

const show = (ms: number) => new Date(ms).toISOString()

/**
 * `list.range`: every listing is the half-open range `[from, to)`. The server window is cut into three consecutive
 * ranges — the first cut exactly at a record's time, the second a millisecond after another's — and the three
 * listings must partition the window's listing exactly: each record in exactly one range, none lost, none added; the
 * record stamped exactly at a cut in the later range; and every record's time (`listInstant`, default `createdAt`)
 * inside the range that yielded it. A record without that time is not placed (the contract keeps it).
 */
export const listRange: ConformanceCheck = {
  name: 'list.range',
  description: 'consecutive [from, to) listings partition the window exactly',
  run: async (run) => {
    const ready = await windowListing(run)
    if ('problems' in ready) return ready
    const { connection, listed } = ready
    const field = run.options.listInstant ?? 'createdAt'
    const from = Date.parse(new Date(connection.server.window.from).toISOString())
    const to = Date.parse(new Date(connection.server.window.to).toISOString())
    const timed = listed.records
      .map((record) => ({ record, at: timeOf(record, field) }))
      .filter(
        (entry): entry is { record: RcsRecord; at: number } => entry.at !== null && entry.at > from && entry.at < to,
      )
      .sort((a, b) => a.at - b.at)
    if (timed.length < 3) return skipped(`fewer than 3 records of the window have a usable ${field} to cut at`)
    const first = timed[Math.floor(timed.length / 3)] as { record: RcsRecord; at: number }
    const second = timed[Math.floor((2 * timed.length) / 3)] as { record: RcsRecord; at: number }
    const cuts = [from, first.at, Math.max(first.at + 1, second.at + 1), to]
    if (!((cuts[2] as number) < to)) return skipped('the window has no room for a second cut')
    const problems: string[] = []
    const where = new Map<string, number>()
    for (let range = 0; range < 3; range++) {
      const rangeFrom = cuts[range] as number
      const rangeTo = cuts[range + 1] as number
      const label = `[${show(rangeFrom)}, ${show(rangeTo)})`
      const query = windowQuery({ from: new Date(rangeFrom), to: new Date(rangeTo) }, connection.server.pageSize)
      const result = await collectIds(run, query, label)
      if (result === null) return skipped(NO_SERVER)
      if (result.error !== null) {
        problems.push(`list ${label} failed: ${messageOf(result.error)}`)
        continue
      }
      for (const record of result.records) {
        const earlier = where.get(record.id)
        if (earlier !== undefined) {
          problems.push(
            earlier === range
              ? `list ${label} yielded ${record.id} twice`
              : `${record.id} was yielded by two consecutive ranges (ending and starting at ${show(cuts[range] as number)})`,
          )
          continue
        }
        where.set(record.id, range)
        const at = timeOf(record, field)
        if (at !== null && !(at >= rangeFrom && at < rangeTo)) {
          problems.push(`list ${label} yielded ${record.id}, whose ${field} ${show(at)} is outside it`)
        }
      }
    }
    const all = new Set(listed.records.map((record) => record.id))
    const lost = [...all].filter((id) => !where.has(id))
    const added = [...where.keys()].filter((id) => !all.has(id))
    if (lost.length > 0)
      problems.push(
        `the three ranges lost ${lost.length} record(s) of the window, e.g. ${JSON.stringify(lost.slice(0, 5))}`,
      )
    if (added.length > 0)
      problems.push(
        `the three ranges yielded ${added.length} record(s) the window lacks, e.g. ${JSON.stringify(added.slice(0, 5))}`,
      )
    const atCut = where.get(first.record.id)
    if (atCut !== undefined && atCut !== 1) {
      problems.push(
        `${first.record.id}, stamped exactly at the cut ${show(first.at)}, must be in the range that starts there`,
      )
    }
    return report(problems.slice(0, 10), [
      `cut at ${show(cuts[1] as number)} and ${show(cuts[2] as number)} (${field})`,
    ])
  },
}

/** What the corrupting fetch puts in place of one record: an object that is no vendor's record. */
const JUNK_KEY = 'rcs-records-conformance'
const junkItem = () => ({ [JUNK_KEY]: 'an item that is not a record' })

/** The longest array of objects in a JSON body (the page's records), a few levels deep. */
const recordArrayIn = (body: unknown, depth = 0): unknown[] | null => {
  if (depth > 3 || body === null || typeof body !== 'object') return null
  let best: unknown[] | null = null
  const consider = (candidate: unknown[] | null) => {
    if (candidate !== null && (best === null || candidate.length > best.length)) best = candidate
  }
  if (Array.isArray(body)) {
    if (body.length >= 2 && body.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) {
      consider(body)
    }
    return best
  }
  for (const value of Object.values(body)) consider(recordArrayIn(value, depth + 1))
  return best
}

/**
 * A fetch that replaces one record of the first listing page that has at least two with {@link junkItem}: a
 * vendor's schema drift, in any JSON shape.
 */
const corruptingFetch = () => {
  const state = { corrupted: false }
  const wrap =
    (base: typeof fetch): typeof fetch =>
    async (input, init) => {
      const response = await base(input, init)
      if (state.corrupted || !response.ok) return response
      const text = await response.text()
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        return new Response(text, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        })
      }
      const records = recordArrayIn(body)
      const headers = new Headers(response.headers)
      headers.delete('content-length')
      headers.delete('content-encoding')
      if (records === null)
        return new Response(text, { status: response.status, statusText: response.statusText, headers })
      records[Math.floor(records.length / 2)] = junkItem()
      state.corrupted = true
      return new Response(JSON.stringify(body), { status: response.status, statusText: response.statusText, headers })
    }
  return { state, wrap }
}

const isJunk = (raw: unknown): boolean =>
  raw !== null && typeof raw === 'object' && (raw as Record<string, unknown>)[JUNK_KEY] !== undefined

/**
 * `list.invalid`: no record is dropped silently. One record of a listing page is replaced by an item that is no
 * record (schema drift); the listing must then report it to `onInvalid` as a `decode` RcsError keeping the item in
 * `details.raw`, and yield every other record; with `strict: true` it must throw that error; with neither, it must
 * still say so (a logger warning or error).
 */
export const listInvalid: ConformanceCheck = {
  name: 'list.invalid',
  description: 'a record that fails to decode is reported (onInvalid, strict, or a warning), never dropped silently',
  run: async (run) => {
    const ready = await windowListing(run)
    if ('problems' in ready) return ready
    const { connection, listed } = ready
    const query = windowQuery(connection.server.window, connection.server.pageSize)
    const problems: string[] = []

    const reported: unknown[] = []
    const lenient = corruptingFetch()
    const client = await run.clientOn({ fetch: lenient.wrap })
    if (client === null) return skipped(NO_SERVER)
    const ids: string[] = []
    const ended = await drainList(async function* () {
      for await (const record of client.list({ ...query, onInvalid: (error) => reported.push(error) })) {
        ids.push(record.id)
        yield record
      }
    })
    if (!lenient.state.corrupted) return skipped('no listing answer had an array of two or more records to corrupt')
    if (ended.threw) {
      run.noteError(ended.error, 'list with a corrupted record and onInvalid')
      problems.push(`list with a corrupted record and onInvalid threw ${describeError(ended.error)}`)
    }
    for (const error of reported) run.noteError(error, 'onInvalid')
    const decodeErrors = reported.filter((error) => RcsError.is(error, 'decode'))
    if (reported.length === 0) problems.push('a record that failed to decode was dropped without a word to onInvalid')
    else if (decodeErrors.length !== reported.length) {
      problems.push(
        `onInvalid got ${describeError(reported.find((error) => !RcsError.is(error, 'decode')))}, not a decode RcsError`,
      )
    } else if (!decodeErrors.some((error) => isJunk((error.details as { raw?: unknown } | null)?.raw))) {
      problems.push('the decode error reported to onInvalid does not keep the item in details.raw')
    }
    const all = new Set(listed.records.map((record) => record.id))
    const lost = [...all].filter((id) => !ids.includes(id))
    if (lost.length > reported.length) {
      problems.push(
        `${lost.length - reported.length} record(s) besides the corrupted one were lost, e.g. ${JSON.stringify(lost.slice(0, 5))}`,
      )
    }

    const strict = corruptingFetch()
    const strictClient = await run.clientOn({ fetch: strict.wrap })
    const thrown = await drainList(() =>
      (strictClient as NonNullable<typeof strictClient>).list({ ...query, strict: true }),
    )
    if (thrown.threw) run.noteError(thrown.error, 'list with a corrupted record and strict')
    if (!(thrown.threw && RcsError.is(thrown.error, 'decode'))) {
      problems.push(
        `list with a corrupted record and strict: true should throw the decode RcsError, but ${thrown.threw ? `threw ${describeError(thrown.error)}` : `yielded ${thrown.count} record(s)`}`,
      )
    }

    let said = 0
    const count = () => {
      said++
    }
    const quiet = corruptingFetch()
    const logger = { debug() {}, info() {}, warn: count, error: count }
    const defaultClient = await run.clientOn({ fetch: quiet.wrap, logger })
    const plain = await drainList(() => (defaultClient as NonNullable<typeof defaultClient>).list(query))
    if (plain.threw) run.noteError(plain.error, 'list with a corrupted record')
    if (!plain.threw && said === 0) {
      problems.push('without onInvalid or strict, the corrupted record was dropped without a logger warning')
    }
    return report(problems, [`${reported.length} record(s) reported to onInvalid`])
  },
}

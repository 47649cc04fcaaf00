import { spacivoxJson } from '../data/spacivox.js'
import type { RouteName } from '../faults/types.js'
import { jsonArrayChunks, jsonReply, type Reply, type SimRequest } from '../http/types.js'
import type { SimulatorState } from '../state.js'
import { parseIsoLenient } from '../time/zone.js'
import type { RequestContext } from './context.js'
import { insertIntoWindow } from './insert.js'

const MODIFIED_SINCE_WINDOW_MS = 48 * 3_600_000

/**
 * The `/j/rcs_records` route of a path (after the `/spacivox` prefix).
 */
export const spacivoxRoute = (path: string): RouteName => (path === '/j/rcs_records' ? 'records' : 'other')

const badRequest = (message: string): Reply => jsonReply(400, { status: 400, error: 'Bad Request', message })

/**
 * Answers a `/j/rcs_records` request: Bearer token (403 otherwise), required `start`/`end` (`[start, end)` on the
 * record timestamp), optional `team`, `include=content_message`, and `modified_since` within the past 48 hours
 * (only records whose last change is after it). No pagination: the body is streamed.
 */
export const handleSpacivox = (
  state: SimulatorState,
  route: RouteName,
  req: SimRequest,
  ctx: RequestContext,
): Reply => {
  const header = req.headers.authorization
  if (typeof header !== 'string' || header !== `Bearer ${state.credentials.spacivox.token}`) {
    return jsonReply(403, { status: 403, error: 'Forbidden', message: 'Invalid or missing access token.' })
  }
  if (route === 'other') return jsonReply(404, { status: 404, error: 'Not Found', message: 'No such API.' })
  if (req.method !== 'GET') return jsonReply(405, { status: 405, error: 'Method Not Allowed', message: 'Use GET.' })
  const now = ctx.now
  const startText = req.query.get('start')
  const endText = req.query.get('end')
  if (startText === null || endText === null) {
    return badRequest(`The ${startText === null ? 'start' : 'end'} date is required.`)
  }
  const start = parseIsoLenient(startText)
  const end = parseIsoLenient(endText)
  if (start === null) return badRequest(`Invalid start date: ${startText}`)
  if (end === null) return badRequest(`Invalid end date: ${endText}`)
  if (end < start) return badRequest('The end date must not precede the start date.')
  const teamText = req.query.get('team')
  if (teamText !== null && !/^\d{1,9}$/.test(teamText)) return badRequest(`Invalid team: ${teamText}`)
  const team = teamText === null ? null : Number(teamText)
  const modifiedText = req.query.get('modified_since')
  let modifiedSince: number | null = null
  if (modifiedText !== null) {
    modifiedSince = parseIsoLenient(modifiedText)
    if (modifiedSince === null) return badRequest(`Invalid modified_since: ${modifiedText}`)
    if (modifiedSince < now - MODIFIED_SINCE_WINDOW_MS || modifiedSince > now + state.options.futureToleranceMs) {
      return badRequest('modified_since must lie within the past 48 hours.')
    }
  }
  const includeContent = (req.query.get('include') ?? '').split(',').includes('content_message')

  const model = state.models.spacivox
  if (ctx.insert > 0 && start < end) insertIntoWindow(state, 'spacivox', ctx.insert, start, end - 1)
  const [lo, hi] = model.timeline.rangeOf(start, end)
  const extras = model.inserted
    .all()
    .filter((e) => e.insertedAt <= now && e.createdAt >= start && e.createdAt < end)
    .map((e) => e.index)
  let served = 0
  function* matching(): Generator<number> {
    for (let i = lo; i < hi; i++) yield i
    yield* extras
  }
  function* selected(): Generator<ReturnType<typeof model.facts>> {
    for (const index of matching()) {
      if (team !== null && model.teamOf(index) !== team) continue
      const facts = model.facts(index)
      if (modifiedSince !== null && !(model.lastChangeAt(facts, now) > modifiedSince)) continue
      served++
      yield facts
    }
  }
  const body = jsonArrayChunks(selected(), (facts) => {
    const drift = ctx.drift?.forRecord(facts.index)
    return spacivoxJson(facts, now, drift === undefined ? { includeContent } : { includeContent, drift })
  })
  return {
    status: 200,
    body,
    get records() {
      return served
    },
  }
}

import { bsgJson } from '../data/bsg.js'
import { bsgPage } from '../data/bsg-listing.js'
import type { RouteName } from '../faults/types.js'
import { jsonReply, laravelInvalid, type Reply, type SimRequest } from '../http/types.js'
import type { SimulatorState } from '../state.js'
import { parseLocal, zoneOffset } from '../time/zone.js'
import type { RequestContext } from './context.js'
import { insertIntoWindow } from './insert.js'

/**
 * The BSG route of a path (after the `/bsg` prefix).
 */
export const bsgRoute = (path: string): RouteName => {
  if (path === '/api/auth/login') return 'login'
  if (path === '/api/auth/refresh') return 'refresh'
  if (path === '/api/messages') return 'messages'
  return 'other'
}

const unauthenticated = (error: string): Reply => jsonReply(401, { message: 'Unauthenticated.', error })

const bearerOf = (req: SimRequest): string | null => {
  const header = req.headers.authorization
  if (typeof header !== 'string') return null
  const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header)
  return match === null ? null : (match[1] as string)
}

const checkToken = (state: SimulatorState, req: SimRequest): Reply | null => {
  const token = bearerOf(req)
  if (token === null) return unauthenticated('token_absent')
  const verdict = state.tokens.verify(token)
  return verdict === 'valid' ? null : unauthenticated(`token_${verdict}`)
}

const login = (state: SimulatorState, req: SimRequest): Reply => {
  let body: unknown
  try {
    body = req.body === '' ? {} : JSON.parse(req.body)
  } catch {
    return jsonReply(400, { message: 'The request body is not valid JSON.' })
  }
  const apiKey = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).api_key : undefined
  if (typeof apiKey !== 'string' || apiKey === '')
    return laravelInvalid({ api_key: ['The api key field is required.'] })
  const { bsg } = state.credentials
  if (apiKey !== bsg.apiKey && apiKey !== bsg.testApiKey) return jsonReply(401, { message: 'Invalid api key.' })
  state.stats.logins++
  return jsonReply(200, { bearer: state.tokens.issue() })
}

const THREE_MONTHS_TEXT = 'The period between filter.from and filter.to may not be greater than 3 months.'

interface Parsed {
  errors: Record<string, string[]>
  value: <T>(key: string, parse: (text: string) => T | null, fallback: T, message: string) => T
}

const parser = (req: SimRequest): Parsed => {
  const errors: Record<string, string[]> = {}
  return {
    errors,
    value: (key, parse, fallback, message) => {
      const text = req.query.get(key)
      if (text === null) return fallback
      const value = parse(text)
      if (value === null) {
        const field = key.replace(/\[/g, '.').replace(/\]/g, '')
        errors[field] = [...(errors[field] ?? []), message]
        return fallback
      }
      return value
    },
  }
}

const integerIn =
  (min: number, max: number) =>
  (text: string): number | null =>
    /^\d{1,15}$/.test(text) && Number(text) >= min && Number(text) <= max ? Number(text) : null

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (text: string): T | null =>
    (values as readonly string[]).includes(text) ? (text as T) : null

/** The same wall-clock time `months` later (or earlier) in `timeZone`, as an instant. */
const addMonths = (instant: number, months: number, timeZone: string): number => {
  const wall = new Date(instant + zoneOffset(instant, timeZone))
  wall.setUTCMonth(wall.getUTCMonth() + months)
  const shifted = wall.getTime()
  return shifted - zoneOffset(shifted - zoneOffset(shifted, timeZone), timeZone)
}

const messages = (state: SimulatorState, req: SimRequest, ctx: RequestContext): Reply => {
  const { timeZone, futureToleranceMs } = state.options
  const model = state.models.bsg
  const now = ctx.now
  const p = parser(req)
  const limit = p.value('page[limit]', integerIn(15, 500), 50, 'The page.limit must be between 15 and 500.')
  const offset = p.value(
    'page[offset]',
    integerIn(0, Number.MAX_SAFE_INTEGER),
    0,
    'The page.offset must be at least 0.',
  )
  const sort = p.value('sort', oneOf(['id', 'phone', 'delivered'] as const), 'id', 'The selected sort is invalid.')
  const way = p.value('way', oneOf(['asc', 'desc'] as const), 'asc', 'The selected way is invalid.')
  const format = (field: string) => `The ${field} does not match the format Y-m-d H:i:s.`
  const local = (text: string) => parseLocal(text, timeZone)
  const nowSecond = Math.floor(now / 1000) * 1000
  const to = p.value('filter[to]', local, nowSecond, format('filter.to'))
  const from = p.value('filter[from]', local, addMonths(to, -3, timeZone), format('filter.from'))
  const campaignId = p.value(
    'filter[campaign_id]',
    integerIn(1, Number.MAX_SAFE_INTEGER),
    null,
    'The filter.campaign id must be an integer.',
  )
  const reference = p.value(
    'filter[reference_id]',
    (t) => (/^[A-Za-z0-9]{1,32}$/.test(t) ? t : null),
    null,
    'The filter.reference id may only contain letters and numbers (at most 32).',
  )
  const id = p.value('filter[id]', (t) => (/^\d{1,15}$/.test(t) ? t : null), null, 'The filter.id must be an integer.')
  const errors = p.errors
  const addError = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message]
  }
  if (from > now + futureToleranceMs) addError('filter.from', 'The filter.from must be a date before or equal to now.')
  if (to > now + futureToleranceMs) addError('filter.to', 'The filter.to must be a date before or equal to now.')
  if (from > to) addError('filter.to', 'The filter.to must be a date after or equal to filter.from.')
  else if (to > addMonths(from, 3, timeZone)) addError('filter.to', THREE_MONTHS_TEXT)
  if (Object.keys(errors).length > 0) return laravelInvalid(errors)

  if (ctx.insert > 0) insertIntoWindow(state, 'bsg', ctx.insert, from, to + 999)
  const page = bsgPage(
    model,
    {
      from,
      to: to + 1000,
      campaignId,
      referenceIndex: reference === null ? null : (model.indexOfReference(reference) ?? -1),
      idIndex: id === null ? null : (model.indexOf(id) ?? -1),
      sort,
      way,
      offset,
      limit,
    },
    now,
  )
  const data = page.indexes.map((index) => {
    const drift = ctx.drift?.forRecord(index)
    return bsgJson(model.facts(index), now, drift === undefined ? { timeZone } : { timeZone, drift })
  })
  return {
    status: 200,
    body: `{"data":[${data.join(',')}],"meta":{"page":{"total":${page.total},"offset":${offset},"limit":${limit}}}}`,
    records: data.length,
  }
}

/**
 * Answers a BSG request.
 */
export const handleBsg = (state: SimulatorState, route: RouteName, req: SimRequest, ctx: RequestContext): Reply => {
  if (route === 'other') return jsonReply(404, { message: 'Not Found' })
  const method = route === 'messages' ? 'GET' : 'POST'
  if (req.method !== method)
    return jsonReply(405, { message: `The ${req.method} method is not supported for this route.` })
  if (route === 'login') return login(state, req)
  const denied = checkToken(state, req)
  if (denied !== null) return denied
  if (route === 'refresh') {
    state.stats.refreshes++
    return jsonReply(200, { bearer: state.tokens.issue() })
  }
  return messages(state, req, ctx)
}

import type { WireChannel } from '../data/channel-blocks.js'
import {
  type PartnerGatewayStatus,
  partnerGatewayJson,
  partnerGatewayReply,
  partnerGatewayWrappedItem,
} from '../data/partner-gateway.js'
import { historyPage } from '../data/partner-gateway-history.js'
import type { RouteName } from '../faults/types.js'
import { jsonReply, type Reply, type SimRequest, springError } from '../http/types.js'
import { deriveSeed, mulberry32 } from '../prng.js'
import type { SimulatorState } from '../state.js'
import { parseIsoWithOffset } from '../time/zone.js'
import type { RequestContext } from './context.js'
import { insertIntoWindow } from './insert.js'

const V1 = '/api/partner-gateway/v1/messages'
const CHANNELS: readonly WireChannel[] = ['RCS', 'SMS', 'WHATSAPP']
const STATUSES: readonly PartnerGatewayStatus[] = ['SENT', 'RECEIVED', 'DELIVERED', 'ERROR', 'EXPIRED', 'UNKNOWN']

/**
 * The partner-gateway route of a path (after the `/pg` prefix).
 */
export const partnerGatewayRoute = (path: string): RouteName => {
  if (path === `${V1}/status`) return 'batch'
  if (path === `${V1}/history`) return 'history'
  if (path.startsWith(`${V1}/status/`) && path.length > V1.length + 8) return 'status'
  return 'other'
}

/**
 * The key a request authenticates with (`X-Api-Key` or Basic), or null when it is missing or wrong.
 */
export const partnerGatewayPrincipal = (state: SimulatorState, headers: SimRequest['headers']): string | null => {
  const expected = state.credentials['partner-gateway']
  const apiKey = headers['x-api-key']
  if (typeof apiKey === 'string') return apiKey === expected.apiKey ? apiKey : null
  const authorization = headers.authorization
  if (typeof authorization !== 'string' || !/^basic /i.test(authorization)) return null
  const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8')
  return decoded === `${expected.username}:${expected.password}` ? `basic:${expected.username}` : null
}

const pathOf = (req: SimRequest): string => req.path

const missing = (name: string, type: string, req: SimRequest, now: number): Reply =>
  springError(
    400,
    `Required request parameter '${name}' for method parameter type ${type} is not present`,
    pathOf(req),
    now,
  )

const readChannel = (req: SimRequest, now: number): WireChannel | Reply => {
  const channel = req.query.get('channel')
  if (channel === null) return missing('channel', 'Channel', req, now)
  return (CHANNELS as readonly string[]).includes(channel)
    ? (channel as WireChannel)
    : springError(400, `Failed to convert value '${channel}' to required type 'Channel'`, pathOf(req), now)
}

const isReply = (value: unknown): value is Reply => typeof value === 'object' && value !== null && 'status' in value

/**
 * Answers a partner-gateway request that passed authentication and rate limiting.
 */
export const handlePartnerGateway = (
  state: SimulatorState,
  route: RouteName,
  req: SimRequest,
  ctx: RequestContext,
): Reply => {
  const now = ctx.now
  if (route === 'other') return springError(404, 'No endpoint found', pathOf(req), now)
  if (req.method !== 'GET') return springError(405, `Request method '${req.method}' is not supported`, pathOf(req), now)
  const model = state.models['partner-gateway']
  const channel = readChannel(req, now)
  if (isReply(channel)) return channel
  const view = (index: number) => {
    const drift = ctx.drift?.forRecord(index)
    return drift === undefined ? {} : { drift }
  }
  const jsonOf = (index: number): string => partnerGatewayJson(model.facts(index), now, view(index))
  const found = (id: string): number | null => {
    const index = model.indexOf(id)
    return index !== null && model.exists(index, now) && model.wireChannelOf(index) === channel ? index : null
  }

  if (route === 'status') {
    const id = decodeSegment(req.path.slice(V1.length + 8))
    const index = found(id)
    if (index === null) return springError(404, `Message not found: ${id}`, pathOf(req), now)
    return { status: 200, body: jsonOf(index), records: 1 }
  }

  if (route === 'batch') {
    const ids = req.query.get('ids')
    if (ids === null) return missing('ids', 'String', req, now)
    const indexes: number[] = []
    const seen = new Set<number>()
    for (const id of ids.split(',')) {
      const index = found(id)
      if (index !== null && !seen.has(index)) {
        seen.add(index)
        indexes.push(index)
      }
    }
    shuffle(indexes, mulberry32(deriveSeed(state.options.seed, 20_000 + ctx.sequence)))
    return { status: 200, body: `[${indexes.map(jsonOf).join(',')}]`, records: indexes.length }
  }

  // history
  const fromText = req.query.get('from')
  const toText = req.query.get('to')
  if (fromText === null) return missing('from', 'OffsetDateTime', req, now)
  if (toText === null) return missing('to', 'OffsetDateTime', req, now)
  const from = parseIsoWithOffset(fromText)
  const to = parseIsoWithOffset(toText)
  if (from === null || to === null) {
    const bad = from === null ? `from=${fromText}` : `to=${toText}`
    return springError(
      400,
      `Invalid ${bad}: expected an ISO-8601 date-time with offset, e.g. 2025-01-01T00:00:00+01:00 (encode '+' as %2B)`,
      pathOf(req),
      now,
    )
  }
  const statusText = req.query.get('status')
  if (statusText !== null && !(STATUSES as readonly string[]).includes(statusText)) {
    return springError(
      400,
      `Failed to convert value '${statusText}' to required type 'DeliveryStatus'`,
      pathOf(req),
      now,
    )
  }
  const page = readInteger(req.query.get('page'), 0)
  const limit = readInteger(req.query.get('limit'), 20)
  if (page === null || page < 0) return springError(400, 'page must be an integer >= 0', pathOf(req), now)
  const maxLimit = state.options.maxHistoryLimit
  if (limit === null || limit < 1 || limit > maxLimit) {
    return springError(400, `limit must be an integer between 1 and ${maxLimit}`, pathOf(req), now)
  }
  if (ctx.insert > 0 && from <= to && channel === 'RCS')
    insertIntoWindow(state, 'partner-gateway', ctx.insert, from, to)
  // A server that caps the page size serves (and counts pages in) the capped size, whatever `limit` asked.
  const served = Math.min(limit, state.options.historyLimitCap ?? limit)
  const indexes = historyPage(
    model,
    {
      channel,
      from,
      to,
      status: (statusText as PartnerGatewayStatus | null) ?? null,
      offset: page * served,
      limit: served,
    },
    now,
  )
  const replyTo = (index: number): boolean => ctx.drift?.forRecord(index)?.has('inbound-reply') === true
  if (ctx.drift?.wrapped) {
    const items = indexes.flatMap((index) => {
      const item = partnerGatewayWrappedItem(model.facts(index), now, view(index))
      return replyTo(index) ? [item, partnerGatewayReply(model.facts(index))] : [item]
    })
    return { ...jsonReply(200, { messages: items }), records: indexes.length }
  }
  const items = indexes.map((index) =>
    replyTo(index) ? `${jsonOf(index)},${JSON.stringify(partnerGatewayReply(model.facts(index)))}` : jsonOf(index),
  )
  return { status: 200, body: `[${items.join(',')}]`, records: indexes.length }
}

/** A path segment, percent-decoded; a malformed escape is kept as sent (and then matches no id). */
const decodeSegment = (segment: string): string => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

const readInteger = (text: string | null, fallback: number): number | null => {
  if (text === null) return fallback
  return /^\d{1,9}$/.test(text) ? Number(text) : null
}

const shuffle = (items: number[], random: () => number): void => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = items[i] as number
    items[i] = items[j] as number
    items[j] = t
  }
}

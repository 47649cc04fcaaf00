import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FiredFault } from '../faults/controller.js'
import { malformBody, rateLimitReply, serverErrorReply, truncateBody } from '../faults/responses.js'
import type { RouteName } from '../faults/types.js'
import { bsgRoute, handleBsg } from '../routes/bsg.js'
import type { RequestContext } from '../routes/context.js'
import { insertIntoWindow } from '../routes/insert.js'
import { handlePartnerGateway, partnerGatewayPrincipal, partnerGatewayRoute } from '../routes/partner-gateway.js'
import { handleSpacivox, spacivoxRoute } from '../routes/spacivox.js'
import type { SimulatorState } from '../state.js'
import { countFault, countRequest, countStatus } from '../stats.js'
import type { Vendor } from '../vendors.js'
import { builtNow } from './built-now.js'
import { sendReply } from './send.js'
import { htmlError, jsonReply, type Reply, type SimRequest, springError } from './types.js'

/**
 * Path prefixes of the three vendors on the one server.
 */
export const VENDOR_PREFIXES: Readonly<Record<Vendor, string>> = {
  'partner-gateway': '/pg',
  bsg: '/bsg',
  spacivox: '/spacivox',
}

const ROUTERS: Readonly<Record<Vendor, (path: string) => RouteName>> = {
  'partner-gateway': partnerGatewayRoute,
  bsg: bsgRoute,
  spacivox: spacivoxRoute,
}

const TERMINAL = new Set(['hang', 'reset', 'rate-limit', 'error'])
const MAX_BODY = 1024 * 1024

const vendorOf = (path: string): { vendor: Vendor; rest: string } | null => {
  for (const [vendor, prefix] of Object.entries(VENDOR_PREFIXES) as [Vendor, string][]) {
    if (path.startsWith(`${prefix}/`)) return { vendor, rest: path.slice(prefix.length) }
  }
  return null
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY) chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The HTTP request listener of a simulator: routing by prefix, counters, faults, authentication, rate limit, the
 * vendor handlers, body faults, and the answer.
 */
export const createListener =
  (state: SimulatorState) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? '/'
    const q = target.indexOf('?')
    const fullPath = q < 0 ? target : target.slice(0, q)
    const query = new URLSearchParams(q < 0 ? '' : target.slice(q + 1))
    const match = vendorOf(fullPath)
    const vendor = match?.vendor ?? null
    const route: RouteName = match === null ? 'other' : ROUTERS[match.vendor](match.rest)
    countRequest(state.stats, vendor, route)
    const sequence = ++state.requestCount
    let status: number | null = null
    try {
      const body = await readBody(req)
      const reply = await respond(
        state,
        { req, target, vendor, route, sequence, body, query, path: match?.rest ?? fullPath },
        res,
      )
      if (reply === null) return
      status = reply.status
      await sendReply(res, reply)
      if (vendor !== null && reply.status < 300) state.stats.recordsServed[vendor] += reply.records ?? 0
    } catch (error) {
      status = 500
      if (!res.headersSent) {
        await sendReply(res, jsonReply(500, { message: `simulator error: ${(error as Error).message}` }))
      } else res.destroy()
    } finally {
      if (status !== null) countStatus(state.stats, vendor, status)
    }
  }

interface Incoming {
  req: IncomingMessage
  target: string
  vendor: Vendor | null
  route: RouteName
  sequence: number
  body: string
  query: URLSearchParams
  path: string
}

/** Resolves to the reply, or null when a fault already dealt with the connection (hang, reset). */
const respond = async (state: SimulatorState, incoming: Incoming, res: ServerResponse): Promise<Reply | null> => {
  const { vendor, route, req } = incoming
  if (vendor === null) {
    return incoming.path === '/' ? jsonReply(200, indexOf(state, req)) : jsonReply(404, { message: 'Not Found' })
  }
  const now = state.clock.now()
  if (vendor === 'partner-gateway') {
    const requestLine = `${req.method ?? 'GET'} ${incoming.target} HTTP/${req.httpVersion}`
    if (requestLine.length > state.options.requestLineLimit) return htmlError(414)
  }
  const fired = state.faults.select(vendor, route)
  for (const fault of fired) countFault(state.stats, vendor, fault.spec.kind)
  const ctx: RequestContext = {
    now,
    drift: state.faults.driftPlan(fired),
    insert: 0,
    sequence: incoming.sequence,
  }
  const { latency, terminal } = applyFaults(state, vendor, route, fired, ctx)
  if (terminal !== undefined) {
    if (latency > 0) await delay(latency)
    if (terminal.spec.kind === 'hang') return null
    if (terminal.spec.kind === 'reset') {
      res.socket?.destroy()
      req.socket.destroy()
      return null
    }
    if (terminal.spec.kind === 'rate-limit') return rateLimitReply(vendor, terminal.spec.retryAfterSeconds ?? 1)
    return serverErrorReply(vendor, terminal.spec, now, incoming.path)
  }
  const request: SimRequest = {
    method: req.method ?? 'GET',
    path: incoming.path,
    query: incoming.query,
    headers: req.headers,
    body: incoming.body,
  }
  // The reply is built on arrival and held `latency`: the delay is the network's, not the server's. Built after the
  // delay instead, replies whose timers expire together are built back to back in one timers phase, and requests
  // arriving meanwhile start their delay only once that burst is over — the requests of a client keeping several in
  // flight then bunch into waves, each one round trip plus the build time of the whole wave.
  // A body streamed from a generator is made now too (see `builtNow`); without latency it stays streamed.
  const handled = handle(state, vendor, route, request, ctx)
  const reply = latency > 0 ? builtNow(handled) : handled
  if (latency > 0) await delay(latency)
  if (reply.status < 200 || reply.status >= 300) return reply
  let body = reply.body
  if (fired.some((f) => f.spec.kind === 'malformed')) body = malformBody(body)
  if (fired.some((f) => f.spec.kind === 'truncated')) body = truncateBody(body)
  if (body === reply.body) return reply
  const records = reply.records
  return { ...reply, body, ...(records === undefined ? {} : { records }) }
}

/** Side effects (insert, token expiry); the latency to add to the answer, and the first terminal fault, if any. */
const applyFaults = (
  state: SimulatorState,
  vendor: Vendor,
  route: RouteName,
  fired: readonly FiredFault[],
  ctx: RequestContext,
): { latency: number; terminal: FiredFault | undefined } => {
  let latency = 0
  for (const { spec } of fired) {
    if (spec.kind === 'insert') ctx.insert += spec.count ?? 1
    if (spec.kind === 'token-expiry') {
      state.tokens.revokeAll()
      state.stats.tokenInvalidations++
    }
    if (spec.kind === 'latency') latency += spec.delayMs ?? 1000
  }
  const listing = route === 'history' || route === 'messages' || route === 'records'
  if (ctx.insert > 0 && !listing) {
    insertIntoWindow(state, vendor, ctx.insert, ctx.now - 1000, ctx.now)
    ctx.insert = 0
  }
  return { latency, terminal: fired.find((f) => TERMINAL.has(f.spec.kind)) }
}

const handle = (
  state: SimulatorState,
  vendor: Vendor,
  route: RouteName,
  req: SimRequest,
  ctx: RequestContext,
): Reply => {
  if (vendor === 'bsg') return handleBsg(state, route, req, ctx)
  if (vendor === 'spacivox') return handleSpacivox(state, route, req, ctx)
  const principal = partnerGatewayPrincipal(state, req.headers)
  if (principal === null) {
    return springError(401, 'Missing or invalid credentials: send X-Api-Key or Basic auth', req.path, ctx.now)
  }
  if (state.limiter === null) return handlePartnerGateway(state, route, req, ctx)
  const decision = state.limiter.take(principal)
  if (!decision.allowed) return rateLimitReply(vendor, decision.retryAfterSeconds, decision.limit)
  const reply = handlePartnerGateway(state, route, req, ctx)
  return {
    ...reply,
    headers: {
      ...reply.headers,
      'x-ratelimit-limit': String(decision.limit),
      'x-ratelimit-remaining': String(decision.remaining),
      'x-ratelimit-reset': String(decision.resetSeconds),
    },
  }
}

const indexOf = (state: SimulatorState, req: IncomingMessage) => {
  const base = `http://${req.headers.host ?? `${state.options.host}:${state.options.port}`}`
  return {
    name: '@rcs-records/simulator',
    vendors: {
      'partner-gateway': `${base}${VENDOR_PREFIXES['partner-gateway']}/api`,
      bsg: `${base}${VENDOR_PREFIXES.bsg}`,
      spacivox: `${base}${VENDOR_PREFIXES.spacivox}`,
    },
  }
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { echoForms } from './echo-forms.js'

/** A request as the echo server saw it. */
export interface EchoRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** How the server answers one request. */
export type EchoReply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | 'hang'
  | 'reset'
  | ((res: ServerResponse) => void)

/** A loopback server whose answers a test decides per request (and which records every request). */
export interface EchoServer {
  url: string
  requests: EchoRequest[]
  /** Errors thrown by the plan (answered with a 500); a test asserts there are none. */
  planErrors: unknown[]
  close(): Promise<void>
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
  })

/** Starts a loopback HTTP server answering with `plan`. */
export const startEchoServer = async (plan: (request: EchoRequest) => EchoReply): Promise<EchoServer> => {
  const requests: EchoRequest[] = []
  const planErrors: unknown[] = []
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const request: EchoRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: await readBody(req),
    }
    requests.push(request)
    let reply: EchoReply
    try {
      reply = plan(request)
    } catch (error) {
      planErrors.push(error)
      reply = { status: 500, body: { error: 'the test plan failed' } }
    }
    if (reply === 'hang') return
    if (reply === 'reset') {
      req.socket.destroy()
      return
    }
    if (typeof reply === 'function') {
      reply(res)
      return
    }
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? null)
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
    res.end(text)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    planErrors,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * The credentials a request carried, as the vendor saw them: `X-Api-Key`, the token of `Authorization: Bearer`,
 * the decoded user, password and `user:password` of `Basic`, and the `api_key` of a JSON login body.
 */
export const credentialsOf = (request: EchoRequest): { secrets: string[]; user: string } => {
  const secrets: string[] = []
  let user = 'canary-user'
  const key = request.headers['x-api-key']
  if (typeof key === 'string') secrets.push(key)
  const authorization = request.headers.authorization
  if (typeof authorization === 'string') {
    const [scheme, ...rest] = authorization.split(' ')
    const value = rest.join(' ')
    if (scheme === 'Bearer') secrets.push(value)
    if (scheme === 'Basic') {
      const decoded = Buffer.from(value, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      user = decoded.slice(0, colon)
      secrets.push(decoded.slice(colon + 1), decoded)
    }
  }
  try {
    const apiKey = (JSON.parse(request.body) as { api_key?: unknown }).api_key
    if (typeof apiKey === 'string') secrets.push(apiKey)
  } catch {
    // not a JSON body
  }
  return { secrets, user }
}

/** Every credential of the request in every echo form, as one text. */
export const echoedForms = (request: EchoRequest): string => {
  const { secrets, user } = credentialsOf(request)
  return secrets.flatMap((secret) => Object.values(echoForms(secret, user))).join(' | ')
}

/**
 * A vendor error body that echoes everything the client sent, its credentials included: the headers and body as
 * JSON text in the message, every credential in every echo form ({@link echoForms}), the raw values in `errors`
 * (which an error message stringifies), and the whole request.
 */
export const echoingBody = (status: number, request: EchoRequest): Record<string, unknown> => ({
  status,
  error: 'Echo',
  message: `refused ${request.method} ${request.path} with ${JSON.stringify(request.headers)} ${request.body} ${echoedForms(request)}`,
  errors: [{ field: 'auth', given: request.headers.authorization ?? request.headers['x-api-key'] ?? request.body }],
  detail: credentialsOf(request).secrets.map((secret) => echoForms(secret)),
  request,
})

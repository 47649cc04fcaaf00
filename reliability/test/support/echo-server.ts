import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

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

/** A vendor error body that echoes everything the client sent: its credentials included. */
export const echoingBody = (status: number, request: EchoRequest): Record<string, unknown> => ({
  status,
  error: 'Echo',
  message: `refused ${request.method} ${request.path} with ${JSON.stringify(request.headers)} ${request.body}`,
  errors: [{ field: 'auth', given: request.headers.authorization ?? request.headers['x-api-key'] ?? request.body }],
  request,
})

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A loopback HTTP server that answers every request with `handle` (a vendor behaving badly). */
export interface HostileServer {
  url: string
  requests: number
  close(): Promise<void>
}

export const startHostileServer = async (
  handle: (request: IncomingMessage, response: ServerResponse, url: URL) => void,
): Promise<HostileServer> => {
  const hung = new Set<ServerResponse>()
  const state = { requests: 0 }
  const server = createServer((request, response) => {
    state.requests += 1
    hung.add(response)
    response.on('close', () => hung.delete(response))
    handle(request, response, new URL(request.url ?? '/', 'http://127.0.0.1'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hung) response.destroy()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** Answers JSON. */
export const json = (response: ServerResponse, status: number, body: string | object): void => {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  response.end(text)
}

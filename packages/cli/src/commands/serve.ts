import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import type { RcsClient } from '@rcs-records/core'
import { CliError } from '../cli-error.js'
import type { ExitCode } from '../exit-codes.js'
import { EXIT } from '../exit-codes.js'
import { waitForAbort } from '../runtime/wait-for-abort.js'
import type { Session } from './session.js'

/**
 * The environment variable `serve` reads the webhook secret from (never a flag: flags show in `ps`).
 */
export const WEBHOOK_SECRET_ENV = 'RCS_RECORDS_WEBHOOK_SECRET'

const DEFAULT_PORT = 8080
const DEFAULT_HOST = '127.0.0.1'

/**
 * Options of `rcs-records serve`.
 */
export interface ServeOptions {
  store: string
  port?: number
  host?: string
}

/** One access-log line: no body, no header, no query string (`?token=` may carry the secret). */
const accessLine = (request: IncomingMessage, response: ServerResponse, startedAt: bigint): string => {
  const path = (request.url ?? '/').split('?')[0] as string
  const ms = Number(process.hrtime.bigint() - startedAt) / 1e6
  return `${new Date().toISOString()} ${request.socket.remoteAddress ?? '-'} ${request.method ?? '-'} ${path.slice(0, 200)} ${
    response.statusCode
  } ${ms.toFixed(1)}ms`
}

/**
 * `rcs-records serve`: receives the vendors' delivery callbacks on `POST /webhooks/<provider>` and applies them to
 * the store (`--store URL`: PGlite directory, `memory://`, or PostgreSQL) with `createWebhookHandler`, on a Node
 * `http` server through `@hono/node-server`'s request listener. The secret comes from RCS_RECORDS_WEBHOOK_SECRET.
 * One access-log line per request on stderr; SIGTERM or Ctrl-C stops accepting connections, lets the requests in
 * flight finish, closes the store and exits 0.
 */
export const runServe = async (session: Session, options: ServeOptions): Promise<ExitCode> => {
  const secret = session.io.env[WEBHOOK_SECRET_ENV]
  if (secret === undefined || secret === '') {
    throw CliError.config(`serve needs the webhook secret in the environment variable ${WEBHOOK_SECRET_ENV}`)
  }
  const clients: Record<string, RcsClient> = {}
  for (const client of await session.openClients({ many: true })) {
    if (client.capabilities.webhooks) clients[client.provider] = client
  }
  if (Object.keys(clients).length === 0) {
    throw CliError.usage('serve: none of the providers sends webhooks (partner-gateway and bsg do)')
  }
  const { createWebhookHandler, openStore } = await import('@rcs-records/store')
  const store = await openStore(options.store)
  try {
    const handler = createWebhookHandler({
      clients,
      store,
      secret,
      onError: (error) => session.note(`rcs-records: ${error instanceof Error ? error.message : String(error)}`),
    })
    const listener = getRequestListener(handler)
    const server = createServer((request, response) => {
      const startedAt = process.hrtime.bigint()
      response.once('close', () => session.note(accessLine(request, response, startedAt)))
      void listener(request, response)
    })
    // A sender that trickles its headers or body is cut off (the handler also bounds the body's own time).
    server.headersTimeout = 10_000
    server.requestTimeout = 30_000
    const port = options.port ?? DEFAULT_PORT
    const host = options.host ?? DEFAULT_HOST
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE') reject(CliError.usage(`port ${port} is in use; pick another with --port`))
        else if (error.code === 'EACCES') reject(CliError.usage(`port ${port} needs privileges; pick one above 1023`))
        else reject(error)
      })
      server.listen(port, host, resolve)
    })
    const address = server.address() as AddressInfo
    const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address
    session.note(
      `rcs-records: receiving webhooks for ${Object.keys(clients).join(', ')} at http://${shown}:${address.port}/webhooks/<provider>`,
    )
    const terminated = new Promise<void>((resolve) => {
      const onTerm = () => resolve()
      process.once('SIGTERM', onTerm)
      session.scope.signal.addEventListener('abort', () => process.off('SIGTERM', onTerm), { once: true })
    })
    await Promise.race([terminated, waitForAbort(session.scope.signal)])
    session.note('rcs-records: stopping: finishing the requests in flight')
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeIdleConnections()
    })
  } finally {
    await store.close()
  }
  session.note('rcs-records: stopped')
  return EXIT.ok
}

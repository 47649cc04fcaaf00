import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { parseWebhook as parseBsg } from '@rcs-records/bsg'
import { mergeRecords, type RcsRecord } from '@rcs-records/core'
import { parseWebhook as parsePartnerGateway } from '@rcs-records/partner-gateway'

/** Callback bodies are small; refuse anything larger instead of buffering it. */
const MAX_BODY_BYTES = 1_000_000

/** A pure callback parser: Right with the records, or Left with a `decode` RcsError. */
type Parser = (body: unknown) => ReturnType<typeof parsePartnerGateway>

/**
 * The in-memory store: one merged record per `provider:id`.
 *
 * @example
 * import type { RecordStore } from './receiver.js'
 * const statusOf = (store: RecordStore, id: string) => store.get(`bsg:${id}`)?.status
 */
export type RecordStore = Map<string, RcsRecord>

/**
 * Options of {@link createWebhookReceiver}.
 *
 * @example
 * import type { ReceiverOptions } from './receiver.js'
 * const options: ReceiverOptions = { bsgTimeZone: 'Europe/Kyiv' }
 */
export interface ReceiverOptions {
  /** BSG sends zone-less local times; the zone of your BSG account. Default `UTC`. */
  bsgTimeZone?: string
  store?: RecordStore
  /** Called with every record after it was merged. */
  onRecord?: (merged: RcsRecord, incoming: RcsRecord) => void
}

/** The body as text, or null as soon as it grows over the limit (the rest is ignored; the reply closes the connection). */
const readBody = (request: IncomingMessage): Promise<string | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        tooLarge = true
        chunks.length = 0
        resolve(null)
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })

/**
 * A node:http server for the vendors' delivery callbacks: `POST /webhooks/partner-gateway` and
 * `POST /webhooks/bsg`. Each body is parsed by the adapter's pure `parseWebhook` (no credentials needed) and every
 * record is merged into the store with core's `mergeRecords` — so duplicated, late or out-of-order callbacks never
 * move a status backwards. Answers 204 quickly (the vendors want a 2xx within seconds), 400 with the decode error
 * for a body that is not a callback, 404/405 otherwise, 413 for a body over 1 MB.
 *
 * @example
 * import { createWebhookReceiver } from './receiver.js'
 * const { server, store } = createWebhookReceiver({ bsgTimeZone: 'Europe/Kyiv' })
 * server.listen(8080)
 */
export const createWebhookReceiver = (options: ReceiverOptions = {}): { server: Server; store: RecordStore } => {
  const store: RecordStore = options.store ?? new Map()
  const parsers: Readonly<Record<string, Parser>> = {
    '/webhooks/partner-gateway': parsePartnerGateway,
    '/webhooks/bsg': (body) => parseBsg(body, { timeZone: options.bsgTimeZone ?? 'UTC' }),
  }
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const reply = (status: number, body?: unknown) => {
      response.writeHead(status, {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(status === 413 ? { connection: 'close' } : {}),
      })
      response.end(body === undefined ? undefined : JSON.stringify(body))
    }
    const path = new URL(request.url ?? '/', 'http://receiver').pathname
    const parse = Object.hasOwn(parsers, path) ? parsers[path] : undefined
    if (parse === undefined) return reply(404, { error: 'no such webhook' })
    if (request.method !== 'POST') return reply(405, { error: 'POST only' })
    const text = await readBody(request)
    if (text === null) return reply(413, { error: 'body too large' })
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return reply(400, { error: 'the body is not JSON' })
    }
    const parsed = parse(body)
    if (parsed._tag === 'Left') return reply(400, { error: parsed.left.message, kind: parsed.left.kind })
    for (const incoming of parsed.right) {
      const key = `${incoming.provider}:${incoming.id}`
      const merged = mergeRecords(store.get(key), incoming)
      store.set(key, merged)
      options.onRecord?.(merged, incoming)
    }
    return reply(204)
  }
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      // The client went away mid-body: nothing to answer.
      if (!response.headersSent) response.writeHead(400).end()
    })
  })
  return { server, store }
}

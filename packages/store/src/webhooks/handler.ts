import type { RcsClient, RcsError } from '@rcs-records/core'
import { createSecretSet } from '@rcs-records/core/kit'
import type { RecordStore } from '../store.js'
import { acceptableContentType, exceedsDepth, readBoundedBody } from './body.js'
import { type DeadLetterLimits, keepDeadLetter } from './dead-letters.js'
import { groupApply } from './group-apply.js'
import { checkSecret, matchesSecret, presentedSecrets } from './secret.js'

/**
 * Options of {@link createWebhookHandler}.
 *
 * @example
 * import type { WebhookHandlerOptions } from '@rcs-records/store'
 * const limits: Partial<WebhookHandlerOptions> = { maxBodyBytes: 256_000, bodyTimeoutMs: 5_000 }
 */
export interface WebhookHandlerOptions {
  /** The clients whose callbacks are received, by the `<provider>` of `POST /webhooks/<provider>`. */
  clients: Readonly<Record<string, RcsClient>>
  store: RecordStore
  /** The shared secret vendors present (Bearer, Basic password or `?token=`); at least 16 characters. */
  secret: string
  /** The largest body read (default 1 MB): a larger one is 413, read no further than this. */
  maxBodyBytes?: number
  /** How long a body may take to arrive (default 10 s; vendors wait ~5 s for the answer): later is 408. */
  bodyTimeoutMs?: number
  /** The deepest JSON nesting accepted (default 32; the vendors' callbacks nest 3 levels): deeper is 400. */
  maxJsonDepth?: number
  /** Limits of the dead-letter table of malformed bodies. */
  deadLetters?: DeadLetterLimits
  /**
   * Called with what went wrong on the handler's side (the store unreachable: the answer is 503, so the vendor
   * retries; a dead letter that could not be kept). Never called for a bad request.
   */
  onError?: (error: unknown) => void
}

const json = (status: number, error: string, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify({ error }), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  })

/** Answers that leave part of a body unread close the connection, so a server does not drain the rest first. */
const CLOSE = { connection: 'close' }

const ROUTE = /(?:^|\/)webhooks\/([^/]+)\/?$/

/**
 * A handler for vendors' delivery callbacks on the Fetch API (`Request` → `Response`: Node through a listener such
 * as `@hono/node-server`'s, Bun, Deno, workers, Hono). `POST /webhooks/<provider>` (the path may have a prefix)
 * with the secret as `Authorization: Bearer <secret>`, the password of Basic auth, or `?token=<secret>`, compared in
 * constant time. The body is parsed by `clients[provider]`'s `parseWebhook` and applied to the store with
 * `source: 'webhook'`, so duplicated and out-of-order callbacks never move a status backwards. Callbacks that arrive
 * while the store is writing are applied together in the next transaction (group commit), each answered once its
 * records are committed: under load a callback waits for one transaction, not for one per callback before it.
 *
 * Answers: 204 applied (or not a delivery report: a reply, a click — nothing changes); 400 malformed (not JSON,
 * nested deeper than `maxJsonDepth`, not a callback of that vendor), nothing changes and the body is kept in
 * `rcs_dead_letters` (cut, secrets removed); 401 no or a wrong secret (before the body is read); 404 an unknown
 * path or provider (a provider is only told apart after the secret); 405 not POST; 408 the body did not arrive
 * within `bodyTimeoutMs`; 413 larger than `maxBodyBytes` (read no further); 415 a content type that is not JSON or
 * plain text; 503 the store failed (the vendor retries). No answer quotes the secret or the body.
 *
 * @example
 * import { createClient } from '@rcs-records/core'
 * import partnerGateway from '@rcs-records/partner-gateway'
 * import { createWebhookHandler, openStore } from '@rcs-records/store'
 * const store = await openStore('pglite:./delivery-state')
 * const handler = createWebhookHandler({
 *   clients: { 'partner-gateway': createClient({ adapter: partnerGateway, config: { apiKey: process.env.PG_API_KEY } }) },
 *   store,
 *   secret: process.env.RCS_RECORDS_WEBHOOK_SECRET ?? '',
 * })
 * const response = await handler(new Request('http://localhost/webhooks/partner-gateway', { method: 'POST' }))
 */
export const createWebhookHandler = (options: WebhookHandlerOptions): ((request: Request) => Promise<Response>) => {
  const secret = checkSecret(options.secret)
  const secrets = createSecretSet()
  secrets.add(secret)
  const { clients, store } = options
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000
  const maxJsonDepth = options.maxJsonDepth ?? 32
  const onError = options.onError ?? (() => {})
  const applyCallback = groupApply(store, 'webhook')

  const refuse = async (provider: string, contentType: string | null, reason: string, text: string, size: number) => {
    try {
      await keepDeadLetter(
        store,
        secrets,
        { provider, contentType, reason, body: text, bodyBytes: size },
        options.deadLetters ?? {},
      )
    } catch (error) {
      onError(error)
    }
    return json(400, reason)
  }

  return async (request) => {
    const url = new URL(request.url)
    const route = ROUTE.exec(url.pathname)
    if (route === null) return json(404, 'not found', CLOSE)
    if (request.method !== 'POST') return json(405, 'POST only', { allow: 'POST', ...CLOSE })
    if (!matchesSecret(presentedSecrets(request, url), secret)) {
      return json(401, 'unauthorized', { 'www-authenticate': 'Bearer', ...CLOSE })
    }
    let provider: string
    try {
      provider = decodeURIComponent(route[1] as string)
    } catch {
      return json(404, 'no such provider', CLOSE)
    }
    const client = Object.hasOwn(clients, provider) ? clients[provider] : undefined
    if (client === undefined || !client.capabilities.webhooks) return json(404, 'no such provider', CLOSE)
    const contentType = request.headers.get('content-type')
    if (!acceptableContentType(contentType)) return json(415, 'the body must be JSON', CLOSE)
    const body = await readBoundedBody(request, maxBodyBytes, bodyTimeoutMs)
    if (body.kind === 'too_large') return json(413, `the body is larger than ${maxBodyBytes} bytes`, CLOSE)
    if (body.kind === 'timeout') return json(408, 'the body did not arrive in time', CLOSE)
    if (body.kind === 'aborted') return json(400, 'the body was cut off', CLOSE)
    const text = new TextDecoder().decode(body.bytes)
    const size = body.bytes.length
    if (exceedsDepth(text, maxJsonDepth)) {
      return refuse(provider, contentType, `JSON nested deeper than ${maxJsonDepth} levels`, text, size)
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      return refuse(provider, contentType, 'the body is not JSON', text, size)
    }
    const parsed = client.te.parseWebhook(value)
    if (parsed._tag === 'Left') return refuse(provider, contentType, describe(parsed.left), text, size)
    if (parsed.right.length === 0) return new Response(null, { status: 204 })
    try {
      await applyCallback(parsed.right)
    } catch (error) {
      onError(error)
      return json(503, 'the store is unavailable', { 'retry-after': '5' })
    }
    return new Response(null, { status: 204 })
  }
}

/** A decode error's message and the paths it names (never the body). */
const describe = (error: RcsError): string => error.message

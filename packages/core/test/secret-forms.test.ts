import { inspect } from 'node:util'
import { right } from 'fp-ts/lib/Either.js'
import nock from 'nock'
import { describe, expect, it } from 'vitest'
import { createClient, type HttpEvent, type Logger, RcsError, type RcsRecord } from '../src/index.js'
import { fakeAdapter, record, validConfig } from './helpers/fake-adapter.js'
import { useNock } from './helpers/http.js'

useNock()

const ORIGIN = 'https://api.fake.example'

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')
const percentUpper = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
const percentLower = (text: string): string => percentUpper(text).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())
const formEncoded = (text: string): string => new URLSearchParams({ v: text }).toString().slice(2)
const jsonEscaped = (text: string): string => JSON.stringify(text).slice(1, -1)

/** A fresh credential with a quote, a backslash, a slash, a space and a non-ASCII letter in it. */
const hostileSecret = (): string => `k3y"CANARY\\${Math.random().toString(36).slice(2, 10)}/ä ü+=`

/** Every form a vendor may echo `secret` in (the test looks for each of them in every view of the outcome). */
const formsOf = (secret: string, user: string): Record<string, string> => ({
  raw: secret,
  'JSON-escaped': jsonEscaped(secret),
  'JSON-escaped twice': jsonEscaped(jsonEscaped(secret)),
  'JSON-escaped, PHP style': jsonEscaped(secret)
    .replace(/\//g, '\\/')
    .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  'percent-encoded (upper-case hex)': percentUpper(secret),
  'percent-encoded (lower-case hex)': percentLower(secret),
  'form-encoded (+ for space)': formEncoded(secret),
  'form-encoded, lower-case hex': formEncoded(secret).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
  base64: base64(secret),
  'base64 of user:secret': base64(`${user}:${secret}`),
  'base64 of a longer text holding it': base64(`x${secret}`),
  'base64 of a text holding it, offset 2': base64(`xy${secret}`),
  'base64url of it': Buffer.from(secret).toString('base64url'),
})

/** The parts of a form that must not survive: the whole form, and (for long ones) its two halves. */
const leaks = (text: string, forms: Record<string, string>): string[] =>
  Object.entries(forms).flatMap(([name, form]) => (text.includes(form) ? [name] : []))

const views = (error: unknown): string => {
  const parts = [String(error), inspect(error, { depth: 20, showHidden: true })]
  if (error instanceof Error) parts.push(error.message, String(error.stack), inspect(error.cause, { depth: 20 }))
  if (error instanceof RcsError) parts.push(JSON.stringify(error), inspect(error.details, { depth: 20 }))
  return parts.join('\n')
}

const capturing = (): { logger: Logger; text: () => string } => {
  const lines: string[] = []
  const push = (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${message} ${inspect(fields, { depth: 20 })}`)
  }
  return { logger: { debug: push, info: push, warn: push, error: push }, text: () => lines.join('\n') }
}

/**
 * A client of the fake adapter whose `get` sends the API key as `X-Api-Key` (as partner-gateway does) and logs what
 * the vendor answered (as an adapter that reports a skipped record does), with hooks and a logger that keep all.
 */
const echoingClient = (apiKey: string, extraConfig: Record<string, unknown> = {}) => {
  const events: HttpEvent[] = []
  const log = capturing()
  const fake = fakeAdapter({
    get: (id) => async () => {
      const { ctx, config } = fake.created[0] as (typeof fake.created)[number]
      const result = await ctx.http.request({ url: `${ORIGIN}/m/${id}`, headers: { 'x-api-key': config.apiKey } })()
      if (result._tag === 'Left') {
        ctx.logger.warn('the vendor refused a lookup', { said: result.left.message, details: result.left.details })
        return result
      }
      ctx.logger.warn('the vendor answered', { body: result.right.body })
      return right(record(id, 'delivered') as RcsRecord)
    },
  })
  const client = createClient({
    adapter: fake.definition,
    config: validConfig({ apiKey, baseUrl: ORIGIN, ...extraConfig }),
    logger: log.logger,
    http: {
      retry: { limit: 1, baseDelayMs: 1, maxDelayMs: 1 },
      hooks: { onRequest: (e) => events.push(e), onResponse: (e) => events.push(e), onRetry: (e) => events.push(e) },
    },
  })
  return { client, events, log }
}

const everything = async (apiKey: string, reply: (forms: Record<string, string>) => [number, unknown]) => {
  const forms = formsOf(apiKey, 'canary-user')
  const { client, events, log } = echoingClient(apiKey)
  const [status, body] = reply(forms)
  nock(ORIGIN)
    .get('/m/1')
    .times(2)
    .reply(status, body as nock.Body)
  const error = await client.get('1').catch((caught: unknown) => caught)
  return {
    forms,
    error,
    text: [views(error), inspect(events, { depth: 20 }), JSON.stringify(events), log.text()].join('\n'),
  }
}

describe('a credential with quotes, backslashes, slashes and spaces never leaks, in any form a vendor echoes', () => {
  it('echoed in the JSON `errors` of a 400 (stringified into the message): no form survives', async () => {
    const apiKey = hostileSecret()
    const { forms, error, text } = await everything(apiKey, (f) => [
      400,
      { message: 'The given data was invalid.', errors: [{ field: 'x-api-key', given: apiKey, forms: f }] },
    ])
    expect(RcsError.is(error, 'bad_request')).toBe(true)
    expect((error as RcsError).message).toContain('The given data was invalid.')
    expect(leaks(text, forms)).toEqual([])
  })

  it.each([400, 401, 403, 422, 429, 500, 503])('echoed in every form inside the message of a %s', async (status) => {
    const apiKey = hostileSecret()
    const { forms, text } = await everything(apiKey, (f) => [
      status,
      { message: `refused ${Object.values(f).join(' | ')}`, echo: JSON.stringify({ given: apiKey }) },
    ])
    expect(leaks(text, forms)).toEqual([])
  })

  it('echoed in every form in a text (HTML) error body', async () => {
    const apiKey = hostileSecret()
    const { forms, text } = await everything(apiKey, (f) => [502, `<html><p>${Object.values(f).join('<br>')}</p>`])
    expect(leaks(text, forms)).toEqual([])
  })

  it('echoed in every form in a truncated 200 body', async () => {
    const apiKey = hostileSecret()
    const { forms, text } = await everything(apiKey, (f) => [
      200,
      `{"echo":"${Object.values(f).join(' ')}", "key":"${jsonEscaped(apiKey)}`,
    ])
    expect(leaks(text, forms)).toEqual([])
  })

  it('echoed in a 200 body that the adapter logs: the logger line is redacted too', async () => {
    const apiKey = hostileSecret()
    const { forms, error, text } = await everything(apiKey, (f) => [200, { echo: f }])
    expect(error).not.toBeInstanceOf(Error)
    expect(leaks(text, forms)).toEqual([])
  })
})

describe('short credentials', () => {
  it.each(['abc12', 'x', 'a b'])(
    'a configured secret of %j (under 6 characters) is a config error that does not echo it',
    (apiKey) => {
      const { definition } = fakeAdapter()
      let thrown: unknown
      try {
        createClient({ adapter: definition, config: validConfig({ apiKey }) })
      } catch (error) {
        thrown = error
      }
      expect(RcsError.is(thrown, 'config')).toBe(true)
      const error = thrown as RcsError
      expect(error.message).toContain('apiKey')
      expect(error.message).toMatch(/at least 6 characters/)
      expect(views(error)).not.toContain(`"${apiKey}"`)
      if (apiKey.length > 2) expect(views(error)).not.toContain(apiKey)
    },
  )

  it('a secret of exactly 6 characters is accepted and redacted', async () => {
    const apiKey = 'q"6\\ch'
    const { text } = await everything(apiKey, () => [401, { message: `bad key ${apiKey}`, errors: { key: apiKey } }])
    expect(text).not.toContain(apiKey)
    expect(text).not.toContain(jsonEscaped(apiKey))
  })
})

describe('a password in the base URL', () => {
  it.each([
    'https://user:pw-CANARY-77@api.fake.example',
    'https://pw-CANARY-77@api.fake.example/v1',
    'https://user:pw-CANARY-77@api.fake.example:8443/?x=1',
  ])('%s is a config error that does not echo it', (baseUrl) => {
    const { definition } = fakeAdapter()
    let thrown: unknown
    try {
      createClient({ adapter: definition, config: validConfig({ baseUrl }) })
    } catch (error) {
      thrown = error
    }
    expect(RcsError.is(thrown, 'config')).toBe(true)
    expect((thrown as RcsError).message).toMatch(/baseUrl/)
    expect(views(thrown)).not.toContain('pw-CANARY-77')
  })
})

describe('secrets belong to the client that holds them', () => {
  it("a 2xx field named like a credential is not a secret: another client's errors are not mangled", async () => {
    const first = echoingClient('first-client-key-0001')
    nock(ORIGIN).get('/m/1').reply(200, { sessionToken: 'partner-gateway', authority: 'fake' })
    await first.client.get('1')
    const second = echoingClient('second-client-key-0002')
    nock(ORIGIN).get('/m/2').reply(404, { message: 'no partner-gateway message 2 (fake)' })
    const error = await second.client.get('2').catch((caught: unknown) => caught)
    expect((error as RcsError).message).toContain('no partner-gateway message 2 (fake)')
    expect((error as RcsError).message).not.toContain('[REDACTED]')
  })

  it("one client's credential does not redact another client's text", async () => {
    const first = echoingClient('shared-looking-text-01')
    nock(ORIGIN).get('/m/1').reply(500, { message: 'shared-looking-text-01' })
    const firstError = await first.client.get('1').catch((caught: unknown) => caught)
    expect((firstError as RcsError).message).not.toContain('shared-looking-text-01')
    const second = echoingClient('another-key-0000002')
    nock(ORIGIN).get('/m/2').reply(404, { message: 'id shared-looking-text-01 unknown' })
    const secondError = await second.client.get('2').catch((caught: unknown) => caught)
    expect((secondError as RcsError).message).toContain('id shared-looking-text-01 unknown')
  })
})

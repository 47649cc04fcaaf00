import { inspect } from 'node:util'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { redactDeep } from '../src/errors/secrets.js'
import { type DecodeErrorDetails, RcsError, type RcsErrorKind } from '../src/index.js'
import { decodeError, decodeWith, issuesFromValidation, redact, registerSecret } from '../src/kit.js'

const KINDS: Record<RcsErrorKind, boolean> = {
  config: false,
  auth: false,
  not_found: false,
  bad_request: false,
  rate_limited: true,
  provider: true,
  transport: true,
  timeout: true,
  decode: false,
  unsupported: false,
}

describe('RcsError', () => {
  it.each(Object.entries(KINDS))('%s defaults retryable to %s', (kind, retryable) => {
    const error = new RcsError({ kind: kind as RcsErrorKind, message: 'm' })
    expect(error.kind).toBe(kind)
    expect(error.retryable).toBe(retryable)
    expect(error).toBeInstanceOf(Error)
    expect(error).toBeInstanceOf(RcsError)
    expect(error.name).toBe('RcsError')
    expect(RcsError.is(error)).toBe(true)
    expect(RcsError.is(error, kind as RcsErrorKind)).toBe(true)
  })

  it('defaults provider, httpStatus, retryAfterMs and details to null', () => {
    const error = new RcsError({ kind: 'auth', message: 'denied' })
    expect(error).toMatchObject({
      provider: null,
      httpStatus: null,
      retryAfterMs: null,
      details: null,
      message: 'denied',
    })
    expect(error.cause).toBeUndefined()
  })

  it('keeps what it is given and lets retryable be overridden', () => {
    const error = new RcsError({
      kind: 'rate_limited',
      message: 'slow down',
      provider: 'bsg',
      httpStatus: 429,
      retryable: false,
      retryAfterMs: 1500,
      details: { body: { message: 'Too Many Attempts.' } },
    })
    expect(error).toMatchObject({ provider: 'bsg', httpStatus: 429, retryable: false, retryAfterMs: 1500 })
    expect(error.details).toEqual({ body: { message: 'Too Many Attempts.' } })
  })

  it('RcsError.is tells kinds and foreign errors apart', () => {
    expect(RcsError.is(new RcsError({ kind: 'auth', message: 'x' }), 'config')).toBe(false)
    expect(RcsError.is(new Error('x'))).toBe(false)
    expect(RcsError.is({ kind: 'auth', message: 'x' })).toBe(false)
  })

  it('toJSON is a plain view with every public field', () => {
    const error = new RcsError({
      kind: 'not_found',
      message: 'No message 42',
      provider: 'bsg',
      httpStatus: 404,
      details: { id: '42' },
    })
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'RcsError',
      kind: 'not_found',
      message: 'bsg: No message 42',
      provider: 'bsg',
      httpStatus: 404,
      retryable: false,
      retryAfterMs: null,
      details: { id: '42' },
    })
  })

  it('the stack and util.inspect name the error class', () => {
    const error = new RcsError({ kind: 'auth', message: 'denied' })
    expect(error.stack?.split('\n')[0]).toBe('RcsError: denied')
    expect(inspect(error)).toMatch(/^RcsError: denied/)
  })

  it('keeps an RcsError cause as is and reduces other causes to name, message and stack', () => {
    const inner = new RcsError({ kind: 'timeout', message: 'slow' })
    expect(new RcsError({ kind: 'provider', message: 'outer', cause: inner }).cause).toBe(inner)
    const foreign = Object.assign(new TypeError('fetch failed'), { request: { headers: { authorization: 'x' } } })
    const cause = new RcsError({ kind: 'transport', message: 'net', cause: foreign }).cause as Error
    expect(cause).toBeInstanceOf(Error)
    expect(cause.name).toBe('TypeError')
    expect(cause.message).toBe('fetch failed')
    expect(Object.keys(cause)).not.toContain('request')
    expect(inspect(cause)).not.toContain('authorization')
  })
})

describe('secrets', () => {
  const API_KEY = 'live_CANARY_apikey_7f3a9c'
  const PASSWORD = 'CANARY-pa55word-x1'
  const TOKEN = 'eyJCANARYtoken.payload.sig'
  const BASIC = `Basic ${btoa(`user:${PASSWORD}`)}`
  const canaries = [API_KEY, PASSWORD, TOKEN, BASIC, btoa(`user:${PASSWORD}`)]
  for (const secret of [API_KEY, PASSWORD, TOKEN, BASIC]) registerSecret(secret)

  const assertClean = (error: RcsError) => {
    const views = [
      error.message,
      String(error.stack),
      JSON.stringify(error),
      JSON.stringify(error.details),
      inspect(error, { depth: 10 }),
      inspect(error.cause, { depth: 10 }),
      String(error),
    ]
    for (const view of views) for (const canary of canaries) expect(view).not.toContain(canary)
    return views
  }

  it('redact replaces every registered secret, the longest first', () => {
    expect(redact(`key=${API_KEY}&token=${TOKEN}`)).toBe('key=[REDACTED]&token=[REDACTED]')
    expect(redact(BASIC)).toBe('[REDACTED]')
    expect(redact('nothing secret')).toBe('nothing secret')
  })

  it('ignores values too short to be credentials', () => {
    registerSecret('abc')
    registerSecret('')
    registerSecret(null)
    registerSecret(undefined)
    expect(redact('abc abcdef')).toBe('abc abcdef')
  })

  it('also redacts the URL-encoded form of a secret', () => {
    registerSecret('CANARY/with+special=')
    expect(redact(`?key=${encodeURIComponent('CANARY/with+special=')}`)).toBe('?key=[REDACTED]')
  })

  it('redactDeep copies plain data with secrets removed from values and keys, and survives cycles', () => {
    const cyclic: Record<string, unknown> = { token: TOKEN, [API_KEY]: 1, list: [PASSWORD, 2], error: new Error(TOKEN) }
    cyclic.self = cyclic
    const out = redactDeep(cyclic) as Record<string, unknown>
    expect(JSON.stringify(out)).not.toContain('CANARY')
    expect(out.token).toBe('[REDACTED]')
    expect(out['[REDACTED]']).toBe(1)
    expect(out.list).toEqual(['[REDACTED]', 2])
    expect(out.error).toEqual({ name: 'Error', message: '[REDACTED]' })
    expect(out.self).toBe('[…]')
  })

  it('never shows a secret in message, details, stack, cause, util.inspect or JSON', () => {
    const error = new RcsError({
      kind: 'auth',
      provider: 'bsg',
      message: `login with ${API_KEY} refused; header ${BASIC}`,
      details: { request: { headers: { authorization: `Bearer ${TOKEN}` }, body: { password: PASSWORD } } },
      cause: new Error(`upstream said ${TOKEN} / ${PASSWORD}`),
    })
    const [message] = assertClean(error)
    expect(message).toContain('[REDACTED]')
    expect(inspect(error, { depth: 10 })).toContain('[REDACTED]')
  })

  it('a non-Error cause is redacted deeply', () => {
    const error = new RcsError({ kind: 'provider', message: 'x', cause: { said: TOKEN } })
    expect(error.cause).toEqual({ said: '[REDACTED]' })
    assertClean(error)
  })
})

describe('decodeWith / decodeError / issuesFromValidation', () => {
  const Item = t.type({ id: t.union([t.string, t.number]), status: t.string, sentAt: t.union([t.string, t.null]) })
  const Page = t.type({ data: t.array(Item), meta: t.type({ total: t.number }) })

  it('returns the decoded value on success', () => {
    const payload = { data: [{ id: 1, status: 'sent', sentAt: null }], meta: { total: 1 } }
    expect(decodeWith('bsg', Page, payload)).toEqual({ _tag: 'Right', right: payload })
  })

  it('names each failing path (data.1.status), what was expected and what was found', () => {
    const payload = {
      data: [
        { id: 1, status: 'sent', sentAt: null },
        { id: 2, status: 7, sentAt: 5 },
      ],
      meta: {},
    }
    const result = decodeWith('bsg', Page, payload)
    if (result._tag === 'Right') throw new Error('expected a decode error')
    const error = result.left
    expect(error.kind).toBe('decode')
    expect(error.provider).toBe('bsg')
    expect(error.retryable).toBe(false)
    const details = error.details as DecodeErrorDetails
    expect(details.issues).toEqual([
      { path: 'data.1.status', expected: 'string', actual: '7' },
      { path: 'data.1.sentAt', expected: 'string | null', actual: '5' },
      { path: 'meta.total', expected: 'number', actual: 'undefined' },
    ])
    expect(error.message).toBe(
      'bsg: payload is not a valid record: data.1.status: expected string, got 7; data.1.sentAt: expected string | null, got 5; meta.total: expected number, got undefined',
    )
  })

  it('keeps the raw payload by reference and reads the id', () => {
    const payload = { id: 26130, status: null, sentAt: null }
    const result = decodeWith('bsg', Item, payload)
    if (result._tag === 'Right') throw new Error('expected a decode error')
    const details = result.left.details as DecodeErrorDetails
    expect(details.raw).toBe(payload)
    expect(details.id).toBe('26130')
  })

  it('reads the id from the keys the adapter names, and null when there is none', () => {
    const error = decodeError('spacivox', { messageId: 'abc' }, [], ['uuid', 'messageId'])
    expect((error.details as DecodeErrorDetails).id).toBe('abc')
    expect((decodeError('x', 'not an object', []).details as DecodeErrorDetails).id).toBeNull()
    expect((decodeError('x', { id: { nested: 1 } }, []).details as DecodeErrorDetails).id).toBeNull()
  })

  it('summarises at most three issues in the message and counts the rest', () => {
    const issues = ['a', 'b', 'c', 'd', 'e'].map((path) => ({ path, expected: 'string', actual: 'undefined' }))
    const error = decodeError('x', {}, issues)
    expect(error.message).toMatch(/c: expected string, got undefined \(\+2 more\)$/)
    expect((error.details as DecodeErrorDetails).issues).toHaveLength(5)
  })

  it('describes values briefly: arrays by length, objects by kind, long text shortened', () => {
    const Codec = t.type({ a: t.string, b: t.string, c: t.number, d: t.number })
    const result = Codec.decode({ a: [1, 2, 3], b: null, c: { x: 1 }, d: 'x'.repeat(100) })
    if (result._tag === 'Right') throw new Error('expected failure')
    const actual = Object.fromEntries(issuesFromValidation(result.left).map((i) => [i.path, i.actual]))
    expect(actual).toEqual({ a: 'array(3)', b: 'null', c: 'object', d: `"${'x'.repeat(36)}...` })
  })

  it('reports the root when the payload is not an object, and caps issues at 20', () => {
    const root = t.type({ id: t.string }).decode('nope')
    if (root._tag === 'Right') throw new Error('expected failure')
    expect(issuesFromValidation(root.left)[0]?.path).toBe('(root)')
    const many = t.array(t.string).decode(Array.from({ length: 50 }, (_, i) => i))
    if (many._tag === 'Right') throw new Error('expected failure')
    expect(issuesFromValidation(many.left)).toHaveLength(20)
  })

  it('drops the member indices of intersections from paths', () => {
    const Codec = t.intersection([t.type({ id: t.string }), t.partial({ note: t.string })])
    const result = Codec.decode({ id: 1, note: 2 })
    if (result._tag === 'Right') throw new Error('expected failure')
    expect(issuesFromValidation(result.left).map((i) => i.path)).toEqual(['id', 'note'])
  })

  it('never copies a registered secret into the issues', () => {
    registerSecret('CANARY-in-a-payload-0042')
    const result = decodeWith('x', t.type({ id: t.number }), { id: 'prefix CANARY-in-a-payload-0042 suffix' })
    if (result._tag === 'Right') throw new Error('expected failure')
    expect(result.left.message).not.toContain('CANARY')
    expect(JSON.stringify((result.left.details as DecodeErrorDetails).issues)).not.toContain('CANARY')
  })
})

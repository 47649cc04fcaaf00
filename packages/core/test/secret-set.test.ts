import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { scrubError } from '../src/errors/scrub-error.js'
import { formsOfSecret } from '../src/errors/secret-forms.js'
import { RcsError } from '../src/index.js'
import { createSecretSet, decodeError, globalSecrets, MIN_SECRET_LENGTH, registerSecret } from '../src/kit.js'

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

describe('formsOfSecret', () => {
  it('a plain token has few forms: itself and its base64 ones', () => {
    const forms = formsOfSecret('live_8JeF1mLckxI4QResuP6X')
    expect(forms).toContain('live_8JeF1mLckxI4QResuP6X')
    expect(forms).toContain(b64('live_8JeF1mLckxI4QResuP6X').replace(/=+$/, ''))
    expect(forms.length).toBeLessThan(12)
  })

  it('a secret with a quote, a backslash, a slash, a space and ä has every escaping', () => {
    const secret = 'pa"ss\\w/rd ä'
    const forms = formsOfSecret(secret)
    for (const form of [
      secret,
      'pa\\"ss\\\\w/rd ä',
      'pa\\\\\\"ss\\\\\\\\w/rd ä',
      'pa\\"ss\\\\w\\/rd \\u00e4',
      'pa\\"ss\\\\w\\/rd \\u00E4',
      'pa%22ss%5Cw%2Frd%20%C3%A4',
      'pa%22ss%5cw%2frd%20%c3%a4',
      'pa%22ss%5Cw%2Frd+%C3%A4',
      'pa&quot;ss\\w/rd ä',
      b64(secret).replace(/=+$/, ''),
    ]) {
      expect(forms).toContain(form)
    }
    expect(forms.every((form) => form.length >= MIN_SECRET_LENGTH)).toBe(true)
  })
})

describe('a SecretSet', () => {
  it('redacts base64 of the secret at any offset of a longer encoded text', () => {
    const secrets = createSecretSet()
    secrets.add('CANARY-pw-1234')
    for (const prefix of ['', 'u:', 'us:', 'use:', 'user-name:']) {
      const encoded = b64(`${prefix}CANARY-pw-1234 and more`)
      const out = secrets.redact(`Basic ${encoded}`)
      expect(out).toContain('[REDACTED]')
      expect(out.replace('[REDACTED]', '').length).toBeLessThan(`Basic ${encoded}`.length - 12)
    }
  })

  it('removes the longest of two overlapping secrets whole', () => {
    const secrets = createSecretSet()
    secrets.add('abc123')
    secrets.add('abc123-and-more')
    expect(secrets.redact('x abc123-and-more y abc123 z')).toBe('x [REDACTED] y [REDACTED] z')
  })

  it('ignores what is not a string of at least 6 characters', () => {
    const secrets = createSecretSet()
    expect([secrets.add('abc12'), secrets.add(''), secrets.add(42), secrets.add(null)]).toEqual([
      false,
      false,
      false,
      false,
    ])
    expect(secrets.size).toBe(0)
    expect(secrets.redact('abc12 abc123')).toBe('abc12 abc123')
  })

  it('replace keeps the previous secret among the recent ones, at most 8 of them', () => {
    const secrets = createSecretSet()
    secrets.add('the-api-key-1')
    const tokens = Array.from({ length: 12 }, (_, i) => `token-number-${i}`)
    for (const [i, token] of tokens.entries()) secrets.replace(tokens[i - 1], token)
    expect(secrets.size).toBe(2 + 8)
    expect(secrets.redact(tokens.join(' '))).toBe(
      `${tokens.slice(0, 3).join(' ')} ${Array.from({ length: 9 }, () => '[REDACTED]').join(' ')}`,
    )
    expect(secrets.has('the-api-key-1')).toBe(true)
  })

  it("redacts the process-wide secrets too, but not another set's", () => {
    const mine = createSecretSet()
    const theirs = createSecretSet()
    theirs.add('their-secret-99')
    registerSecret('process-wide-secret-77')
    expect(mine.redact('process-wide-secret-77 their-secret-99')).toBe('[REDACTED] their-secret-99')
    expect(globalSecrets.has('process-wide-secret-77')).toBe(true)
  })

  it('clip redacts before cutting, and never leaves the start of a secret cut by the bound', () => {
    const secrets = createSecretSet()
    secrets.add('CANARY-clip-0123456789')
    const text = `${'p'.repeat(95)}CANARY-clip-0123456789 tail`
    const clipped = secrets.clip(text, 100)
    expect(clipped).not.toContain('CANA')
    expect(clipped.length).toBeLessThanOrEqual(101)
    // Redaction shrinking the text cannot pull a later, cut secret into the kept part either.
    const dense = `${'CANARY-clip-0123456789 '.repeat(10)}${'CANARY-clip-0123456789'.slice(0, 15)}`
    expect(secrets.clip(dense, 60)).not.toMatch(/CANARY-c/)
  })

  it('clip of a text the vendor truncated redacts a trailing start of a secret', () => {
    const secrets = createSecretSet()
    secrets.add('CANARY-cut-0123456789')
    expect(secrets.clip('{"id":"CANARY-cut-01', 120, { truncated: true })).toBe('{"id":"[REDACTED]')
    expect(secrets.clip('{"id":"CANARY-cut-01', 120)).toBe('{"id":"CANARY-cut-01')
    expect(secrets.clip('ends with CAN', 120, { truncated: true })).toBe('ends with CAN')
  })

  it('contains and redactDeep see keys, nested values and errors; redactDeep copies plain data only', () => {
    const secrets = createSecretSet()
    secrets.add('deep-secret-42')
    const value = { a: [{ b: 'x deep-secret-42' }], 'deep-secret-42': 1, e: new Error('deep-secret-42') }
    expect(secrets.contains(value)).toBe(true)
    expect(secrets.contains({ a: [{ b: 'nothing' }] })).toBe(false)
    expect(inspect(secrets.redactDeep(value), { depth: 10 })).not.toContain('deep-secret-42')
  })
})

describe('scrubError', () => {
  it('returns the error itself when no secret appears', () => {
    const secrets = createSecretSet()
    secrets.add('scrub-secret-1')
    const error = new RcsError({ kind: 'provider', message: 'plain', details: { a: 1 } })
    expect(scrubError(secrets, error)).toBe(error)
  })

  it('copies an error whose message, stack, details or cause show a secret: same class and fields', () => {
    const secrets = createSecretSet()
    secrets.add('scrub-secret-2')
    const cause = new RcsError({ kind: 'transport', message: 'reset scrub-secret-2' })
    const error = new RcsError({
      kind: 'auth',
      provider: 'acme',
      httpStatus: 401,
      message: 'token scrub-secret-2 refused',
      details: { given: 'scrub-secret-2' },
      cause,
    })
    const scrubbed = scrubError(secrets, error)
    expect(scrubbed).not.toBe(error)
    expect(scrubbed).toBeInstanceOf(RcsError)
    expect(scrubbed).toMatchObject({ kind: 'auth', provider: 'acme', httpStatus: 401, retryable: false })
    expect(scrubbed.message).toBe('acme: token [REDACTED] refused')
    expect(inspect(scrubbed, { depth: 10, showHidden: true })).not.toContain('scrub-secret-2')
    expect(JSON.stringify(scrubbed)).not.toContain('scrub-secret-2')
  })

  it("scrubs a decode error's raw payload (defined read-only by decodeError)", () => {
    const secrets = createSecretSet()
    secrets.add('raw-secret-3')
    const error = decodeError('acme', { id: 'x', echo: 'raw-secret-3' }, [
      { path: 'status', expected: 'string', actual: 'undefined' },
    ])
    const scrubbed = scrubError(secrets, error)
    expect(JSON.stringify(scrubbed.details)).not.toContain('raw-secret-3')
    expect((scrubbed.details as { id: string }).id).toBe('x')
  })
})

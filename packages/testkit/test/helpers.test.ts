import { RcsError } from '@rcs-records/core'
import { buildRecord, decodeError, failureReason } from '@rcs-records/core/kit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mutationsOf } from '../src/arbitraries.js'
import { unseenStatuses } from '../src/checks/statuses.js'
import { decodeErrorProblems } from '../src/decode-error-problems.js'
import { fieldMismatches } from '../src/field-mismatches.js'
import { formatCheckResults } from '../src/index.js'
import { runEither, runTask } from '../src/outcome.js'
import { recordProblems } from '../src/record-problems.js'
import { sameValue } from '../src/same-value.js'
import { secretLeaks } from '../src/secret-leaks.js'

const payload = { id: 7, state: 1, meta: { team: 2 } }
const sound = () => buildRecord({ provider: 'x', id: '7', status: 'delivered', vendorStatus: 1, raw: payload })

describe('recordProblems', () => {
  it('accepts a sound record normalised from the payload', () => {
    expect(recordProblems(sound(), 'x', { value: payload })).toEqual([])
  })

  it('names each broken rule', () => {
    expect(recordProblems({ ...sound(), final: false }, 'x').join()).toMatch(/RcsRecordCodec .*isFinal\(status\)/)
    expect(recordProblems(sound(), 'y')).toEqual(['provider is "x", not "y"'])
    expect(recordProblems({ ...sound(), raw: { ...payload } }, 'x', { value: payload })[0]).toMatch(/same reference/)
    expect(recordProblems({ ...sound(), extra: payload.meta }, 'x')[0]).toMatch(/extra is an object of raw/)
    const reasonOnSent = { ...sound(), status: 'sent', final: false, reason: failureReason('unknown') }
    expect(recordProblems(reasonOnSent, 'x').join()).toMatch(/reason/)
    expect(recordProblems({ ...sound(), createdAt: '2025-01-01 10:00:00' }, 'x')[0]).toMatch(/at createdAt/)
  })
})

describe('decodeErrorProblems', () => {
  it('accepts core decode errors with paths and the raw payload', () => {
    const error = decodeError('x', payload, [{ path: 'state', expected: 'string', actual: '1' }])
    expect(decodeErrorProblems(error, 'x', { paths: ['state'], payload: { value: payload } })).toEqual([])
  })

  it('counts a NaN payload kept in details.raw as kept (fast-check generates NaN; NaN !== NaN)', () => {
    const error = decodeError('x', Number.NaN, [{ path: '(root)', expected: 'object', actual: 'NaN' }])
    expect(decodeErrorProblems(error, 'x', { payload: { value: Number.NaN } })).toEqual([])
    expect(decodeErrorProblems(error, 'x', { payload: { value: 0 } })).toEqual([
      'the decode error does not keep the payload in details.raw',
    ])
  })

  it('rejects plain errors, other kinds, missing paths and a lost payload', () => {
    expect(decodeErrorProblems(new TypeError('boom'), 'x')[0]).toMatch(/not an RcsError/)
    const wrongKind = new RcsError({ kind: 'provider', provider: 'x', message: 'nope' })
    expect(decodeErrorProblems(wrongKind, 'x')).toContain('failed with kind provider, not decode (x: nope)')
    const noPath = new RcsError({ kind: 'decode', provider: 'x', message: 'bad' })
    expect(decodeErrorProblems(noPath, 'x', { payload: { value: payload } })).toEqual([
      'the decode error has no details.issues with a path (use core decodeWith/decodeError)',
      'the decode error does not keep the payload in details.raw',
    ])
    const otherPath = decodeError('x', payload, [{ path: 'id', expected: 'string', actual: '7' }])
    expect(decodeErrorProblems(otherPath, 'x', { paths: ['state'] })).toEqual([
      'the decode error does not name path state (it names id)',
    ])
  })
})

describe('secretLeaks', () => {
  it('finds a secret in the message, details, cause and inspect output without naming it', () => {
    const error = Object.assign(new Error('refused key zz-secret-value-9'), {
      details: { header: 'zz-secret-value-9' },
    })
    const leaks = secretLeaks(error, ['other-secret-1', 'zz-secret-value-9'])
    expect(leaks).toContain('secret #2 in message')
    expect(leaks).toContain('secret #2 in details')
    expect(leaks).toContain('secret #2 in util.inspect')
    expect(leaks.join(' ')).not.toContain('zz-secret-value-9')
    expect(secretLeaks(new Error('all clean'), ['zz-secret-value-9'])).toEqual([])
  })
})

describe('sameValue and fieldMismatches', () => {
  it('compares plain data structurally, whatever the prototype', () => {
    const bare = Object.assign(Object.create(null), { a: [1, { b: null }] })
    expect(sameValue(bare, { a: [1, { b: null }] })).toBe(true)
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameValue([1, 2], [2, 1])).toBe(false)
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true)
  })

  it('reports only the fields given', () => {
    expect(fieldMismatches(sound(), { status: 'delivered', id: '7' })).toEqual([])
    expect(fieldMismatches(sound(), { status: 'read', cost: null })).toEqual([
      'status: expected "read", got "delivered"',
    ])
  })
})

describe('runEither / runTask', () => {
  it('turns throws, rejections and non-Eithers into outcomes', async () => {
    expect(
      runEither(() => {
        throw new TypeError('x')
      }).kind,
    ).toBe('threw')
    expect(runEither(() => ({ nope: true }) as never).kind).toBe('malformed')
    expect((await runTask(() => async () => Promise.reject(new Error('r')))).kind).toBe('threw')
    expect((await runTask(() => async () => ({ _tag: 'Right' as const, right: 1 }))).kind).toBe('right')
  })
})

describe('unseenStatuses', () => {
  it('picks made-up values of the documented type, never a documented one', () => {
    expect(unseenStatuses({ documented: [[0, 'sent']], payloadWith: () => null })).toEqual([987654, -7, 2147483648])
    const strings = unseenStatuses({
      documented: Object.fromEntries([['constructor', 'sent' as const]]),
      payloadWith: () => null,
    })
    expect(strings).toContain('__proto__')
    expect(strings).not.toContain('constructor')
    expect(unseenStatuses({ documented: [], payloadWith: () => null, unseen: ['X'] })).toEqual(['X'])
  })
})

describe('mutationsOf', () => {
  it('changes or removes one to three fields of a sample, leaving the sample itself untouched', () => {
    const sample = { id: 1, state: 0, nested: { a: 'b' } }
    const arbitrary = mutationsOf([sample])
    expect(arbitrary).not.toBeNull()
    const produced = fc.sample(arbitrary as fc.Arbitrary<unknown>, { numRuns: 200, seed: 1 })
    expect(sample).toEqual({ id: 1, state: 0, nested: { a: 'b' } })
    expect(produced.some((value) => !sameValue(value, sample))).toBe(true)
    expect(produced.every((value) => value !== sample)).toBe(true)
    expect(mutationsOf([null, 42])).toBeNull()
  })
})

describe('formatCheckResults', () => {
  it('lists problems of failed checks and notes of the others', () => {
    const text = formatCheckResults([
      { name: 'status.unseen', status: 'failed', problems: ['became "delivered"'], notes: [], durationMs: 1 },
      { name: 'capability.modifiedSince', status: 'skipped', problems: [], notes: ['not declared'], durationMs: 0 },
    ])
    expect(text).toBe('✗ status.unseen\n    became "delivered"\n- capability.modifiedSince\n    not declared')
  })
})

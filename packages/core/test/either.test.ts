import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { left, right } from '../src/kit.js'

describe('left/right: fp-ts-compatible constructors without importing fp-ts at run time', () => {
  it('build exactly the objects fp-ts builds', () => {
    expect(right(1)).toStrictEqual(E.right(1))
    expect(left('no')).toStrictEqual(E.left('no'))
    expect(Object.keys(right(1))).toEqual(Object.keys(E.right(1)))
  })

  it('work with fp-ts functions', () => {
    expect(E.isRight(right(1))).toBe(true)
    expect(E.isLeft(left('no'))).toBe(true)
    expect(E.getOrElse(() => 0)(E.map((n: number) => n + 1)(right<string, number>(1)))).toBe(2)
  })
})

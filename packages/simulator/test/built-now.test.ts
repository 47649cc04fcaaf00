import { describe, expect, it } from 'vitest'
import { builtNow } from '../src/http/built-now.js'
import type { Reply } from '../src/http/types.js'

describe('builtNow (a reply held by the latency fault is built on arrival)', () => {
  it('draws a generator body into chunks at once, and counts its records after it is made', () => {
    let made = 0
    let served = 0
    function* chunks(): Generator<string> {
      yield '['
      for (let i = 0; i < 3; i++) {
        made++
        served++
        yield i === 0 ? String(i) : `,${i}`
      }
      yield ']'
    }
    const lazy: Reply = {
      status: 200,
      body: chunks(),
      get records() {
        return served
      },
    }
    const reply = builtNow(lazy)
    // Made now, not when the server writes it out after the delay.
    expect(made).toBe(3)
    expect(Array.isArray(reply.body)).toBe(true)
    expect((reply.body as string[]).join('')).toBe('[0,1,2]')
    expect(reply.records).toBe(3)
  })

  it('returns a string body as it is', () => {
    const reply: Reply = { status: 200, body: '[]', records: 0 }
    expect(builtNow(reply)).toBe(reply)
  })
})

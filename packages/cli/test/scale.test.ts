import { describe, expect, it } from 'vitest'
import { untilAborted } from '../src/index.js'
import { alive, collectGarbage } from './support/gc.js'

// Memory at scale: what a long listing keeps alive. The bench's `cli` part measures the real process at 1,000,000
// records; these tests pin the causes.

async function* objects(count: number): AsyncGenerator<{ id: number; payload: number[] }> {
  for (let id = 0; id < count; id++) {
    await Promise.resolve()
    yield { id, payload: new Array(64).fill(id) }
  }
}

describe('untilAborted keeps nothing it has passed on', () => {
  it('records already handed out can be collected while the listing goes on (the signal is still live)', async () => {
    const controller = new AbortController()
    const refs: WeakRef<object>[] = []
    let aliveMidway = -1
    for await (const item of untilAborted(objects(400), controller.signal)) {
      if (item.id < 200) refs.push(new WeakRef(item))
      if (item.id === 300) {
        await collectGarbage()
        aliveMidway = alive(refs)
      }
    }
    expect(aliveMidway).toBeGreaterThanOrEqual(0)
    expect(aliveMidway).toBeLessThan(5)
    expect(controller.signal.aborted).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { createSimulatorClock } from '../src/clock.js'

describe('simulator clock', () => {
  it('runs with real time from its start instant, plus what was advanced', () => {
    let real = 1_000
    const clock = createSimulatorClock({ now: 50_000, realNow: () => real })
    expect(clock.now()).toBe(50_000)
    real += 250
    expect(clock.now()).toBe(50_250)
    clock.advance(10_000)
    expect(clock.now()).toBe(60_250)
    expect(() => clock.advance(-1)).toThrow(RangeError)
  })

  it('agrees with Date.now() when started without `now`', () => {
    const clock = createSimulatorClock()
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50)
  })

  it('freezes and resumes', () => {
    let real = 0
    const clock = createSimulatorClock({ now: 100, realNow: () => real, frozen: true })
    real += 500
    expect(clock.now()).toBe(100)
    clock.advance(5)
    expect(clock.now()).toBe(105)
    clock.resume()
    real += 10
    expect(clock.now()).toBe(115)
    clock.freeze()
    real += 10
    expect(clock.now()).toBe(115)
    expect(clock.frozen).toBe(true)
  })

  it('wakes sleepers by real time or by advance, and rejects on abort or dispose', async () => {
    const clock = createSimulatorClock({ frozen: true })
    let woke = false
    const sleeping = clock.sleep(60_000).then(() => {
      woke = true
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(woke).toBe(false)
    clock.advance(60_000)
    await sleeping
    expect(woke).toBe(true)

    const running = createSimulatorClock()
    const started = Date.now()
    await running.sleep(30)
    expect(Date.now() - started).toBeGreaterThanOrEqual(25)

    const controller = new AbortController()
    const aborted = clock.sleep(1_000, controller.signal)
    controller.abort(new Error('stop'))
    await expect(aborted).rejects.toThrow('stop')
    const disposed = clock.sleep(1_000)
    clock.dispose()
    await expect(disposed).rejects.toThrow('simulator closed')
  })
})

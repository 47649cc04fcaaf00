import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * Keeps a long-running command's heap near what it really holds. Node gives a running process no way to cap its
 * heap (`--max-old-space-size` and `--max-semi-space-size` only count at start-up), and V8 sizes its first
 * full-collection threshold from the machine's memory, not the workload: streaming a million records — whose live
 * data is one page — let garbage pile up to ~160 MB RSS before V8 collected it. The governor checks the heap four
 * times a second and runs a full collection once it has grown `growthMb` (default 16) since the last one; the next threshold
 * starts from what survived, so a command that really holds more is never collected in a loop.
 *
 * The collector is reached the way the `expose-gc` package does it: `--expose-gc` set at run time, and `gc` taken
 * from a fresh V8 context (the flag only shows `gc` in contexts created after it).
 */
export const startHeapGovernor = (options: { growthMb?: number; intervalMs?: number } = {}): (() => void) => {
  const collect = exposedGc()
  if (collect === null) return () => {}
  const growth = (options.growthMb ?? 16) * 1024 * 1024
  let threshold = process.memoryUsage().heapUsed + growth
  const timer = setInterval(() => {
    if (process.memoryUsage().heapUsed < threshold) return
    collect()
    threshold = process.memoryUsage().heapUsed + growth
  }, options.intervalMs ?? 250)
  timer.unref()
  return () => clearInterval(timer)
}

let cached: (() => void) | null | undefined

/** V8's full collection, or null where it cannot be had. */
const exposedGc = (): (() => void) | null => {
  if (cached !== undefined) return cached
  const global = (globalThis as { gc?: unknown }).gc
  if (typeof global === 'function') {
    cached = global as () => void
    return cached
  }
  try {
    setFlagsFromString('--expose-gc')
    const gc: unknown = runInNewContext('gc')
    cached = typeof gc === 'function' ? (gc as () => void) : null
  } catch {
    cached = null
  }
  return cached
}

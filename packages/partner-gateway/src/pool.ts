/**
 * Runs tasks with at most `concurrency` in flight, in order of start. Once `stopped()` is true no further task
 * starts; the ones in flight finish. Resolves when every started task has settled (tasks must not reject).
 *
 * @example
 * import { runBounded } from './pool.js'
 * let failed = false
 * await runBounded([async () => {}, async () => { failed = true }], 2, () => failed)
 */
export const runBounded = async (
  tasks: ReadonlyArray<() => Promise<void>>,
  concurrency: number,
  stopped: () => boolean,
): Promise<void> => {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < tasks.length && !stopped()) {
      const task = tasks[next++] as () => Promise<void>
      await task()
    }
  }
  const workers: Promise<void>[] = []
  for (let i = 0; i < Math.max(1, Math.min(concurrency, tasks.length)); i++) workers.push(worker())
  await Promise.all(workers)
}

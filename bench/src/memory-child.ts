/**
 * Entry of the child process that runs one memory measurement (see `runMemoryChild`): reads
 * `{ vendor, config, window }` as JSON from argv[2], prints the `ChildMemoryResult` as JSON on stdout — the
 * `MemoryResult` and this process's peak RSS as the kernel counted it (`maxRssMb`).
 */
import type { Simulator, Vendor } from '@rcs-records/simulator'
import { measureMemory } from './memory-run.js'

interface MemoryChildInput {
  vendor: Vendor
  config: Simulator['config']
  window: { from: string; to: string }
}

const { vendor, config, window } = JSON.parse(process.argv[2] ?? '{}') as MemoryChildInput
const result = await measureMemory(vendor, config, window)
// resourceUsage().maxRSS is in KiB: the high-water mark of the whole process, start-up and warm-up included.
const maxRssMb = process.resourceUsage().maxRSS / 1024
process.stdout.write(`${JSON.stringify({ ...result, maxRssMb })}\n`)

/**
 * Entry of the child process that runs one memory measurement (see `benchMemory`): reads
 * `{ vendor, config, window }` as JSON from argv[2], prints the `MemoryResult` as JSON on stdout.
 */
import type { Simulator, Vendor } from '@rcs-records/simulator'
import { measureMemory } from './memory-run.js'

interface MemoryChildInput {
  vendor: Vendor
  config: Simulator['config']
  window: { from: string; to: string }
}

const { vendor, config, window } = JSON.parse(process.argv[2] ?? '{}') as MemoryChildInput
process.stdout.write(`${JSON.stringify(await measureMemory(vendor, config, window))}\n`)

/**
 * Entry of the child process that runs one memory measurement (see `benchMemory`): reads
 * `{ vendor, config, window }` as JSON from argv[2], prints the `MemoryResult` as JSON on stdout.
 */
import { measureMemory } from './memory-run.js'

const { vendor, config, window } = JSON.parse(process.argv[2] ?? '{}')
process.stdout.write(`${JSON.stringify(await measureMemory(vendor, config, window))}\n`)

/**
 * Preloaded into the `rcs-records` process by the bench's `cli` part (`node --import …/cli-rss-probe.js bin.js …`):
 * when the process exits, writes its peak resident set size (bytes, from `process.resourceUsage().maxRSS`, which
 * the kernel keeps for the whole life of the process) to the file named by `RCS_BENCH_RSS_FILE`. Nothing else.
 */
import { writeFileSync } from 'node:fs'

const target = process.env.RCS_BENCH_RSS_FILE
if (target !== undefined && target !== '') {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024))
  })
}

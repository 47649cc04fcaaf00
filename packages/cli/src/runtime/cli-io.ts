import type { OutputStream } from '../output/sink.js'

/**
 * Everything the CLI touches outside itself, so it can run in-process (tests, embedding) as well as from the bin.
 *
 * @example
 * import { nodeIo } from '@rcs-records/cli'
 * const io = nodeIo() // process.stdout, process.stderr, process.stdin, process.env, SIGINT
 */
export interface CliIo {
  env: Readonly<Record<string, string | undefined>>
  stdout: OutputStream & { isTTY?: boolean; columns?: number; rows?: number }
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number }
  stdin: AsyncIterable<string | Uint8Array> & { isTTY?: boolean }
  now(): number
  /** Calls `handler` on each Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt(handler: () => void): () => void
  /** Ends the process at once (a second Ctrl-C). */
  exit(code: number): void
}

/**
 * The real process as a {@link CliIo}.
 *
 * @example
 * import { nodeIo, runCli } from '@rcs-records/cli'
 * process.exitCode = await runCli(process.argv.slice(2), nodeIo())
 */
export const nodeIo = (): CliIo => ({
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  now: () => Date.now(),
  onInterrupt: (handler) => {
    process.on('SIGINT', handler)
    return () => {
      process.off('SIGINT', handler)
    }
  },
  exit: (code) => process.exit(code),
})

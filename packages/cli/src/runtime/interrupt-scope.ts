import { EXIT } from '../exit-codes.js'
import type { CliIo } from './cli-io.js'

/**
 * Ctrl-C handling for one command: the first SIGINT aborts `signal` (the command then stops, flushes what it has
 * and exits 130); a second SIGINT exits 130 at once.
 */
export interface InterruptScope {
  readonly signal: AbortSignal
  readonly interrupted: boolean
  /** Stops the command for another reason (the reader of stdout went away); not an interruption. */
  abort(): void
  dispose(): void
}

/**
 * Starts listening for Ctrl-C.
 */
export const interruptScope = (io: CliIo): InterruptScope => {
  const controller = new AbortController()
  let interrupted = false
  const stop = io.onInterrupt(() => {
    if (interrupted) {
      io.exit(EXIT.interrupted)
      return
    }
    interrupted = true
    controller.abort(new Error('interrupted'))
  })
  return {
    signal: controller.signal,
    get interrupted() {
      return interrupted
    },
    abort: () => controller.abort(new Error('output closed')),
    dispose: stop,
  }
}

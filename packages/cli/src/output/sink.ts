import { closeSync, openSync, writeSync } from 'node:fs'
import { CliError } from '../cli-error.js'

/**
 * Where command output goes: stdout or an `--out` file. Writes whole lines synchronously, so an interrupted run
 * leaves only complete lines behind.
 *
 * @example
 * import type { LineSink } from '@rcs-records/cli'
 * const emit = (sink: LineSink) => sink.writeLines(['{"id":"1"}'])
 */
export interface LineSink {
  /** Writes each line followed by `\n`, in one write. Does nothing once the destination is gone. */
  writeLines(lines: readonly string[]): void
  /** True when the reader went away (EPIPE, e.g. piped into `head`). */
  readonly broken: boolean
  /** Resolves once everything written has been handed to the OS. */
  close(): Promise<void>
}

/**
 * A stream that output can be written to (process.stdout fits).
 *
 * @example
 * import type { OutputStream } from '@rcs-records/cli'
 * const out: OutputStream = process.stdout
 */
export interface OutputStream {
  write(chunk: string, callback?: (error?: Error | null) => void): boolean
  on(event: 'error', listener: (error: Error) => void): unknown
}

/**
 * Lines to a stream (stdout). When the reader closes the pipe (EPIPE), `onBroken` is called once and further writes
 * are dropped instead of crashing.
 *
 * @example
 * import { streamSink } from '@rcs-records/cli'
 * const sink = streamSink(process.stdout, () => controller.abort())
 */
export const streamSink = (stream: OutputStream, onBroken: () => void): LineSink => {
  let broken = false
  const breakOff = () => {
    if (broken) return
    broken = true
    onBroken()
  }
  stream.on('error', breakOff)
  return {
    get broken() {
      return broken
    },
    writeLines(lines) {
      if (broken || lines.length === 0) return
      try {
        stream.write(`${lines.join('\n')}\n`)
      } catch {
        breakOff()
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (broken) {
          resolve()
          return
        }
        stream.write('', () => resolve())
      }),
  }
}

/**
 * Lines to a file (created or truncated), written synchronously line batch by line batch.
 *
 * @example
 * import { fileSink } from '@rcs-records/cli'
 * const sink = fileSink('records.ndjson')
 */
export const fileSink = (path: string): LineSink => {
  let fd: number
  try {
    fd = openSync(path, 'w')
  } catch (error) {
    const code = (error as { code?: unknown }).code
    throw CliError.usage(`cannot write --out ${path}${typeof code === 'string' ? ` (${code})` : ''}`)
  }
  let closed = false
  return {
    broken: false,
    writeLines(lines) {
      if (closed || lines.length === 0) return
      const bytes = Buffer.from(`${lines.join('\n')}\n`)
      let offset = 0
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset)
    },
    close: async () => {
      if (closed) return
      closed = true
      closeSync(fd)
    },
  }
}

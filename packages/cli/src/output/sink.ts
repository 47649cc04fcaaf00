import { closeSync, openSync, writeSync } from 'node:fs'
import { CliError } from '../cli-error.js'

/**
 * Where command output goes: stdout or an `--out` file. Writes whole lines synchronously, so an interrupted run
 * leaves only complete lines behind.
 */
export interface LineSink {
  /** Writes each line followed by `\n`, in one write. Does nothing once the destination is gone. */
  writeLines(lines: readonly string[]): void
  /** True when the reader went away (EPIPE, e.g. piped into `head`). */
  readonly broken: boolean
  /**
   * Null when the destination takes more at once; otherwise a promise that resolves once it does (a pipe whose
   * reader is behind has drained). A producer awaits it before making more output, so nothing piles up in memory.
   */
  ready(): Promise<void> | null
  /** Hands whatever is buffered to the OS now (before a hard exit). */
  flush(): void
  /** Resolves once everything written has been handed to the OS. */
  close(): Promise<void>
}

/**
 * A stream that output can be written to (process.stdout fits).
 */
export interface OutputStream {
  write(chunk: string, callback?: (error?: Error | null) => void): boolean
  on(event: 'error', listener: (error: Error) => void): unknown
  once?(event: 'drain', listener: () => void): unknown
}

/**
 * Lines to a stream (stdout). When the reader closes the pipe (EPIPE), `onBroken` is called once and further writes
 * are dropped instead of crashing. When the stream's buffer is full (`write` returned false: a reader slower than
 * the vendor), `ready()` waits for `drain`.
 */
export const streamSink = (stream: OutputStream, onBroken: () => void): LineSink => {
  let broken = false
  const breakOff = () => {
    if (broken) return
    broken = true
    onBroken()
  }
  stream.on('error', breakOff)
  let full = false
  let drained: Promise<void> | null = null
  return {
    get broken() {
      return broken
    },
    writeLines(lines) {
      if (broken || lines.length === 0) return
      try {
        if (!stream.write(`${lines.join('\n')}\n`)) full = stream.once !== undefined
      } catch {
        breakOff()
      }
    },
    ready() {
      if (!full || broken) return null
      drained ??= new Promise<void>((resolve) => {
        const done = () => {
          full = false
          drained = null
          resolve()
        }
        stream.once?.('drain', done)
        stream.on('error', done)
      })
      return drained
    },
    flush() {},
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

/** A file sink hands its buffer to the OS once it holds this much… */
const FILE_CHUNK_CHARS = 64 * 1024
/** …or this long after the first line waiting in it, so a slow listing still shows up in the file as it goes. */
const FILE_FLUSH_MS = 200

/**
 * Lines to a file (created or truncated), written synchronously in whole lines, batched into chunks of about 64 KiB
 * (one system call per chunk rather than per record) and flushed at least every 200 ms, on `flush()` and on
 * `close()`: an interrupted run leaves only complete lines behind.
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
  let pending = ''
  let timer: ReturnType<typeof setTimeout> | null = null
  const flush = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    if (pending === '') return
    const bytes = Buffer.from(pending)
    pending = ''
    let offset = 0
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset)
  }
  return {
    broken: false,
    writeLines(lines) {
      if (closed || lines.length === 0) return
      for (const line of lines) pending += `${line}\n`
      if (pending.length >= FILE_CHUNK_CHARS) flush()
      else if (timer === null) timer = setTimeout(flush, FILE_FLUSH_MS).unref()
    },
    ready: () => null,
    flush: () => {
      if (!closed) flush()
    },
    close: async () => {
      if (closed) return
      flush()
      closed = true
      closeSync(fd)
    },
  }
}

import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
/** The workspace root. */
export const ROOT = resolve(here, '../../../..')
/** The real binary the tests run. */
export const BIN = join(ROOT, 'packages/cli/dist/bin.js')

const LOCK = join(tmpdir(), 'rcs-records-cli-build.lock')
const STALE_LOCK_MS = 5 * 60_000

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

const withLock = <T>(work: () => T): T => {
  const deadline = Date.now() + STALE_LOCK_MS
  while (true) {
    try {
      mkdirSync(LOCK)
      break
    } catch {
      const age = (() => {
        try {
          return Date.now() - statSync(LOCK).mtimeMs
        } catch {
          return 0
        }
      })()
      if (age > STALE_LOCK_MS || Date.now() > deadline) rmSync(LOCK, { recursive: true, force: true })
      else sleepSync(200)
    }
  }
  try {
    return work()
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
}

/**
 * Builds the CLI and what it depends on (`tsc -b packages/cli`: incremental, about a second when up to date), one
 * test file at a time, so tests always run the binary of the current sources — after `pnpm build` or without it.
 */
export const ensureBuilt = (): void => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  withLock(() => {
    try {
      execFileSync(process.execPath, [tsc, '-b', 'packages/cli'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' })
    } catch (error) {
      const output = String((error as { stdout?: unknown }).stdout ?? '')
      throw new Error(`tsc -b packages/cli failed:\n${output.split('\n').slice(0, 20).join('\n')}`)
    }
  })
}

/** What a run of the binary gave. */
export interface RunResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Options of {@link runBinary}. */
export interface RunOptions {
  env?: Record<string, string>
  stdin?: string
  timeoutMs?: number
  cwd?: string
}

/** A clean environment: nothing of the developer's RCS_* or colour settings leaks into a test (NODE_OPTIONS does). */
export const baseEnv = (): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? tmpdir(),
  COLUMNS: '120',
  ...(process.env.NODE_OPTIONS === undefined ? {} : { NODE_OPTIONS: process.env.NODE_OPTIONS }),
})

/** Starts the binary as a child process. */
export const spawnBinary = (args: readonly string[], options: RunOptions = {}) =>
  spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...baseEnv(), ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })

/** Runs the binary to completion. */
export const runBinary = (args: readonly string[], options: RunOptions = {}): Promise<RunResult> =>
  new Promise((resolvePromise, reject) => {
    const child = spawnBinary(args, options)
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`rcs-records ${args.join(' ')} did not finish in ${options.timeoutMs ?? 20_000} ms\n${stderr}`))
    }, options.timeoutMs ?? 20_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolvePromise({ code, signal, stdout, stderr })
    })
    child.stdin.end(options.stdin ?? '')
  })

/** The stderr lines, without empty ones. */
export const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '')

import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The workspace root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
/** The CLI binary as users run it. */
export const BIN = join(ROOT, 'packages/cli/dist/bin.js')

/** The same lock directory the CLI's own tests use, so two builds never write `dist` at once. */
const LOCK = join(tmpdir(), 'rcs-records-cli-build.lock')
const STALE_LOCK_MS = 5 * 60_000

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** Builds the CLI and what it depends on from the current sources (`tsc -b packages/cli`, incremental). */
export const ensureCliBuilt = (): void => {
  const deadline = Date.now() + STALE_LOCK_MS
  for (;;) {
    try {
      mkdirSync(LOCK)
      break
    } catch {
      let age = 0
      try {
        age = Date.now() - statSync(LOCK).mtimeMs
      } catch {
        age = 0
      }
      if (age > STALE_LOCK_MS || Date.now() > deadline) rmSync(LOCK, { recursive: true, force: true })
      else sleepSync(200)
    }
  }
  try {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
    execFileSync(process.execPath, [tsc, '-b', 'packages/cli'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' })
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
}

/** What one run of the CLI printed. */
export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the CLI with a clean environment (nothing of the developer's RCS_* settings) plus `env`. */
export const runCli = (args: readonly string[], env: Record<string, string>): Promise<CliRun> =>
  new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
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
      reject(new Error(`rcs-records ${args.join(' ')} did not finish\n${stderr}`))
    }, 20_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolvePromise({ code, stdout, stderr })
    })
  })

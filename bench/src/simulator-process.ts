import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { FaultSpec, Simulator, Vendor } from '@rcs-records/simulator'

/**
 * The simulator running in its own process, so its CPU and memory are not the benchmark's.
 *
 * @example
 * const sim = await startSimulatorProcess({ records: 200_000 })
 * await sim.close()
 */
export interface SimulatorProcess {
  url: string
  config: Simulator['config']
  windows: Record<Vendor, { from: string; to: string; count: number }>
  close(): Promise<void>
}

const simulatorBin = (): string => {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@rcs-records/simulator/package.json')), 'dist', 'bin.js')
}

/**
 * Starts `rcs-records-simulator` on a free loopback port and reads the configs it prints.
 *
 * @example
 * const sim = await startSimulatorProcess({ records: 1_000_000, seed: 3 })
 * const slow = await startSimulatorProcess({ records: 50_000, faults: { bsg: [{ kind: 'latency', delayMs: 100 }] } })
 */
export const startSimulatorProcess = (options: {
  records: number
  seed?: number
  /** Fault rules per vendor, as `rcs-records-simulator --faults` takes them (e.g. a `latency` on every answer). */
  faults?: Partial<Record<Vendor, readonly FaultSpec[]>>
}): Promise<SimulatorProcess> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [
        simulatorBin(),
        '--port',
        '0',
        '--seed',
        String(options.seed ?? 1),
        '--records',
        String(options.records),
        '--describe',
        ...(options.faults === undefined ? [] : ['--faults', JSON.stringify(options.faults)]),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (!chunk.includes('listening')) return
      const described = JSON.parse(stdout) as Omit<SimulatorProcess, 'close'>
      resolve({
        url: described.url,
        config: described.config,
        windows: described.windows,
        close: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    })
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`simulator exited early with ${code}`)))
  })

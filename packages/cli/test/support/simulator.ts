import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Simulator, type SimulatorOptions, startSimulator } from '@rcs-records/simulator'

/** A temporary directory for one test file. */
export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'rcs-cli-test-'))

/** Writes a JSON file and returns its path. */
export const writeJson = (dir: string, name: string, value: unknown): string => {
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify(value))
  return path
}

/** A simulator with a frozen clock, so the ground truth cannot move while the binary lists. */
export const frozenSimulator = (options: SimulatorOptions = {}): Promise<Simulator> =>
  startSimulator({ seed: 11, records: 120, windowMs: 2 * 86_400_000, frozen: true, ...options })

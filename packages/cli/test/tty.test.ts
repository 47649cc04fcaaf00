import type { Simulator } from '@rcs-records/simulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliIo, runCli } from '../src/index.js'
import { frozenSimulator, tempDir, writeJson } from './support/simulator.js'

// In-process runs with a fake terminal: what the child-process tests (always piped) cannot show.

let sim: Simulator
let configPath: string

beforeAll(async () => {
  sim = await frozenSimulator({ seed: 31, records: 300 })
  configPath = writeJson(tempDir(), 'sim.json', sim.config)
})

afterAll(async () => {
  await sim?.close()
})

const fakeTerminal = (env: Record<string, string> = {}, columns = 70) => {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    env,
    stdout: {
      isTTY: true,
      columns,
      write: (chunk: string, callback?: (error?: Error | null) => void) => {
        out.push(chunk)
        callback?.()
        return true
      },
      on: () => undefined,
    },
    stderr: { isTTY: true, columns, write: (text: string) => err.push(text) },
    stdin: { isTTY: true, [Symbol.asyncIterator]: async function* () {} },
    now: () => Date.now(),
    onInterrupt: () => () => {},
    exit: () => {},
  }
  return { io, out: () => out.join(''), err: () => err.join('') }
}

describe('on a terminal', () => {
  const listArgs = () => {
    const { from, to } = sim.truth.window('bsg')
    return ['list', '-c', configPath, '-p', 'bsg', '--from', from, '--to', to]
  }

  it('defaults to a coloured table that fits the terminal, and draws progress on stderr', async () => {
    const terminal = fakeTerminal()
    expect(await runCli(listArgs(), terminal.io)).toBe(0)
    const text = terminal.out()
    expect(text).toContain('\u001b[')
    expect(text).toContain('┌')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping colour codes
    const plain = text.replace(/\u001b\[\d+m/g, '')
    for (const line of plain.split('\n')) expect([...line].length).toBeLessThanOrEqual(70)
    expect(plain).toContain(`${sim.truth.count('bsg', sim.truth.window('bsg'))} records`)
    expect(terminal.err()).toContain('\r\u001b[Kbsg: ')
    expect(terminal.err().endsWith('\r\u001b[K')).toBe(true)
  })

  it('is plain with NO_COLOR, and draws no progress with --no-progress', async () => {
    const terminal = fakeTerminal({ NO_COLOR: '1' })
    expect(await runCli([...listArgs(), '--no-progress'], terminal.io)).toBe(0)
    expect(terminal.out()).not.toContain('\u001b[')
    expect(terminal.out()).toContain('┌')
    expect(terminal.err()).toBe('')
  })

  it('draws the funnel with coloured bars', async () => {
    const terminal = fakeTerminal({}, 100)
    const { from, to } = sim.truth.window('spacivox')
    expect(await runCli(['report', '-c', configPath, '-p', 'spacivox', '--from', from, '--to', to], terminal.io)).toBe(
      0,
    )
    expect(terminal.out()).toContain('delivered  \u001b[32m█')
  })
})
